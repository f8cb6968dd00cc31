import { EXAM_GRACE_SECONDS, type ActionOutput, type ExamPaper, type ExamResult, type ExamSummary } from '../../types'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { inUnit } from '../units'
import { AppError } from '../errors'
import type { Member } from '../members'
import { mySubscriptions } from '../notify/grants'
import { authorize, memberTarget } from '../permissions'
import { EXAMS, matchesDraw, requireExam, type ExamDoc } from './exams'
import { drawQuestions } from './draw'
import { followable } from './followable'
import { checkChoice, isRight, quizAnswer } from './grading'
import { allQuestions, QUESTIONS, toQuizQuestion, type QuestionDoc } from './questions'

/**
 * An exam attempt (`examAttempts/<exam>_<member>_<n>`): the n-th of the member's, so at most the
 * exam's number can ever exist. Its questions are fixed when it starts (drawn for it when the exam
 * draws), its deadline is the time limit or the exam's end, whichever comes first. The answer key
 * and the clock stay here: a submission after the deadline and its grace is refused and the
 * attempt counts as used; a repeated submission answers the first result.
 */
export const EXAM_ATTEMPTS = 'examAttempts'

export interface AttemptDoc {
  _id: string
  examId: string
  memberId: string
  groupId: string
  branchId: string
  number: number
  requestKey: string
  questionIds: string[]
  startedAt: Date
  deadline: Date
  status: 'started' | 'submitted' | 'expired'
  submittedAt?: Date
  answers?: { questionId: string; choice: number[]; correct: boolean }[]
  right?: number
  percent?: number
  passed?: boolean
}

const attemptId = (examId: string, memberId: string, n: number) => `${examId}_${memberId}_${n}`
const graceMs = EXAM_GRACE_SECONDS * 1000
const iso = (d: Date | string) => new Date(d).toISOString()

/** The member's attempts at the exam, in order (an exam allows a handful). */
async function attemptsOf(db: CloudDatabase, examId: string, memberId: string): Promise<AttemptDoc[]> {
  const { data } = await db.collection(EXAM_ATTEMPTS).where({ examId, memberId }).limit(100).get()
  return (data as AttemptDoc[]).sort((a, b) => a.number - b.number)
}

/** An attempt past its deadline and grace, still unsubmitted, is used up: marked so, once. */
async function expireIfLate(db: CloudDatabase, attempt: AttemptDoc, now: Date): Promise<AttemptDoc> {
  if (attempt.status !== 'started' || now.getTime() <= new Date(attempt.deadline).getTime() + graceMs) return attempt
  await db
    .collection(EXAM_ATTEMPTS)
    .where({ _id: attempt._id, status: 'started' })
    .update({ data: { status: 'expired' } })
  return (await findDoc<AttemptDoc>(db, EXAM_ATTEMPTS, attempt._id)) ?? attempt
}

/** The attempt's questions: the exam's own, or drawn for this attempt by each rule in turn. */
async function questionsFor(db: CloudDatabase, exam: ExamDoc, seed: string): Promise<string[]> {
  if (exam.questions.mode === 'fixed') return exam.questions.questionIds
  const bank = await followable(db, await allQuestions(db, { status: 'active' }))
  const taken: string[] = []
  for (const draw of exam.questions.draws) {
    const pool = bank.filter((q) => !taken.includes(q._id) && matchesDraw(q, draw))
    if (pool.length < draw.count) throw new AppError('CONFLICT', '题库里的题目不够这场考试抽取，请联系组织者')
    // The daily draw's sampling, unweighted: the same attempt always draws the same paper.
    taken.push(...drawQuestions(pool, new Set(), seed, draw.count))
  }
  return taken
}

async function questionDocs(db: CloudDatabase, ids: string[]): Promise<QuestionDoc[]> {
  const { data } = await db
    .collection(QUESTIONS)
    .where({ _id: db.command.in(ids) })
    .limit(1000)
    .get()
  const byId = new Map((data as QuestionDoc[]).map((q) => [q._id, q]))
  return ids.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []))
}

function paperOf(exam: ExamDoc, attempt: AttemptDoc, questions: QuestionDoc[], now: Date): ExamPaper {
  return {
    attemptId: attempt._id,
    examId: exam._id,
    title: exam.title,
    number: attempt.number,
    questions: questions.map(toQuizQuestion),
    startedAt: iso(attempt.startedAt),
    deadline: iso(attempt.deadline),
    now: now.toISOString(),
  }
}

function resultOf(exam: ExamDoc, attempt: AttemptDoc, questions: QuestionDoc[]): ExamResult {
  const byId = new Map(questions.map((q) => [q._id, q]))
  return {
    attemptId: attempt._id,
    examId: exam._id,
    title: exam.title,
    number: attempt.number,
    right: attempt.right ?? 0,
    total: attempt.questionIds.length,
    percent: attempt.percent ?? 0,
    passed: attempt.passed ?? false,
    passPercent: exam.passPercent,
    submittedAt: iso(attempt.submittedAt ?? attempt.deadline),
    questions: questions.map(toQuizQuestion),
    answers: (attempt.answers ?? []).flatMap((a) => (byId.get(a.questionId) ? [quizAnswer(byId.get(a.questionId)!, a.choice, a.correct)] : [])),
  }
}

/** The published exam the caller sits, or NOT_FOUND as if there were none. */
async function examForMember(db: CloudDatabase, caller: Member, examId: string): Promise<ExamDoc> {
  const exam = await requireExam(db, examId)
  if (exam.status !== 'published' || !inUnit(exam, caller)) throw new AppError('NOT_FOUND', '没有找到这场考试')
  return exam
}

/**
 * Starts the caller's next attempt, or answers the one running (and a retry of the same start,
 * same request key, answers the attempt it started).
 */
export async function startExamAttempt(db: CloudDatabase, caller: Member, now: Date, input: { examId: string; requestKey: string }): Promise<ExamPaper> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const exam = await examForMember(db, caller, input.examId)
  const attempts = await Promise.all((await attemptsOf(db, exam._id, caller._id)).map((a) => expireIfLate(db, a, now)))
  const running = attempts.find((a) => a.status === 'started')
  if (running) return paperOf(exam, running, await questionDocs(db, running.questionIds), now)
  // A start retried after its attempt ended starts no other.
  if (attempts.some((a) => a.requestKey === input.requestKey)) throw new AppError('CONFLICT', '这一次作答已经结束')
  if (now.getTime() < new Date(exam.opensAt).getTime()) throw new AppError('CONFLICT', '考试还没有开始')
  if (now.getTime() >= new Date(exam.closesAt).getTime()) throw new AppError('CONFLICT', '考试已经结束')
  if (attempts.length >= exam.attempts) throw new AppError('CONFLICT', `这场考试每人可以答 ${exam.attempts} 次，你已经用完了`)
  const number = attempts.length + 1
  const _id = attemptId(exam._id, caller._id, number)
  const deadline = new Date(Math.min(now.getTime() + exam.timeLimitMinutes * 60_000, new Date(exam.closesAt).getTime()))
  const attempt: AttemptDoc = {
    _id,
    examId: exam._id,
    memberId: caller._id,
    groupId: caller.groupId,
    branchId: caller.branchId,
    number,
    requestKey: input.requestKey,
    questionIds: await questionsFor(db, exam, _id),
    startedAt: now,
    deadline,
    status: 'started',
  }
  // Two starts at once: the first to write the n-th attempt made it; the other answers it.
  const stored = (await addOnce(db, EXAM_ATTEMPTS, attempt)) ? attempt : (await findDoc<AttemptDoc>(db, EXAM_ATTEMPTS, _id))!
  return paperOf(exam, stored, await questionDocs(db, stored.questionIds), now)
}

/** The caller's own attempt: another member's paper is no one else's to see or hand in (FORBIDDEN). */
async function ownAttempt(db: CloudDatabase, caller: Member, id: string): Promise<AttemptDoc> {
  const attempt = await findDoc<AttemptDoc>(db, EXAM_ATTEMPTS, id)
  if (!attempt) throw new AppError('NOT_FOUND', '没有找到这份答卷')
  authorize(caller, 'quiz.take', memberTarget({ _id: attempt.memberId, groupId: attempt.groupId, branchId: attempt.branchId }))
  return attempt
}

export async function submitExamAttempt(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { attemptId: string; answers: { questionId: string; choice: number[] }[] },
): Promise<ExamResult> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const attempt = await expireIfLate(db, await ownAttempt(db, caller, input.attemptId), now)
  const exam = await requireExam(db, attempt.examId)
  const questions = await questionDocs(db, attempt.questionIds)
  if (attempt.status === 'submitted') return resultOf(exam, attempt, questions)
  if (attempt.status === 'expired') throw new AppError('TIME_UP', '答题时间已到，这份答卷没有交上，这一次作答已用掉')
  const byId = new Map(questions.map((q) => [q._id, q]))
  for (const a of input.answers) {
    const q = byId.get(a.questionId)
    if (!q) throw new AppError('INVALID_INPUT', '答案中有不属于这份试卷的题目')
    if (a.choice.length) checkChoice(q, a.choice)
  }
  const given = new Map(input.answers.map((a) => [a.questionId, a.choice]))
  const answers = questions.map((q) => {
    const choice = given.get(q._id) ?? []
    return { questionId: q._id, choice: [...choice].sort((x, y) => x - y), correct: choice.length > 0 && isRight(q, choice) }
  })
  const right = answers.filter((a) => a.correct).length
  const percent = Math.round((right * 100) / Math.max(1, questions.length))
  const graded = { status: 'submitted' as const, submittedAt: now, answers, right, percent, passed: percent >= exam.passPercent }
  // One submission wins; every other (a retry, a second tap, another device) answers what it stored.
  await db.collection(EXAM_ATTEMPTS).where({ _id: attempt._id, status: 'started' }).update({ data: graded })
  const stored = (await findDoc<AttemptDoc>(db, EXAM_ATTEMPTS, attempt._id))!
  if (stored.status === 'expired') throw new AppError('TIME_UP', '答题时间已到，这份答卷没有交上，这一次作答已用掉')
  return resultOf(exam, stored, questions)
}

export async function getExamAttempt(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<ActionOutput<'getExamAttempt'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const attempt = await expireIfLate(db, await ownAttempt(db, caller, id), now)
  const exam = await requireExam(db, attempt.examId)
  const questions = await questionDocs(db, attempt.questionIds)
  return {
    status: attempt.status,
    paper: paperOf(exam, attempt, questions, now),
    result: attempt.status === 'submitted' ? resultOf(exam, attempt, questions) : null,
  }
}

/** 我的考试: the published exams the caller sits, open ones first, with their own attempts. */
export async function listExams(db: CloudDatabase, caller: Member, now: Date): Promise<ActionOutput<'listExams'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const _ = db.command
  const [{ data: exams }, { data: mine }, subscriptions] = await Promise.all([
    db
      .collection(EXAMS)
      .where(_.and([{ status: 'published' }, _.or([{ unitKind: 'committee' }, { unitId: _.in([caller.branchId, caller.groupId]) }])]))
      .orderBy('opensAt', 'desc')
      .limit(100)
      .get(),
    db.collection(EXAM_ATTEMPTS).where({ memberId: caller._id }).limit(1000).get(),
    mySubscriptions(db, caller),
  ])
  const attempts = mine as AttemptDoc[]
  const state = (e: ExamDoc): ExamSummary['state'] =>
    now.getTime() < new Date(e.opensAt).getTime() ? 'upcoming' : now.getTime() < new Date(e.closesAt).getTime() ? 'open' : 'closed'
  const order = { open: 0, upcoming: 1, closed: 2 }
  const items = (exams as ExamDoc[])
    .filter((e) => inUnit(e, caller))
    .map((e): ExamSummary => {
      const own = attempts.filter((a) => a.examId === e._id)
      const submitted = own.filter((a) => a.status === 'submitted')
      const best = submitted.sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))[0]
      const running = own.find((a) => a.status === 'started' && now.getTime() <= new Date(a.deadline).getTime() + graceMs)
      return {
        _id: e._id,
        title: e.title,
        intro: e.intro,
        unitName: e.unitName,
        opensAt: iso(e.opensAt),
        closesAt: iso(e.closesAt),
        timeLimitMinutes: e.timeLimitMinutes,
        passPercent: e.passPercent,
        questionCount: e.questionCount,
        attempts: e.attempts,
        state: state(e),
        used: own.filter((a) => a !== running).length,
        best: best ? { percent: best.percent ?? 0, passed: best.passed ?? false } : null,
        inProgress: running?._id ?? null,
      }
    })
    .sort((a, b) => order[a.state] - order[b.state])
  return { items, subscriptions }
}
