import type { Reply, ReplyThread } from '../../types'
import type { Member } from '../members'
import { REPLIES_PAGE_SIZE } from '../../types'
import { recordAudit, type AuditChange } from '../audit'
import { scoreReply, withdrawReplyScores } from '../scoring/sources'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize, type Action } from '../permissions'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { takePostingSlot } from '../security/rate-limit'
import { postIdFor, rankedPage, rankOf, REPLIES, REPLY_LIKES, timeId, type PromptDoc, type ReplyDoc } from './docs'
import { shownName } from '../../types/people'
import { effectiveStatus, promptTarget, requirePrompt } from './prompts'
import { excerptOf } from '../../types/text'

export const DELETED_TEXT = '该回复已删除'
export const HIDDEN_TEXT = '该回复已被隐藏'

/** One like per member and reply: the unique id makes a second (or concurrent) like a no-op. */
export const likeId = (replyId: string, memberId: string) => `${replyId}|${memberId}`

/**
 * Likes of some replies: each one's count from the like records themselves (one record per member
 * and reply, so the count is exact whatever a like or unlike call went through), and the caller's.
 */
interface Likes {
  counts: Map<string, number>
  mine: Set<string>
}
const NO_LIKES: Likes = { counts: new Map(), mine: new Set() }

function toReply(doc: ReplyDoc, caller: Member, likes: Likes): Reply {
  const shown = doc.status === 'visible'
  return {
    _id: doc._id,
    promptId: doc.promptId,
    parentId: doc.parentId,
    authorId: doc.authorId,
    authorName: doc.authorName,
    body: shown ? doc.body : doc.status === 'deleted' ? DELETED_TEXT : HIDDEN_TEXT,
    status: doc.status,
    hiddenReason: doc.status === 'hidden' ? doc.hiddenReason : null,
    featured: doc.featured,
    likeCount: likes.counts.get(doc._id) ?? 0,
    likedByMe: likes.mine.has(doc._id),
    createdAt: new Date(doc.createdAt).toISOString(),
    editedAt: doc.editedAt ? new Date(doc.editedAt).toISOString() : null,
    mine: doc.authorId === caller._id,
  }
}

/** How many likes each of these replies has, and which the caller liked: one aggregate per 100 replies. */
async function likesOf(db: CloudDatabase, caller: Member, replyIds: string[]): Promise<Likes> {
  const _ = db.command
  const $ = _.aggregate
  const likes: Likes = { counts: new Map(), mine: new Set() }
  for (let i = 0; i < replyIds.length; i += 100) {
    const ids = replyIds.slice(i, i + 100)
    const { list } = await db
      .collection(REPLY_LIKES)
      .aggregate()
      .match({ replyId: _.in(ids) })
      .group({ _id: '$replyId', n: $.sum(1), mine: $.sum($.cond({ if: $.eq(['$memberId', caller._id]), then: 1, else: 0 })) })
      .limit(ids.length)
      .end<{ _id: string; n: number; mine: number }>()
    for (const row of list) {
      likes.counts.set(row._id, row.n)
      if (row.mine > 0) likes.mine.add(row._id)
    }
  }
  return likes
}

async function replyOut(db: CloudDatabase, caller: Member, doc: ReplyDoc): Promise<Reply> {
  return toReply(doc, caller, await likesOf(db, caller, [doc._id]))
}

/** The answers to these top-level replies, oldest first, read in batches of 1,000. */
async function answersTo(db: CloudDatabase, parentIds: string[]): Promise<ReplyDoc[]> {
  if (parentIds.length === 0) return []
  const _ = db.command
  const answers: ReplyDoc[] = []
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(REPLIES)
      .where({ parentId: _.in(parentIds), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    answers.push(...(data as ReplyDoc[]))
    if (data.length < 1000) return answers
    after = String(data[data.length - 1]._id)
  }
}

/** A prompt's replies: featured first, then newest first, each with its answers; a page at a time. */
export async function listReplies(db: CloudDatabase, caller: Member, input: { promptId: string; cursor?: string }) {
  return repliesOf(db, caller, await requirePrompt(db, caller, input.promptId, 'discussion.read'), input.cursor)
}

/** A page of the replies to a prompt the caller may read (read and checked already). */
export async function repliesOf(db: CloudDatabase, caller: Member, prompt: PromptDoc, cursor?: string) {
  const page = await rankedPage<ReplyDoc>(db, REPLIES, { promptId: prompt._id, parentId: null }, REPLIES_PAGE_SIZE, cursor)
  const answers = await answersTo(
    db,
    page.items.map((r) => r._id),
  )
  const likes = await likesOf(
    db,
    caller,
    [...page.items, ...answers].map((r) => r._id),
  )
  const items: ReplyThread[] = page.items.map((r) => ({
    ...toReply(r, caller, likes),
    children: answers.filter((a) => a.parentId === r._id).map((a) => toReply(a, caller, likes)),
  }))
  return { items, nextCursor: page.nextCursor }
}

/** A reply the caller may act on, checked against the group it was written in. */
async function requireReplyOnly(db: CloudDatabase, caller: Member, id: string, action: Action): Promise<ReplyDoc> {
  const reply = await findDoc<ReplyDoc>(db, REPLIES, id)
  if (!reply) throw new AppError('NOT_FOUND', '没有找到这条回复')
  authorize(caller, action, promptTarget(reply))
  return reply
}

/** The same, with its prompt. */
async function requireReply(db: CloudDatabase, caller: Member, id: string, action: Action): Promise<{ reply: ReplyDoc; prompt: PromptDoc }> {
  const reply = await requireReplyOnly(db, caller, id, action)
  return { reply, prompt: await requirePrompt(db, caller, reply.promptId, action) }
}

function requireOpen(prompt: PromptDoc, now: Date): void {
  const status = effectiveStatus(prompt, now)
  if (status !== 'open') throw new AppError('CONFLICT', status === 'archived' ? '这个讨论题已归档' : '这个讨论题已结束讨论，不能再回复或修改')
}

function requireVisible(reply: ReplyDoc): void {
  if (reply.status !== 'visible') throw new AppError('CONFLICT', reply.status === 'deleted' ? DELETED_TEXT : HIDDEN_TEXT)
}

function requireOwn(caller: Member, reply: ReplyDoc, doing: string): void {
  if (reply.authorId !== caller._id) throw new AppError('FORBIDDEN', `你没有权限${doing}别人的回复`)
}

export interface ReplyPorts {
  db: CloudDatabase
  now: Date
  contentCheck: ContentChecker
}

/**
 * 回复 a prompt, or answer a reply: answers stay one level deep (an answer to an answer joins the
 * same top-level reply). Rate-limited and content-checked before anything is written.
 */
export async function postReply(
  ports: ReplyPorts,
  caller: Member,
  input: { promptId: string; parentId?: string; body: string; requestKey?: string },
): Promise<Reply> {
  const { db, now } = ports
  const prompt = await requirePrompt(db, caller, input.promptId, 'discussion.write')
  requireOpen(prompt, now)
  let parentId: string | null = null
  if (input.parentId) {
    const parent = await findDoc<ReplyDoc>(db, REPLIES, input.parentId)
    if (!parent || parent.promptId !== prompt._id) throw new AppError('NOT_FOUND', '没有找到要回复的那条回复')
    requireVisible(parent)
    parentId = parent.parentId ?? parent._id
  }
  const { id: _id, retry } = await postIdFor(db, caller._id, input.requestKey, timeId('reply', now), now)
  const stored = retry ? await findDoc<ReplyDoc>(db, REPLIES, _id) : undefined
  if (stored) return storedReply(db, caller, stored, now)
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.body])
  await takePostingSlot(db, caller._id, now, _id)
  const doc: ReplyDoc = {
    _id,
    promptId: prompt._id,
    groupId: prompt.groupId,
    branchId: prompt.branchId,
    parentId,
    authorId: caller._id,
    authorName: shownName(caller),
    body: input.body,
    status: 'visible',
    hiddenReason: null,
    featured: false,
    rank: rankOf(false, _id),
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  }
  if (!(await addOnce(db, REPLIES, doc))) return storedReply(db, caller, (await findDoc<ReplyDoc>(db, REPLIES, _id)) ?? doc, now)
  // A new reply scores; the prompt's reply and participant counts are counted from the replies.
  await scoreReply(db, doc, ['reply'], now, caller)
  return toReply(doc, caller, NO_LIKES)
}

/** A reply found stored by a retry (or featured again): what a stopped call left unscored is scored now (once: the entries are keyed). */
async function storedReply(db: CloudDatabase, caller: Member, reply: ReplyDoc, now: Date): Promise<Reply> {
  await scoreReply(db, reply, reply.featuredAt ? ['reply', 'replyFeatured'] : ['reply'], now, reply.authorId === caller._id ? caller : undefined)
  return replyOut(db, caller, reply)
}

/** The author edits their reply while the prompt is open; it is marked 已编辑. */
export async function editReply(ports: ReplyPorts, caller: Member, input: { id: string; body: string }): Promise<Reply> {
  const { db, now } = ports
  const { reply, prompt } = await requireReply(db, caller, input.id, 'discussion.write')
  requireOwn(caller, reply, '修改')
  requireVisible(reply)
  requireOpen(prompt, now)
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.body])
  const { stats } = await db
    .collection(REPLIES)
    .where({ _id: reply._id, status: 'visible' })
    .update({ data: { body: input.body, editedAt: now } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这条回复刚刚已被删除或隐藏')
  return replyOut(db, caller, { ...reply, body: input.body, editedAt: now })
}

const replyAudit = (
  reply: ReplyDoc,
  prompt: PromptDoc,
  action: AuditChange['action'],
  before: AuditChange['before'],
  after: Record<string, unknown>,
): AuditChange => ({
  action,
  targetType: 'reply',
  targetId: reply._id,
  targetName: `${reply.authorName}：${excerptOf(reply.body)}`,
  before,
  // `title` names the prompt in the audit log.
  after: { title: prompt.title, promptId: prompt._id, authorId: reply.authorId, authorName: reply.authorName, ...after },
  unitIds: [reply.groupId, reply.branchId],
})

/**
 * A reply deleted or hidden whose scores are not withdrawn yet (the call that changed its status
 * stopped before): withdrawn now, so a retry finishes what the stopped call began.
 */
async function finishWithdrawal(db: CloudDatabase, reply: ReplyDoc, now: Date): Promise<void> {
  if (reply.status !== 'visible' && !reply.scoreWithdrawnAt) await withdrawReplyScores(db, reply, now)
}

/**
 * The author deletes their reply: it reads 该回复已删除, and the record (text included) stays for the
 * audit. What it scored (and its featuring) is reversed.
 */
export async function deleteReply(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<Reply> {
  const { reply, prompt } = await requireReply(db, caller, id, 'discussion.write')
  requireOwn(caller, reply, '删除')
  await finishWithdrawal(db, reply, now)
  if (reply.status === 'deleted') return replyOut(db, caller, reply)
  requireVisible(reply)
  const changes = { status: 'deleted' as const, featured: false, rank: rankOf(false, reply._id), deletedAt: now }
  const { stats } = await db.collection(REPLIES).where({ _id: reply._id, status: 'visible' }).update({ data: changes })
  if (stats.updated === 1) {
    await recordAudit(db, caller, now, replyAudit(reply, prompt, 'reply.delete', { body: reply.body }, { status: 'deleted' }))
    await withdrawReplyScores(db, reply, now)
  }
  return replyOut(db, caller, { ...reply, ...changes })
}

/**
 * Likes (once per member) or unlikes a reply: the like record is the like, and counts are counted
 * from them. Three round trips: the reply (its prompt is not needed), the like, the count with the caller's own.
 */
export async function likeReply(db: CloudDatabase, caller: Member, now: Date, input: { id: string; liked: boolean }): Promise<Reply> {
  const reply = await requireReplyOnly(db, caller, input.id, 'discussion.write')
  const _id = likeId(reply._id, caller._id)
  if (input.liked) {
    requireVisible(reply)
    if (reply.authorId === caller._id) throw new AppError('CONFLICT', '不能给自己的回复点赞')
    const like = { _id, replyId: reply._id, memberId: caller._id, at: now }
    await addOnce(db, REPLY_LIKES, like)
  } else {
    await db.collection(REPLY_LIKES).where({ _id }).remove()
  }
  return replyOut(db, caller, reply)
}

/** 精选: a leader features (or unfeatures) a visible reply; audited. Featured replies list first. */
export async function featureReply(db: CloudDatabase, caller: Member, now: Date, input: { id: string; featured: boolean }): Promise<Reply> {
  const { reply, prompt } = await requireReply(db, caller, input.id, 'discussion.moderate')
  if (reply.featured === input.featured) return storedReply(db, caller, reply, now)
  if (input.featured) requireVisible(reply)
  // Answers stay under their reply: only top-level replies move to the top.
  const changes = { featured: input.featured, rank: rankOf(input.featured && reply.parentId === null, reply._id) }
  // When it was featured goes in the same write: a stopped call's points are found by the nightly run.
  const featuredAt = input.featured ? { featuredAt: now } : {}
  const { stats } = await db
    .collection(REPLIES)
    .where({ _id: reply._id, featured: reply.featured, status: 'visible' })
    .update({ data: { ...changes, ...featuredAt } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这条回复刚刚被修改了，请刷新后再试')
  const updated = { ...reply, ...changes, ...featuredAt }
  if (input.featured) await replyFeatured(db, caller, now, updated, prompt)
  else await recordAudit(db, caller, now, replyAudit(reply, prompt, 'reply.unfeature', { featured: true }, { featured: false }))
  return replyOut(db, caller, updated)
}

/**
 * A reply was featured (its record already says so): the audit log records who featured it. Everything
 * that follows from featuring a reply starts here.
 */
export async function replyFeatured(db: CloudDatabase, actor: Member, now: Date, reply: ReplyDoc, prompt: PromptDoc): Promise<void> {
  await recordAudit(db, actor, now, replyAudit(reply, prompt, 'reply.feature', { featured: false }, { featured: true }))
  await scoreReply(db, reply, ['replyFeatured'], now)
}

/**
 * A leader hides a reply with a reason (shown in its place); the text stays for the audit. Hidden
 * content earns nothing: what it scored (and its featuring) is reversed.
 */
export async function hideReply(ports: ReplyPorts, caller: Member, input: { id: string; reason: string }): Promise<Reply> {
  const { db, now } = ports
  const { reply, prompt } = await requireReply(db, caller, input.id, 'discussion.moderate')
  await finishWithdrawal(db, reply, now)
  requireVisible(reply)
  // The reason is shown to the group in the reply's place.
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.reason])
  const changes = { status: 'hidden' as const, hiddenReason: input.reason, featured: false, rank: rankOf(false, reply._id), hiddenAt: now }
  const { stats } = await db.collection(REPLIES).where({ _id: reply._id, status: 'visible' }).update({ data: changes })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这条回复刚刚已被删除或隐藏')
  await recordAudit(
    db,
    caller,
    now,
    replyAudit(reply, prompt, 'reply.hide', { body: reply.body, featured: reply.featured }, { status: 'hidden', reason: input.reason }),
  )
  await withdrawReplyScores(db, reply, now)
  return replyOut(db, caller, { ...reply, ...changes })
}
