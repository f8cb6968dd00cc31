import { defineFunction } from '../function'
import { getExam as get } from '../quiz/exams'

/** 考试: one exam, for its editor or results page. */
export const getExam = defineFunction('getExam', (input, { db, caller }) => get(db, caller, input.id))
