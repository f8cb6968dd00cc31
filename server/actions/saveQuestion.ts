import { defineFunction } from '../function'
import { saveQuestion as save } from '../quiz/questions'

/** 题库: an admin adds a question or edits one; its texts are content-checked. */
export const saveQuestion = defineFunction('saveQuestion', (input, { db, contentCheck, caller, now }) => save(db, contentCheck, caller, now, input), {
  uses: ['contentCheck'],
})
