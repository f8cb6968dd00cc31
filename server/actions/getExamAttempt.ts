import { defineFunction } from '../function'
import { getExamAttempt as get } from '../quiz/exam-attempts'

/** 考试: the caller's own attempt, its paper while it runs and its result after. */
export const getExamAttempt = defineFunction('getExamAttempt', (input, { db, caller, now }) => get(db, caller, now, input.attemptId))
