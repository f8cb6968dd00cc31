import { defineFunction } from '../function'
import { submitExamAttempt as submit } from '../quiz/exam-attempts'

/** 考试: hands in the caller's answers, within the time; a repeat answers the first result. */
export const submitExamAttempt = defineFunction('submitExamAttempt', (input, { db, caller, now }) => submit(db, caller, now, input))
