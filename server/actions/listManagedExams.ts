import { defineFunction } from '../function'
import { listManagedExams as list } from '../quiz/exams'

/** 考试: the exams a leader or admin follows, newest first. */
export const listManagedExams = defineFunction('listManagedExams', (input, { db, caller }) => list(db, caller, input.cursor))
