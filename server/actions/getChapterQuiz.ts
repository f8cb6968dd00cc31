import { defineFunction } from '../function'
import { getChapterQuiz as get } from '../quiz/chapter'

/** 章节小测: a completed chapter's questions, and whether it is 已掌握. */
export const getChapterQuiz = defineFunction('getChapterQuiz', (input, { db, caller }) => get(db, caller, input.chapterId))
