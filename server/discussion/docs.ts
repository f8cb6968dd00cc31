import { randomBytes } from 'node:crypto'
import type { PromptLink, PromptStatus, ReplyStatus } from '../../types'
import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase, type QueryCondition } from '../db/types'
import { MEMBERS, type Member } from '../members'
import { decodeCursor, pageOf } from '../paging'

export const PROMPTS = 'prompts'
export const REPLIES = 'replies'
export const REPLY_LIKES = 'replyLikes'

/** A discussion prompt (讨论题) of one 党小组. */
export interface PromptDoc {
  _id: string
  groupId: string
  branchId: string
  title: string
  body: string
  link: PromptLink | null
  /** The last Shanghai day members may reply; null: open until closed. */
  closesOn: string | null
  pinned: boolean
  status: PromptStatus
  /** Pinned first, then newest first: the list pages on it (see `rankOf`). */
  rank: string
  authorId: string
  authorName: string
  createdAt: Date
  editedAt: Date | null
}

export interface ReplyDoc {
  _id: string
  promptId: string
  groupId: string
  branchId: string
  parentId: string | null
  authorId: string
  authorName: string
  /** Kept when deleted or hidden, for the audit; never shown then. */
  body: string
  status: ReplyStatus
  hiddenReason: string | null
  featured: boolean
  /** Featured first, then newest first. */
  rank: string
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  /** When a leader hid it (absent on replies hidden before this was recorded). */
  hiddenAt?: Date
  /** When what it scored was reversed, after it was deleted or hidden (absent until then). */
  scoreWithdrawnAt?: Date
  /**
   * When a leader last featured it (absent if never). Its creation and its first featuring score,
   * keyed by the reply (server/scoring/sources.ts): a scoring lost to a stopped call is finished by
   * a retry or the nightly run.
   */
  featuredAt?: Date
}

/** Ids sort by creation time (ISO instant first), so lists order on them. */
export const timeId = (prefix: string, at: Date) => `${prefix}-${at.toISOString()}-${randomBytes(4).toString('hex')}`

/** A list key: the flagged (pinned or featured) first, then by id, newest first when sorted descending. */
export const rankOf = (flagged: boolean, id: string) => `${flagged ? 1 : 0}|${id}`

/** The group's active members, in 拼音 order of their names. */
export async function groupMembersByName(db: CloudDatabase, groupId: string): Promise<Member[]> {
  const { data } = await db.collection(MEMBERS).where({ groupId, status: 'active' }).orderBy('nameKey', 'asc').limit(1000).get()
  return data as Member[]
}

/** One page of `collection` matching `condition`, by `rank` descending: new documents never shift a later page. */
export async function rankedPage<T extends { rank: string }>(db: CloudDatabase, collection: string, condition: QueryCondition, size: number, cursor?: string) {
  const _ = db.command
  const conditions: QueryCondition[] = [condition]
  if (cursor) conditions.push({ rank: _.lt(decodeCursor(cursor, 1)[0]) })
  const { data } = await db
    .collection(collection)
    .where(_.and(...conditions))
    .orderBy('rank', 'desc')
    .limit(size + 1)
    .get()
  return pageOf(
    data as T[],
    size,
    (d) => [d.rank],
    (d) => d,
  )
}

/** One document per member and request key: the first attempt of a post records the id it gave the post. */
export const POST_KEYS = 'postKeys'

interface PostKeyDoc {
  _id: string
  memberId: string
  postId: string
  at: Date
}

/**
 * The id a post gets: `fresh` on the first attempt under `key`, the first attempt's id on a retry
 * (also when the first stopped before storing the post). Without a key every call is a new post.
 */
export async function postIdFor(
  db: CloudDatabase,
  memberId: string,
  key: string | undefined,
  fresh: string,
  now: Date,
): Promise<{ id: string; retry: boolean }> {
  if (!key) return { id: fresh, retry: false }
  const doc: PostKeyDoc = { _id: `${memberId}_${key}`, memberId, postId: fresh, at: now }
  try {
    await db.collection(POST_KEYS).add({ data: doc })
    return { id: fresh, retry: false }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const first = await findDoc<PostKeyDoc>(db, POST_KEYS, doc._id)
  if (!first) throw new Error(`post key ${doc._id} reported as duplicate but not found`)
  return { id: first.postId, retry: true }
}
