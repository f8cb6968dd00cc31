import { defineRouter } from '../../server/function'
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

/** 在线考核: the question bank, 每日答题 with its 错题本, and 章节小测. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('quiz', { saveQuestion, getQuestion, retireQuestion, listQuestions, getDailyQuiz, submitDailyQuiz, listWrongAnswers, retryWrongAnswer, getChapterQuiz, submitChapterQuiz })
