import { defineFunction } from '../function'
import { saveExam as save } from '../quiz/exams'

/** 考试: an admin composes a draft for a unit in reach, or edits one (title and note content-checked). */
export const saveExam = defineFunction('saveExam', (input, { db, contentCheck, caller, now }) => save({ db, contentCheck, now }, caller, input), {
  uses: ['contentCheck'],
})
