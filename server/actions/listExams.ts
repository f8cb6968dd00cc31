import { defineFunction } from '../function'
import { listExams as list } from '../quiz/exam-attempts'

/** 我的考试: the exams the caller sits, with their own attempts. */
export const listExams = defineFunction('listExams', (_input, { db, caller, now }) => list(db, caller, now))
