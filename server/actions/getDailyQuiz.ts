import { defineFunction } from '../function'
import { getDailyQuiz as today } from '../quiz/daily'

/** 每日答题: today's questions (drawn on the day's first open) and the answers given so far. */
export const getDailyQuiz = defineFunction('getDailyQuiz', (_input, { db, caller, now }) => today(db, caller, now))
