import type { z } from 'zod'
import { REFLECTIONS_PAGE_SIZE, type ActionOutput, type Reflection, type ReflectionTarget, type ReviewReflectionInput } from '../../types'
import { ARTICLES, BOOKS } from '../content/docs'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { derivedId } from '../ids'
import type { Member } from '../members'
import { decodeCursor, pageOf } from '../paging'
import { authorize, memberTarget } from '../permissions'
import { recordScore, type ScoreEvent } from '../scoring/ledger'
import type { ScoringRecords } from '../scoring/lost-scores'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { requireMeeting, stateOf } from '../meetings/meetings'
import { inUnit, requireGroup } from '../units'
import { WEEKLY_LISTS } from '../weekly/docs'

/**
 * 学习心得 / 书评 (`reflections`): written by a member on a published book or article, on a
 * week's 每周一学 list, or on a meeting of their unit once it has begun; reviewed by their group's leader (or an admin above it). 通过 scores the
 * `reflection` rule once, keyed by the reflection (server/scoring/lost-scores.ts): a call stopped
 * between the approval and its point is finished by a repeat of the review or the nightly
 * reconciliation. 退回 carries a comment; the member may write again.
 */
export const REFLECTIONS = 'reflections'

export interface ReflectionDoc {
  _id: string
  memberId: string
  memberName: string
  groupId: string
  branchId: string
  target: ReflectionTarget & { title: string }
  body: string
  status: Reflection['status']
  comment: string | null
  featured: boolean
  submittedAt: Date
  reviewedAt: Date | null
  reviewerName: string | null
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

const toReflection = (d: ReflectionDoc): Reflection => ({
  _id: d._id,
  memberId: d.memberId,
  memberName: d.memberName,
  groupId: d.groupId,
  target: d.target,
  body: d.body,
  status: d.status,
  comment: d.comment,
  featured: d.featured,
  submittedAt: iso(d.submittedAt)!,
  reviewedAt: iso(d.reviewedAt),
  reviewerName: d.reviewerName,
})

/** What the reflection is on, by its title; NOT_FOUND for what members cannot read. */
async function titleOf(db: CloudDatabase, caller: Member, now: Date, target: ReflectionTarget): Promise<string> {
  if (target.kind === 'weekly') {
    const list = await findDoc<{ week: string; status: string }>(db, WEEKLY_LISTS, target.id, ['week', 'status'])
    if (!list || list.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这一周的学习清单')
    return `${list.week} 起一周的每周一学`
  }
  if (target.kind === 'meeting') {
    const meeting = await requireMeeting(db, target.id)
    if (!inUnit(meeting, caller)) throw new AppError('FORBIDDEN', `心得写给自己参加的会议：这是「${meeting.unitName}」的会议`)
    const state = stateOf(meeting, now)
    if (state === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
    if (state === 'upcoming') throw new AppError('CONFLICT', '会议开始后才能写心得')
    return meeting.title
  }
  const doc = await findDoc<{ title: string; status: string }>(db, target.kind === 'book' ? BOOKS : ARTICLES, target.id, ['title', 'status'])
  if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', target.kind === 'book' ? '没有找到这本书' : '没有找到这篇文章')
  return doc.title
}

export async function submitReflection(
  ports: { db: CloudDatabase; contentCheck: ContentChecker; now: Date },
  caller: Member,
  input: { target: ReflectionTarget; body: string; requestKey: string },
): Promise<Reflection> {
  const { db, now } = ports
  authorize(caller, 'reflections.write', memberTarget(caller))
  const _id = derivedId('reflection', `${caller._id}/${input.requestKey}`)
  const stored = await findDoc<ReflectionDoc>(db, REFLECTIONS, _id)
  if (stored) return toReflection(stored)
  const title = await titleOf(db, caller, now, input.target)
  await requireCleanText(ports.contentCheck, caller.openid, 'forum', [input.body])
  const doc: ReflectionDoc = {
    _id,
    memberId: caller._id,
    memberName: caller.name,
    groupId: caller.groupId,
    branchId: caller.branchId,
    target: { ...input.target, title },
    body: input.body,
    status: 'pending',
    comment: null,
    featured: false,
    submittedAt: now,
    reviewedAt: null,
    reviewerName: null,
  }
  if (!(await addOnce(db, REFLECTIONS, doc))) return toReflection((await findDoc<ReflectionDoc>(db, REFLECTIONS, _id))!)
  return toReflection(doc)
}

/** An approved reflection's point, on the day it was approved. */
const reflectionEvent = (doc: Pick<ReflectionDoc, '_id' | 'reviewedAt'>, member: Pick<Member, '_id' | 'groupId' | 'branchId'>): ScoreEvent => ({
  kind: 'reflection',
  sourceId: doc._id,
  member,
  at: new Date(doc.reviewedAt!),
})

const scoreReflection = (db: CloudDatabase, doc: Pick<ReflectionDoc, '_id' | 'memberId' | 'groupId' | 'branchId' | 'reviewedAt'>) =>
  recordScore(db, reflectionEvent(doc, { _id: doc.memberId, groupId: doc.groupId, branchId: doc.branchId }))

type Review = z.output<typeof ReviewReflectionInput>

/**
 * 通过 (once: a reflection approved stays approved; featuring can still be turned on or off) or
 * 退回 (only while pending), by a leader or admin of the writer's group.
 */
export async function reviewReflection(
  ports: { db: CloudDatabase; contentCheck: ContentChecker; now: Date },
  caller: Member,
  input: Review,
): Promise<Reflection> {
  const { db, now } = ports
  const doc = await findDoc<ReflectionDoc>(db, REFLECTIONS, input.id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这篇心得')
  authorize(caller, 'reflections.review', { groupId: doc.groupId, branchId: doc.branchId })
  if (doc.memberId === caller._id) throw new AppError('FORBIDDEN', '自己的心得请由其他组长或管理员审阅')
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.comment])
  if (input.decision === 'return') {
    if (doc.status !== 'pending') throw new AppError('CONFLICT', doc.status === 'approved' ? '心得已通过，不能再退回' : '心得已退回')
    const data = { status: 'returned' as const, comment: input.comment!, reviewedAt: now, reviewerName: caller.name }
    const { stats } = await db.collection(REFLECTIONS).where({ _id: doc._id, status: 'pending' }).update({ data })
    if (stats.updated === 0) throw new AppError('CONFLICT', '心得刚被审阅过，请刷新')
    return toReflection({ ...doc, ...data })
  }
  if (doc.status === 'returned') throw new AppError('CONFLICT', '心得已退回，等同志修改后重新提交')
  const featured = input.featured ?? doc.featured
  if (doc.status === 'pending') {
    const data = {
      status: 'approved' as const,
      comment: input.comment ?? null,
      featured,
      reviewedAt: now,
      reviewerName: caller.name,
    }
    const { stats } = await db.collection(REFLECTIONS).where({ _id: doc._id, status: 'pending' }).update({ data })
    if (stats.updated === 1) {
      await scoreReflection(db, { ...doc, reviewedAt: now })
      return toReflection({ ...doc, ...data })
    }
  }
  const current = (await findDoc<ReflectionDoc>(db, REFLECTIONS, doc._id))!
  if (current.featured !== featured) await db.collection(REFLECTIONS).doc(doc._id).update({ data: { featured } })
  // Approved before (this review repeated, or another reviewer's): its point, if its call stopped, is scored now.
  if (current.status === 'approved') await scoreReflection(db, current)
  return toReflection({ ...current, featured })
}

/**
 * The caller's own reflections (with their state), or a group's: all of them for its leader and
 * the admins above it, its 精选 for its members. Newest first.
 */
export async function listReflections(
  db: CloudDatabase,
  caller: Member,
  input: { scope: 'mine' | 'group'; groupId?: string; status?: Reflection['status']; cursor?: string },
): Promise<ActionOutput<'listReflections'>> {
  const _ = db.command
  let where: Record<string, unknown>
  if (input.scope === 'mine') {
    authorize(caller, 'reflections.write', memberTarget(caller))
    where = { memberId: caller._id, ...(input.status ? { status: input.status } : {}) }
  } else {
    const groupId = input.groupId ?? caller.groupId
    const group = { groupId, branchId: (await requireGroup(db, groupId)).parentId ?? undefined }
    const reviewer = groupId !== caller.groupId || caller.roles.some((r) => r !== 'member')
    if (reviewer) authorize(caller, 'reflections.review', group)
    else authorize(caller, 'discussion.read', group)
    where = reviewer ? { groupId, ...(input.status ? { status: input.status } : {}) } : { groupId, featured: true }
  }
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined
  const query = after
    ? _.and([where, _.or([{ submittedAt: _.lt(new Date(after[0])) }, { submittedAt: new Date(after[0]), _id: _.lt(after[1]) }])])
    : _.and([where])
  const { data } = await db
    .collection(REFLECTIONS)
    .where(query)
    .orderBy('submittedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(REFLECTIONS_PAGE_SIZE + 1)
    .get()
  return pageOf(data as ReflectionDoc[], REFLECTIONS_PAGE_SIZE, (d) => [iso(d.submittedAt)!, d._id], toReflection)
}

/** The nightly reconciliation's part: approved reflections of a batch of members whose point a stopped call left. */
export const REFLECTION_SCORES: ScoringRecords<ReflectionDoc> = {
  collection: REFLECTIONS,
  memberField: 'memberId',
  where: (_, since) => ({ status: 'approved', reviewedAt: _.gte(since) }),
  fields: ['reviewedAt'],
  eventOf: reflectionEvent,
}
