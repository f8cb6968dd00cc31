import { defineFunction } from '../function'
import { submitDailyQuiz as submit } from '../quiz/daily'

/** 每日答题: answers one of today's questions; a repeat answers what was stored first. */
export const submitDailyQuiz = defineFunction('submitDailyQuiz', (input, { db, caller, now }) => submit(db, caller, now, input))
