import { yearKey } from '../../types/calendar'
import { docsByIds, findDoc, fieldKey } from '../db/documents'
import { MEMBERS, type Member } from '../members'
import { currentList, type Publishee } from '../weekly/publications'
import { isRequiredFor, type StudyItem } from '../study/readable'
import type { CloudDatabase } from '../db/types'
import { clearUnscored, type UnscoredEvent } from '../study/ledger'
import { BATCH_SIZE } from '../jobs/batched-job'
import { REPLIES, type ReplyDoc } from '../discussion/docs'
import { entryId, recordScore, reverseScores, type ScoreEvent } from './ledger'
import { scoreLostRecords, type ScoringRecords } from './lost-scores'

/**
 * Where scoring events come from, one function a source, each deriving the ledger entry's id from
 * the source's own ids: whatever the source retries or replays, the entry is written once.
 */

type Scored = Pick<Member, '_id' | 'groupId' | 'branchId'>

/**
 * What completing an item scores, keyed by what completes once: the chapter, its book (when this
 * completion finishes it), and the item of the week's list the member got.
 */
export async function completionEvents(db: CloudDatabase, member: Publishee, item: StudyItem, bookDone: boolean, at: Date): Promise<UnscoredEvent[]> {
  const events: UnscoredEvent[] = []
  if (item.book) {
    const required = isRequiredFor(item.book, member, Number(yearKey(at)))
    events.push({ kind: 'chapterDone', sourceId: `${member._id}_${item.id}`, at, required })
    if (bookDone) events.push({ kind: 'bookDone', sourceId: `${member._id}_${item.book.id}`, at, required: false })
  }
  const weekly = await weeklyItemSource(db, member, item, at)
  if (weekly) events.push({ kind: 'weeklyItemDone', sourceId: weekly, at, required: false })
  return events
}

/** Where the study ledger keeps a completion until it is scored. */
export const unscoredKey = (event: UnscoredEvent) => fieldKey(entryId(event.kind, event.sourceId))

/**
 * Scores the completions the study ledger kept, then forgets them there. `now` when a request does
 * it (a heartbeat): the entries say when they were written, for reconciliation to leave them settle.
 */
export async function scoreUnscored(db: CloudDatabase, member: Scored, events: UnscoredEvent[], now?: Date): Promise<void> {
  for (const e of events) await recordScore(db, { kind: e.kind, sourceId: e.sourceId, member, at: new Date(e.at), required: e.required, recordedAt: now })
  await clearUnscored(db, member._id, events.map(unscoredKey))
}

/**
 * 每周一学: an item of this week's list for the member's branch, completed this week (keyed by the
 * list and the item). The list is resolved as the member's 每周一学 page resolves it, so one who
 * joined after Monday and never opened the page still scores the item.
 */
async function weeklyItemSource(db: CloudDatabase, member: Publishee, item: StudyItem, at: Date): Promise<string | undefined> {
  const list = await currentList(db, member, at)
  const listed = list?.items.find((i) => i.kind === item.kind && i.refId === item.id)
  return list && listed ? `${member._id}_${list._id}_${listed.key}` : undefined
}

/** The member's units, for scoring an event whose source does not carry them. */
const scoredMember = async (db: CloudDatabase, memberId: string): Promise<Scored | undefined> =>
  findDoc<Member>(db, MEMBERS, memberId, ['_id', 'groupId', 'branchId'])

/** What a reply scores: its creation, and its featuring (once, however often it is featured again). */
export type ReplyScore = 'reply' | 'replyFeatured'

type ScoredReply = Pick<ReplyDoc, '_id' | 'authorId' | 'createdAt' | 'featuredAt'>

const replyEvent =
  (kind: ReplyScore) =>
  (reply: ScoredReply, member: Scored, recordedAt?: Date): ScoreEvent => ({
    kind,
    sourceId: reply._id,
    member,
    at: new Date(kind === 'reply' ? reply.createdAt : reply.featuredAt!),
    recordedAt,
  })

/**
 * 小组讨论: a reply's creation or featuring scored to its author (`author` when the caller is the
 * author, else read), keyed by the reply. `recordedAt` when a request does it. Deleted or hidden
 * meanwhile, its withdrawal may have missed the points just scored: they are withdrawn again (the
 * reversal is keyed too).
 */
export async function scoreReply(db: CloudDatabase, reply: ScoredReply, kinds: ReplyScore[], recordedAt?: Date, author?: Scored): Promise<void> {
  const member = author ?? (await scoredMember(db, reply.authorId))
  if (member) for (const kind of kinds) await recordScore(db, replyEvent(kind)(reply, member, recordedAt))
  await withdrawIfGone(db, [reply._id])
}

/** Those of the replies that are deleted or hidden now have what they scored withdrawn. */
async function withdrawIfGone(db: CloudDatabase, ids: string[]): Promise<void> {
  const fresh = await docsByIds<ReplyDoc>(db, REPLIES, ids, { authorId: true, status: true, createdAt: true, deletedAt: true, hiddenAt: true })
  for (const reply of fresh.values()) if (reply.status !== 'visible') await withdrawReplyScores(db, reply, withdrawnAt(reply))
}

/** Visible replies score their creation and their featuring (server/scoring/lost-scores.ts). */
const REPLY_SCORES: ScoringRecords<ScoredReply>[] = [
  {
    collection: REPLIES,
    memberField: 'authorId',
    where: (_, since) => ({ status: 'visible', createdAt: _.gte(since) }),
    fields: ['createdAt'],
    eventOf: (reply, member) => replyEvent('reply')(reply, member),
  },
  {
    collection: REPLIES,
    memberField: 'authorId',
    where: (_, since) => ({ status: 'visible', featuredAt: _.gte(since) }),
    fields: ['featuredAt'],
    eventOf: (reply, member) => replyEvent('replyFeatured')(reply, member),
  },
]

/**
 * The replies of a batch of members posted or featured since `since` whose scoring a stopped call
 * lost (and was not retried): scored now, and withdrawn again if deleted or hidden meanwhile.
 */
export async function scoreLostReplies(db: CloudDatabase, members: Scored[], since: Date): Promise<void> {
  const scored = []
  for (const records of REPLY_SCORES) scored.push(...(await scoreLostRecords(db, records, members, since)))
  if (scored.length > 0) await withdrawIfGone(db, [...new Set(scored.map((r) => r._id))])
}

/**
 * A deleted or hidden reply's reversals are dated when it was withdrawn, whoever finishes the
 * withdrawal: the nightly run's own reversals stay out of its settling window.
 */
const withdrawnAt = (reply: Pick<ReplyDoc, 'createdAt' | 'deletedAt' | 'hiddenAt'>) => new Date(reply.deletedAt ?? reply.hiddenAt ?? reply.createdAt)

/**
 * A reply deleted by its author or hidden by a leader earns nothing: what it and its featuring
 * scored is reversed (keyed by the reply: once, however often or concurrently it is withdrawn),
 * then the reply records that its scores were withdrawn. Should that step be lost, the nightly
 * reconciliation finds the reply by its status without the record (`withdrawLostReplies`).
 */
export async function withdrawReplyScores(db: CloudDatabase, reply: Pick<ReplyDoc, '_id' | 'authorId'>, at: Date): Promise<void> {
  const member = await scoredMember(db, reply.authorId)
  if (member) await reverseScores(db, member, [entryId('reply', reply._id), entryId('replyFeatured', reply._id)], at)
  await db
    .collection(REPLIES)
    .doc(reply._id)
    .update({ data: { scoreWithdrawnAt: at } })
}

/** The deleted and hidden replies of the members with ids in [first, last] whose scores were not withdrawn yet: withdrawn now. */
export async function withdrawLostReplies(db: CloudDatabase, first: string, last: string): Promise<void> {
  const _ = db.command
  for (;;) {
    const { data } = await db
      .collection(REPLIES)
      .where({ authorId: _.gte(first).and(_.lte(last)), status: _.in(['deleted', 'hidden']), scoreWithdrawnAt: _.exists(false) })
      .field({ _id: true, authorId: true, createdAt: true, deletedAt: true, hiddenAt: true })
      .limit(BATCH_SIZE)
      .get()
    // Dated when the reply was withdrawn: these writes are done before the totals are compared.
    for (const reply of data as ReplyDoc[]) await withdrawReplyScores(db, reply, withdrawnAt(reply))
    if (data.length < BATCH_SIZE) return
  }
}
