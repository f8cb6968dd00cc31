import { defineFunction } from '../function'
import { listQuestions as list } from '../quiz/questions'

/** 题库: the bank, searched by stem words or a tag, newest first. */
export const listQuestions = defineFunction('listQuestions', (input, { db, caller }) => list(db, caller, input))
