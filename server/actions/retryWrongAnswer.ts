import { defineFunction } from '../function'
import { retryWrongAnswer as retry } from '../quiz/wrong-book'

/** 错题本: answers a missed question again; two right answers clear it. */
export const retryWrongAnswer = defineFunction('retryWrongAnswer', (input, { db, caller, now }) => retry(db, caller, now, input))
