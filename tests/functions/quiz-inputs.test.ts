import { main as quiz } from '../../cloudfunctions/quiz'
import { AUDIT } from '../../server/audit'
import { CHAPTER_QUIZZES } from '../../server/quiz/chapter'
import { DAILY_QUIZZES } from '../../server/quiz/daily'
import { EXAM_ATTEMPTS } from '../../server/quiz/exam-attempts'
import { EXAMS } from '../../server/quiz/exams'
import { QUESTIONS } from '../../server/quiz/questions'
import { WRONG_BOOKS } from '../../server/quiz/wrong-book'
import { FUNCTIONS } from '../../types/actions'
import { refusesBadInput } from '../support/bad-input'

/**
 * Every 在线考核 action through its deployed router, with input it must refuse: INVALID_INPUT with a
 * message in Chinese, and nothing written anywhere the quiz writes.
 */
const BAD: Record<(typeof FUNCTIONS)['quiz'][number], Record<string, unknown>[]> = {
  saveQuestion: [
    {},
    { question: { type: 'essay', stem: '题', answer: [0], explanation: '解' } },
    { question: { type: 'single', stem: '', options: ['a', 'b'], answer: [0], explanation: '解' } },
  ],
  getQuestion: [{}, { id: '' }],
  retireQuestion: [{ id: 'q' }, { id: 'q', retired: 'yes' }],
  listQuestions: [{ status: 'lost' }, { query: 'x'.repeat(51) }],
  getDailyQuiz: [{ day: '2026-11-23' }],
  submitDailyQuiz: [{ questionId: 'q' }, { questionId: 'q', choice: [] }, { questionId: 'q', choice: [-1] }],
  listWrongAnswers: [{ page: 2 }],
  retryWrongAnswer: [
    { questionId: 'q', choice: [0] },
    { questionId: 'q', choice: [0], requestKey: '短' },
  ],
  getChapterQuiz: [{}],
  submitChapterQuiz: [
    { chapterId: 'c', answers: [], requestKey: 'chapter-key-1' },
    { chapterId: 'c', answers: [{ questionId: 'q', choice: [0] }] },
  ],
  saveExam: [
    { title: '考试' },
    {
      title: '考试',
      unitId: 'branch-1',
      questions: { mode: 'random' },
      opensAt: '2026-12-01T09:00:00+08:00',
      closesAt: '2026-12-02T09:00:00+08:00',
      timeLimitMinutes: 10,
      passPercent: 60,
      attempts: 1,
    },
  ],
  getExam: [{}],
  listManagedExams: [{ cursor: 42 }],
  publishExam: [{ id: 7 }],
  listExams: [{ all: true }],
  startExamAttempt: [{ examId: 'e' }, { examId: 'e', requestKey: '!' }],
  submitExamAttempt: [{ attemptId: 'a' }, { attemptId: 'a', answers: 'all right' }],
  getExamAttempt: [{}],
  getExamResults: [{ unitId: 'branch-1' }],
}

const WRITTEN = [QUESTIONS, DAILY_QUIZZES, WRONG_BOOKS, CHAPTER_QUIZZES, EXAMS, EXAM_ATTEMPTS, AUDIT]

test('the table covers every quiz action', () => {
  expect(Object.keys(BAD).sort()).toEqual([...FUNCTIONS.quiz].sort())
})

refusesBadInput(quiz, BAD, WRITTEN)
