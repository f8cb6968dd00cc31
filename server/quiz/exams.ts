import type { z } from 'zod'
import { EXAMS_PAGE_SIZE, type ActionOutput, type Exam, type ExamQuestions, type SaveExamInput, type Unit } from '../../types'
import { recordAudit } from '../audit'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { derivedId, newId } from '../ids'
import type { Member } from '../members'
import type { Messenger } from '../notify/messenger'
import { announce } from '../notify/tell'
import { decodeCursor, pageOf } from '../paging'
import { authorize, can, unitTarget } from '../permissions'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { activeMembersOf, requireUnit } from '../units'
import { followable } from './followable'
import { allQuestions, QUESTIONS, type QuestionDoc } from './questions'

/**
 * 专项考试 / 季度考核 (`exams`): composed as a draft by the admins of its unit, published once (its
 * members holding an 考试通知 grant are told), then fixed: what members sit is what was published.
 */
export const EXAMS = 'exams'

export interface ExamDoc {
  _id: string
  title: string
  intro: string
  unitId: string
  unitKind: Unit['kind']
  unitName: string
  /** The branch of a branch's or a group's exam (for reach); null for the organisation's. */
  branchId: string | null
  questions: ExamQuestions
  questionCount: number
  opensAt: Date
  closesAt: Date
  timeLimitMinutes: number
  passPercent: number
  attempts: number
  status: Exam['status']
  publishedAt: Date | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** The exam's page in the mini-program, which the 考试通知 opens. */
const EXAM_PAGE = '/packageQuiz/pages/exams/index'

const iso = (d: Date | string) => new Date(d).toISOString()

export function toExam(doc: ExamDoc, caller: Member): Exam {
  return {
    _id: doc._id,
    title: doc.title,
    intro: doc.intro,
    unitId: doc.unitId,
    unitKind: doc.unitKind,
    unitName: doc.unitName,
    questions: doc.questions,
    questionCount: doc.questionCount,
    opensAt: iso(doc.opensAt),
    closesAt: iso(doc.closesAt),
    timeLimitMinutes: doc.timeLimitMinutes,
    passPercent: doc.passPercent,
    attempts: doc.attempts,
    status: doc.status,
    publishedAt: doc.publishedAt ? iso(doc.publishedAt) : null,
    editable: doc.status === 'draft' && can(caller, 'exams.manage', targetOf(doc)),
  }
}

const targetOf = (doc: Pick<ExamDoc, 'unitId' | 'unitKind' | 'branchId'>) =>
  unitTarget({ _id: doc.unitId, kind: doc.unitKind, parentId: doc.unitKind === 'group' ? doc.branchId : null })

export async function requireExam(db: CloudDatabase, id: string): Promise<ExamDoc> {
  const doc = await findDoc<ExamDoc>(db, EXAMS, id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这场考试')
  return doc
}

/** The questions each attempt has: checked against the bank (fixed ones must be active, draws must be satisfiable). */
async function countQuestions(db: CloudDatabase, questions: ExamQuestions): Promise<number> {
  if (questions.mode === 'fixed') {
    const { data } = await db
      .collection(QUESTIONS)
      .where({ _id: db.command.in(questions.questionIds), status: 'active' })
      .field({ _id: true })
      .limit(1000)
      .get()
    const found = new Set(data.map((d) => String(d._id)))
    const missing = questions.questionIds.filter((id) => !found.has(id))
    if (missing.length) throw new AppError('INVALID_INPUT', `有 ${missing.length} 道题不在题库里或已停用，请重新选择`)
    return questions.questionIds.length
  }
  // As each attempt will draw: questions on content not out yet are left for later.
  const bank = await followable(db, await allQuestions(db, { status: 'active' }))
  const taken = new Set<string>()
  for (const [i, draw] of questions.draws.entries()) {
    const pool = bank.filter((q) => !taken.has(q._id) && matchesDraw(q, draw))
    if (pool.length < draw.count) throw new AppError('INVALID_INPUT', `第 ${i + 1} 组抽题规则要 ${draw.count} 道题，题库里符合的只有 ${pool.length} 道`)
    // The check reserves the first ones; each attempt draws its own at random (exam-attempts.ts).
    for (const q of pool.slice(0, draw.count)) taken.add(q._id)
  }
  return questions.draws.reduce((n, d) => n + d.count, 0)
}

export const matchesDraw = (q: Pick<QuestionDoc, 'tags' | 'difficulty'>, draw: { tag: string | null; difficulty: number | null }) =>
  (draw.tag === null || q.tags.includes(draw.tag)) && (draw.difficulty === null || q.difficulty === draw.difficulty)

type SaveInput = z.output<typeof SaveExamInput>

/** A new draft (a retry with the same request key adds nothing more) or an edit of one. */
export async function saveExam(ports: { db: CloudDatabase; contentCheck: ContentChecker; now: Date }, caller: Member, input: SaveInput): Promise<Exam> {
  const { db, now } = ports
  const unit = await requireUnit(db, input.unitId)
  const target = unitTarget(unit)
  authorize(caller, 'exams.manage', target)
  const before = input.id ? await requireExam(db, input.id) : null
  if (before) authorize(caller, 'exams.manage', targetOf(before))
  // Checked once the caller may write it: members read the title and the note.
  await requireCleanText(ports.contentCheck, caller.openid, 'forum', [input.title, input.intro])
  const questionCount = await countQuestions(db, input.questions)
  const fields = {
    title: input.title,
    intro: input.intro,
    unitId: unit._id,
    unitKind: unit.kind,
    unitName: unit.name,
    branchId: unit.kind === 'committee' ? null : unit.kind === 'branch' ? unit._id : unit.parentId,
    questions: input.questions,
    questionCount,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    timeLimitMinutes: input.timeLimitMinutes,
    passPercent: input.passPercent,
    attempts: input.attempts,
    updatedAt: now,
  }
  if (before) {
    if (before.status !== 'draft') throw new AppError('CONFLICT', '考试已发布，不能再修改')
    const after: ExamDoc = { ...before, ...fields }
    const { stats } = await db.collection(EXAMS).where({ _id: before._id, status: 'draft' }).update({ data: fields })
    if (stats.updated === 0) throw new AppError('CONFLICT', '考试已发布，不能再修改')
    await recordAudit(db, caller, now, {
      action: 'exam.update',
      targetType: 'exam',
      targetId: before._id,
      targetName: after.title,
      before: auditView(before),
      after: auditView(after),
      unitIds: unitIdsOf(after),
    })
    return toExam(after, caller)
  }
  const _id = input.requestKey ? derivedId('exam', `${caller._id}/${input.requestKey}`) : newId('exam')
  const doc: ExamDoc = { _id, ...fields, status: 'draft', publishedAt: null, createdBy: caller._id, createdAt: now }
  if (!(await addOnce(db, EXAMS, doc))) return toExam(await requireExam(db, _id), caller)
  await recordAudit(db, caller, now, {
    action: 'exam.create',
    targetType: 'exam',
    targetId: _id,
    targetName: doc.title,
    before: null,
    after: auditView(doc),
    unitIds: unitIdsOf(doc),
  })
  return toExam(doc, caller)
}

const unitIdsOf = (doc: Pick<ExamDoc, 'unitId' | 'branchId'>) => [doc.unitId, ...(doc.branchId ? [doc.branchId] : [])]
const auditView = (d: ExamDoc) => ({
  title: d.title,
  unitName: d.unitName,
  opensAt: iso(d.opensAt),
  closesAt: iso(d.closesAt),
  questionCount: d.questionCount,
  passPercent: d.passPercent,
  status: d.status,
})

export async function getExam(db: CloudDatabase, caller: Member, id: string): Promise<Exam> {
  const doc = await requireExam(db, id)
  authorize(caller, 'exams.results', targetOf(doc))
  return toExam(doc, caller)
}

/**
 * The exams an admin or leader may follow, newest first: the organisation's, and those of units in
 * their reach (a leader's group, a branch admin's branch and its groups).
 */
export async function listManagedExams(db: CloudDatabase, caller: Member, cursor?: string): Promise<ActionOutput<'listManagedExams'>> {
  authorize(caller, 'exams.results', { groupId: caller.groupId, branchId: caller.branchId })
  const _ = db.command
  const after = cursor ? decodeCursor(cursor, 2) : undefined
  const conditions = [after ? _.or([{ createdAt: _.lt(new Date(after[0])) }, { createdAt: new Date(after[0]), _id: _.lt(after[1]) }]) : {}]
  const { data } = await db
    .collection(EXAMS)
    .where(_.and(...conditions))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(1000)
    .get()
  // A leader follows the exams their group sits (the organisation's, their branch's, their group's); admins those in reach.
  const sat = (d: ExamDoc) => d.unitKind === 'committee' || d.unitId === caller.branchId || d.unitId === caller.groupId
  const visible = (data as ExamDoc[]).filter((d) => sat(d) || can(caller, 'exams.results', targetOf(d)))
  return pageOf(
    visible,
    EXAMS_PAGE_SIZE,
    (d) => [iso(d.createdAt), d._id],
    (d) => toExam(d, caller),
  )
}

/**
 * Publishes a draft (once: a second call publishes nothing more) and tells the unit's members who
 * asked for 考试通知, each at most once (the message is keyed by exam and member): a publish retried
 * after a stop tells those not yet told.
 */
export async function publishExam(
  ports: { db: CloudDatabase; messenger: Messenger; now: Date },
  caller: Member,
  id: string,
): Promise<ActionOutput<'publishExam'>> {
  const { db, now } = ports
  const exam = await requireExam(db, id)
  authorize(caller, 'exams.manage', targetOf(exam))
  if (new Date(exam.closesAt).getTime() <= now.getTime()) throw new AppError('CONFLICT', '考试的结束时间已过，请先修改时间再发布')
  const published: ExamDoc = exam.status === 'published' ? exam : { ...exam, status: 'published', publishedAt: now }
  if (exam.status === 'draft') {
    const { stats } = await db
      .collection(EXAMS)
      .where({ _id: id, status: 'draft' })
      .update({ data: { status: 'published', publishedAt: now } })
    if (stats.updated === 1) {
      await recordAudit(db, caller, now, {
        action: 'exam.publish',
        targetType: 'exam',
        targetId: id,
        targetName: exam.title,
        before: { status: 'draft' },
        after: { status: 'published' },
        unitIds: unitIdsOf(exam),
      })
    }
  }
  const members = await activeMembersOf(db, exam)
  const notified = await announce(ports, members, {
    templateKey: 'examNotice',
    topic: `examNotice:${id}`,
    page: EXAM_PAGE,
    data: { title: `考试：${exam.title}`, date: iso(exam.opensAt).slice(0, 10), note: `${exam.questionCount} 题，限时 ${exam.timeLimitMinutes} 分钟` },
  })
  return { exam: toExam(published, caller), audience: members.length, notified }
}
