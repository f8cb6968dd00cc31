import { addDays, dayKey, startOfDay } from '../../types/calendar'
import type { CloudDatabase } from '../../server/db/types'
import type { Member } from '../../server/members'
import { startExamAttempt, submitExamAttempt } from '../../server/quiz/exam-attempts'
import { EXAMS, type ExamDoc } from '../../server/quiz/exams'
import { QUESTIONS, type QuestionDoc } from '../../server/quiz/questions'
import { seeded } from '../seeded-random'

/** The demo's 季度考核: the whole organisation's, open from two days before the seed's day for a week. */
export const SEED_EXAM_ID = 'exam-demo-quarter'
const QUESTIONS_PER_PAPER = 10

/**
 * The quarter's 考核 and the first attempts at it: most of the members who have history sat it
 * yesterday, each answering by their own fixed chance of being right, through the same server
 * code as the pages (so results, bands and pass rates are what members would produce). Newcomers
 * (`skip`) have not sat it: the demo can start one.
 */
export async function seedExam(db: CloudDatabase, members: Member[], skip: ReadonlySet<string>, now: Date, createdBy: string): Promise<number> {
  const today = dayKey(now)
  const opensAt = new Date(startOfDay(addDays(today, -2)).getTime() + 9 * 3600_000)
  const exam: ExamDoc = {
    _id: SEED_EXAM_ID,
    title: '第四季度学习考核',
    intro: '本季度必读书目和每周一学的内容，10 道题，20 分钟。',
    unitId: 'committee',
    unitKind: 'committee',
    unitName: '示范单位机关党委',
    branchId: null,
    questions: { mode: 'draw', draws: [{ tag: null, difficulty: null, count: QUESTIONS_PER_PAPER }] },
    questionCount: QUESTIONS_PER_PAPER,
    opensAt,
    closesAt: new Date(startOfDay(addDays(today, 6)).getTime() + 18 * 3600_000),
    timeLimitMinutes: 20,
    passPercent: 60,
    attempts: 2,
    status: 'published',
    publishedAt: opensAt,
    createdBy,
    createdAt: opensAt,
    updatedAt: opensAt,
  }
  const { _id, ...fields } = exam
  await db.collection(EXAMS).doc(_id).set({ data: fields })
  const sitters = members.filter((m) => m.status === 'active' && !skip.has(m._id)).filter((_, i) => i % 4 !== 3)
  const yesterday = startOfDay(addDays(today, -1)).getTime()
  for (const [i, member] of sitters.entries()) {
    const random = seeded(1000 + i)
    const skill = 0.35 + 0.6 * random()
    const startedAt = new Date(yesterday + (9 * 60 + i * 7) * 60_000)
    const paper = await startExamAttempt(db, member, startedAt, { examId: exam._id, requestKey: `seed-exam-${member._id}` })
    const { data } = await db
      .collection(QUESTIONS)
      .where({ _id: db.command.in(paper.questions.map((q) => q._id)) })
      .get()
    const answers = (data as QuestionDoc[]).map((q) => ({
      questionId: q._id,
      choice: random() < skill ? q.answer : [q.options.findIndex((_o, k) => !q.answer.includes(k))],
    }))
    await submitExamAttempt(db, member, new Date(startedAt.getTime() + 12 * 60_000), { attemptId: paper.attemptId, answers })
  }
  return sitters.length
}
