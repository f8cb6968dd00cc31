import { DAILY_QUIZ_FRESH_DAYS, DAILY_QUIZ_SIZE, type ActionOutput, type QuizAnswer } from '../../types'
import { addDays, dayKey, weekKey } from '../../types/calendar'
import { addOnce, fieldKey, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { Member } from '../members'
import { authorize, memberTarget } from '../permissions'
import { recordScore } from '../scoring/ledger'
import { versionsForDay } from '../scoring/rule-versions'
import { kindPoints, rulesOn } from '../scoring/rules'
import { WEEKLY_LISTS, type WeeklyListDoc } from '../weekly/docs'
import { inAudience } from '../weekly/publications'
import { drawQuestions, focusKey, type WeekFocus } from './draw'
import { followable } from './followable'
import { allQuestions, QUESTIONS, toQuizQuestion, type QuestionDoc } from './questions'
import { checkChoice, inOrder, isRight, quizAnswer } from './grading'
import { addMiss } from './wrong-book'

/**
 * 每日答题: a member's questions of a Shanghai day, `dailyQuizzes/<member>_<day>`, drawn on the
 * day's first open and kept, so reopening shows the same five. Each answer is written once
 * (a repeat answers what was stored) with a `pending` mark in the same update; its effects — the
 * point for a right answer, the 错题本 for a wrong one — are each idempotent, and the mark is
 * cleared after them. A mark left by a lost request is settled by the member's next open or answer,
 * or by the nightly reconciliation.
 */
export const DAILY_QUIZZES = 'dailyQuizzes'

interface StoredAnswer {
  questionId: string
  choice: number[]
  correct: boolean
  at: Date
}

export interface DailyQuizDoc {
  _id: string
  memberId: string
  day: string
  questionIds: string[]
  answers: Record<string, StoredAnswer>
  pending: Record<string, true>
  /** Answers whose effects are not settled yet: the nightly reconciliation looks for > 0. */
  unsettled: number
  createdAt: Date
}

const quizId = (memberId: string, day: string) => `${memberId}_${day}`
/** The points ledger's source for a right answer: once per member, day and question. */
export const quizSourceId = (memberId: string, day: string, questionId: string) => `${memberId}_${day}_${questionId}`

type Scored = Pick<Member, '_id' | 'groupId' | 'branchId'>

/** This week's list for the member's branch, as read-only focus for the draw. */
async function weekFocus(db: CloudDatabase, member: Member, now: Date): Promise<WeekFocus> {
  const { data } = await db
    .collection(WEEKLY_LISTS)
    .where({ week: weekKey(now), status: 'published' })
    .limit(100)
    .get()
  const list = (data as WeeklyListDoc[]).find((l) => inAudience(l, member.branchId))
  return new Set((list?.items ?? []).filter((i) => i.refId).map((i) => focusKey(i.kind, i.refId!)))
}

/** The ids the member answered in the fresh window before today. */
async function recentlyAnswered(db: CloudDatabase, memberId: string, today: string): Promise<Set<string>> {
  const _ = db.command
  const { data } = await db
    .collection(DAILY_QUIZZES)
    .where({ memberId, day: _.gte(addDays(today, -(DAILY_QUIZ_FRESH_DAYS - 1))).and(_.lt(today)) })
    .field({ answers: true })
    .limit(DAILY_QUIZ_FRESH_DAYS)
    .get()
  return new Set((data as Pick<DailyQuizDoc, 'answers'>[]).flatMap((d) => Object.values(d.answers ?? {}).map((a) => a.questionId)))
}

/** Today's quiz, drawn if this is its first open. */
async function todaysQuiz(db: CloudDatabase, member: Member, now: Date): Promise<{ quiz: DailyQuizDoc; questions?: QuestionDoc[] }> {
  const day = dayKey(now)
  const found = await findDoc<DailyQuizDoc>(db, DAILY_QUIZZES, quizId(member._id, day))
  if (found) return { quiz: found }
  const [bank, answered, focus] = await Promise.all([allQuestions(db, { status: 'active' }), recentlyAnswered(db, member._id, day), weekFocus(db, member, now)])
  const fresh = await followable(
    db,
    bank.filter((q) => !answered.has(q._id)),
  )
  const questionIds = drawQuestions(fresh, focus, quizId(member._id, day), DAILY_QUIZ_SIZE)
  const quiz: DailyQuizDoc = { _id: quizId(member._id, day), memberId: member._id, day, questionIds, answers: {}, pending: {}, unsettled: 0, createdAt: now }
  // A concurrent first open drew the same questions and wrote them first: its answers may have begun.
  if (!(await addOnce(db, DAILY_QUIZZES, quiz))) return { quiz: (await findDoc<DailyQuizDoc>(db, DAILY_QUIZZES, quiz._id))! }
  return { quiz, questions: bank.filter((q) => questionIds.includes(q._id)) }
}

async function questionsById(db: CloudDatabase, ids: string[]): Promise<Map<string, QuestionDoc>> {
  if (ids.length === 0) return new Map()
  const { data } = await db
    .collection(QUESTIONS)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get()
  return new Map((data as QuestionDoc[]).map((q) => [q._id, q]))
}

const answerOf = (stored: StoredAnswer, question: QuestionDoc): QuizAnswer => quizAnswer(question, stored.choice, stored.correct)

/** Today's rule and points for the right answers so far, as the ledger scores them. */
async function tally(db: CloudDatabase, quiz: DailyQuizDoc) {
  const rule = rulesOn(await versionsForDay(db, quiz.day), quiz.day).kinds.quiz
  const answers = Object.values(quiz.answers ?? {})
  const correct = answers.filter((a) => a.correct).length
  return { answered: answers.length, correct, points: kindPoints(rule, correct), each: rule.points, cap: rule.dailyCap }
}

/** The answer's effects, then its mark cleared: each effect is keyed, so settling twice does them once. */
async function settle(db: CloudDatabase, member: Scored, quiz: Pick<DailyQuizDoc, '_id' | 'day'>, answer: StoredAnswer): Promise<void> {
  if (answer.correct) {
    await recordScore(db, { kind: 'quiz', sourceId: quizSourceId(member._id, quiz.day, answer.questionId), member, at: new Date(answer.at) })
  } else {
    await addMiss(db, member._id, answer.questionId, quiz.day, new Date(answer.at))
  }
  const key = fieldKey(answer.questionId)
  const _ = db.command
  await db
    .collection(DAILY_QUIZZES)
    .where({ _id: quiz._id, [`pending.${key}`]: true })
    .update({ data: { [`pending.${key}`]: _.remove(), unsettled: _.inc(-1) } })
}

/** Settles every answer the quiz still marks; answers how many. */
async function settleQuiz(db: CloudDatabase, member: Scored, quiz: DailyQuizDoc): Promise<number> {
  const marked = Object.keys(quiz.pending ?? {}).filter((key) => quiz.answers?.[key])
  for (const key of marked) await settle(db, member, quiz, quiz.answers[key])
  return marked.length
}

export async function getDailyQuiz(db: CloudDatabase, caller: Member, now: Date): Promise<ActionOutput<'getDailyQuiz'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const { quiz, questions } = await todaysQuiz(db, caller, now)
  if (quiz.unsettled > 0) await settleQuiz(db, caller, quiz)
  const byId = questions ? new Map(questions.map((q) => [q._id, q])) : await questionsById(db, quiz.questionIds)
  const shown = quiz.questionIds.map((id) => byId.get(id)).filter((q): q is QuestionDoc => !!q)
  const answers = Object.values(quiz.answers ?? {})
    .map((a) => byId.get(a.questionId) && answerOf(a, byId.get(a.questionId)!))
    .filter((a): a is QuizAnswer => !!a)
  const { points, each, cap } = await tally(db, quiz)
  return { day: quiz.day, questions: shown.map(toQuizQuestion), answers, points, each, cap }
}

export async function submitDailyQuiz(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { questionId: string; choice: number[] },
): Promise<ActionOutput<'submitDailyQuiz'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const day = dayKey(now)
  let quiz = await findDoc<DailyQuizDoc>(db, DAILY_QUIZZES, quizId(caller._id, day))
  if (!quiz || !quiz.questionIds.includes(input.questionId)) throw new AppError('NOT_FOUND', '这道题不在今天的题目里，请刷新后再答')
  const question = await findDoc<QuestionDoc>(db, QUESTIONS, input.questionId)
  if (!question) throw new AppError('NOT_FOUND', '题目不存在')
  const key = fieldKey(input.questionId)
  let stored = quiz.answers?.[key]
  if (!stored) {
    checkChoice(question, input.choice)
    const answer: StoredAnswer = { questionId: input.questionId, choice: inOrder(input.choice), correct: isRight(question, input.choice), at: now }
    const _ = db.command
    const { stats } = await db
      .collection(DAILY_QUIZZES)
      .where({ _id: quiz._id, [`answers.${key}`]: _.exists(false) })
      .update({ data: { [`answers.${key}`]: answer, [`pending.${key}`]: true, unsettled: _.inc(1) } })
    // Answered meanwhile by a concurrent call: what it stored stands.
    quiz =
      stats.updated === 1
        ? { ...quiz, answers: { ...quiz.answers, [key]: answer }, pending: { ...quiz.pending, [key]: true } }
        : (await findDoc<DailyQuizDoc>(db, DAILY_QUIZZES, quiz._id))!
    stored = quiz.answers[key]
  }
  if (quiz.pending?.[key]) await settle(db, caller, quiz, stored)
  const { answered, correct, points } = await tally(db, quiz)
  return { answer: answerOf(stored, question), answered, correct, points }
}

/**
 * The nightly reconciliation's part, for a batch of members (in `_id` order): the answers a lost
 * request left unsettled are settled, each effect keyed, so one settled meanwhile is not doubled.
 */
export async function settleLostAnswers(db: CloudDatabase, members: Scored[]): Promise<void> {
  const _ = db.command
  const byId = new Map(members.map((m) => [m._id, m]))
  for (;;) {
    const { data } = await db
      .collection(DAILY_QUIZZES)
      .where({ memberId: _.gte(members[0]._id).and(_.lte(members[members.length - 1]._id)), unsettled: _.gt(0) })
      .limit(1000)
      .get()
    const quizzes = data as DailyQuizDoc[]
    let settled = 0
    for (const quiz of quizzes) {
      const member = byId.get(quiz.memberId)
      if (member) settled += await settleQuiz(db, member, quiz)
    }
    // A page that settled nothing would come back as it was: stop there.
    if (quizzes.length < 1000 || settled === 0) return
  }
}
