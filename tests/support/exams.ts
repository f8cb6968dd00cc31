import { publishExam } from '../../server/actions/publishExam'
import { saveExam } from '../../server/actions/saveExam'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { startExamAttempt } from '../../server/actions/startExamAttempt'
import { submitExamAttempt } from '../../server/actions/submitExamAttempt'
import type { TestCloud } from './cloud'
import { ok } from './study'

/** A published one-question exam (a 判断题 whose answer is 对, choice 0) by the organisation's admin. */
export async function oneQuestionExam(cloud: TestCloud, over: { title: string; unitId: string; opensAt: string; closesAt: string }) {
  const question = ok(await cloud.call(saveQuestion, 'wx-org', { question: { type: 'judge', stem: '学习贵在坚持。', answer: [0], explanation: '对。' } }))
  const exam = ok(
    await cloud.call(saveExam, 'wx-org', {
      ...over,
      questions: { mode: 'fixed', questionIds: [question._id] },
      timeLimitMinutes: 10,
      passPercent: 60,
      attempts: 1,
    }),
  )
  ok(await cloud.call(publishExam, 'wx-org', { id: exam._id }))
  /** The member sits it now with `choice` (0: right, 1: wrong). */
  const sit = async (member: string, choice: 0 | 1) => {
    const paper = ok(await cloud.call(startExamAttempt, `wx-${member}`, { examId: exam._id, requestKey: `exam-of-${member}` }))
    ok(await cloud.call(submitExamAttempt, `wx-${member}`, { attemptId: paper.attemptId, answers: [{ questionId: question._id, choice: [choice] }] }))
  }
  return { exam, sit }
}
