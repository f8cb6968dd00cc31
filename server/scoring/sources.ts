import type { Member } from '../../types'
import { weekKey, yearKey } from '../calendar'
import { findDoc } from '../db/documents'
import { MEMBERS } from '../members'
import { assignmentId, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type AssignmentDoc, type WeeklyListDoc } from '../weekly/docs'
import type { CreditPart } from '../study/crediting'
import { isRequiredFor, type StudyItem } from '../study/readable'
import type { CloudDatabase } from '../db/types'
import { recordScore } from './ledger'

/**
 * Where scoring events come from, one function a source, each deriving the ledger entry's id from
 * the source's own ids: whatever the source retries or replays, the entry is written once.
 */

type Scored = Pick<Member, '_id' | 'groupId' | 'branchId'>

/** A day's check-in, keyed by the check-in record's id (one a member a day). */
export async function scoreCheckIn(db: CloudDatabase, member: Scored, checkInId: string, at: Date): Promise<void> {
  await recordScore(db, { kind: 'checkin', sourceId: checkInId, member, at })
}

/** What one heartbeat credited. */
export interface StudyCredit {
  /** Credited seconds by Shanghai day. */
  parts: CreditPart[]
  /** The article or chapter read was completed. */
  completed: boolean
  bookDone: boolean
  at: Date
}

/**
 * A heartbeat's credit: its seconds (an entry per day it touched, keyed by the session and its
 * heartbeat's seq, which the study ledger credits once), a chapter or book completed (keyed by the
 * member and the chapter or book: each completes once), and an item of the week's list done.
 */
export async function scoreHeartbeat(
  db: CloudDatabase,
  member: Scored,
  item: StudyItem,
  sessionId: string,
  seq: number,
  credit: StudyCredit | undefined,
): Promise<void> {
  if (!credit) return
  for (const part of credit.parts) {
    await recordScore(db, { kind: 'studyTime', sourceId: `${member._id}_${sessionId}_${seq}_${part.day}`, member, at: part.at, quantity: part.seconds })
  }
  if (!credit.completed) return
  if (item.book) {
    const required = isRequiredFor(item.book, member, Number(yearKey(credit.at)))
    await recordScore(db, { kind: 'chapterDone', sourceId: `${member._id}_${item.id}`, member, at: credit.at, required })
  }
  if (credit.bookDone && item.book) {
    await recordScore(db, { kind: 'bookDone', sourceId: `${member._id}_${item.book.id}`, member, at: credit.at })
  }
  await scoreWeeklyItem(db, member, item, credit.at)
}

/** 每周一学: an item of the list the member got this week, completed this week (keyed by the list and the item). */
async function scoreWeeklyItem(db: CloudDatabase, member: Scored, item: StudyItem, at: Date): Promise<void> {
  const assignment = await findDoc<AssignmentDoc>(db, WEEKLY_ASSIGNMENTS, assignmentId(weekKey(at), member._id))
  const list = assignment && (await findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, assignment.listId))
  const listed = list?.items.find((i) => i.kind === item.kind && i.refId === item.id)
  if (!list || !listed) return
  await recordScore(db, { kind: 'weeklyItemDone', sourceId: `${member._id}_${list._id}_${listed.key}`, member, at })
}

/** The member's units, for scoring an event whose source does not carry them. */
const scoredMember = async (db: CloudDatabase, memberId: string): Promise<Scored | undefined> =>
  findDoc<Member>(db, MEMBERS, memberId, ['_id', 'groupId', 'branchId'])

/** 小组讨论: a reply (or an answer to one) posted, keyed by the reply. */
export async function scoreReply(db: CloudDatabase, reply: { _id: string; authorId: string; createdAt: Date }): Promise<void> {
  const member = await scoredMember(db, reply.authorId)
  if (member) await recordScore(db, { kind: 'reply', sourceId: reply._id, member, at: new Date(reply.createdAt) })
}

/** A reply featured (精选) by a leader, scored to its author once, however often it is featured again. */
export async function scoreFeaturedReply(db: CloudDatabase, reply: { _id: string; authorId: string }, at: Date): Promise<void> {
  const member = await scoredMember(db, reply.authorId)
  if (member) await recordScore(db, { kind: 'replyFeatured', sourceId: reply._id, member, at })
}
