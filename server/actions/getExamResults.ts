import { defineFunction } from '../function'
import { examResults } from '../quiz/exam-results'

/** 考试成绩: pass rate, mean and distribution by unit, and each member's best, within reach. */
export const getExamResults = defineFunction('getExamResults', (input, { db, caller }) => examResults(db, caller, input))
