import { defineFunction } from '../function'
import { getQuestion as get } from '../quiz/questions'

/** 题库: one question with its answer, for the admin's editor. */
export const getQuestion = defineFunction('getQuestion', (input, { db, caller }) => get(db, caller, input.id))
