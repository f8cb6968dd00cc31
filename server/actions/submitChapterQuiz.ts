import { defineFunction } from '../function'
import { submitChapterQuiz as submit } from '../quiz/chapter'

/** 章节小测: grades the answers; passing marks the chapter 已掌握. */
export const submitChapterQuiz = defineFunction('submitChapterQuiz', (input, { db, caller, now }) => submit(db, caller, now, input))
