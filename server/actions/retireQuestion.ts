import { defineFunction } from '../function'
import { retireQuestion as retire } from '../quiz/questions'

/** 题库: takes a question out of the draws, or puts it back. */
export const retireQuestion = defineFunction('retireQuestion', (input, { db, caller, now }) => retire(db, caller, now, input))
