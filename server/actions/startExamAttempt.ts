import { defineFunction } from '../function'
import { startExamAttempt as start } from '../quiz/exam-attempts'

/** 考试: starts the caller's next attempt (or answers the one running). */
export const startExamAttempt = defineFunction('startExamAttempt', (input, { db, caller, now }) => start(db, caller, now, input))
