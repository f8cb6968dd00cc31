import { defineRouter } from '../../server/function'
import { saveExam } from '../../server/actions/saveExam'
import { getExam } from '../../server/actions/getExam'
import { listManagedExams } from '../../server/actions/listManagedExams'
import { publishExam } from '../../server/actions/publishExam'
import { listExams } from '../../server/actions/listExams'
import { startExamAttempt } from '../../server/actions/startExamAttempt'
import { submitExamAttempt } from '../../server/actions/submitExamAttempt'
import { getExamAttempt } from '../../server/actions/getExamAttempt'
import { getExamResults } from '../../server/actions/getExamResults'
import { getChapterQuiz } from '../../server/actions/getChapterQuiz'
import { getDailyQuiz } from '../../server/actions/getDailyQuiz'
import { getQuestion } from '../../server/actions/getQuestion'
import { listQuestions } from '../../server/actions/listQuestions'
import { listWrongAnswers } from '../../server/actions/listWrongAnswers'
import { retireQuestion } from '../../server/actions/retireQuestion'
import { retryWrongAnswer } from '../../server/actions/retryWrongAnswer'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { submitChapterQuiz } from '../../server/actions/submitChapterQuiz'
import { submitDailyQuiz } from '../../server/actions/submitDailyQuiz'

/** 在线考核: the question bank, 每日答题 with its 错题本, 章节小测 and exams. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('quiz', {
  saveQuestion,
  getQuestion,
  retireQuestion,
  listQuestions,
  getDailyQuiz,
  submitDailyQuiz,
  listWrongAnswers,
  retryWrongAnswer,
  getChapterQuiz,
  submitChapterQuiz,
  saveExam,
  getExam,
  listManagedExams,
  publishExam,
  listExams,
  startExamAttempt,
  submitExamAttempt,
  getExamAttempt,
  getExamResults,
})
