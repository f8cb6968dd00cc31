import { defineFunction } from '../function'
import { publishExam as publish } from '../quiz/exams'

/** 考试: publishes a draft and tells the members who asked for 考试通知. */
export const publishExam = defineFunction('publishExam', (input, { db, messenger, caller, now }) => publish({ db, messenger, now }, caller, input.id), {
  uses: ['messenger'],
})
