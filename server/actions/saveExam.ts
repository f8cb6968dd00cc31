import { defineFunction } from '../function'
import { saveExam as save } from '../quiz/exams'

/** 考试: an admin composes a draft for a unit in reach, or edits one. */
export const saveExam = defineFunction('saveExam', (input, { db, caller, now }) => save(db, caller, now, input))
