import { defineFunction } from '../function'
import { listWrongAnswers as list } from '../quiz/wrong-book'

/** 错题本: the questions the caller answered wrong, the most recently missed first. */
export const listWrongAnswers = defineFunction('listWrongAnswers', (_input, { db, caller }) => list(db, caller))
