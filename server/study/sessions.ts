import type { StudyKind } from '../../types'
import type { Member } from '../members'
import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize } from '../permissions'
import type { StudyItem } from './readable'

/**
 * Who a reading session belongs to and when it opened: `studySessions/<sessionId>`, written when the
 * reader opens the item (or by the first heartbeat of a session not opened so) and never changed. A
 * session id is the client's; this record keeps one member from advancing (or replaying into)
 * another member's session, and its `startedAt` is what the first heartbeat is measured from.
 */
export const STUDY_SESSIONS = 'studySessions'

export interface SessionDoc {
  _id: string
  memberId: string
  kind: StudyKind
  itemId: string
  startedAt: Date
  /** What the reader opened, as the open read it: the session's heartbeats credit by it without reading the item again. */
  item?: StudyItem
}

/** Binds the session to the caller and the item (what it is, when the reader opened it), or checks an existing binding. */
export async function claimSession(
  db: CloudDatabase,
  caller: Member,
  sessionId: string,
  kind: StudyKind,
  itemId: string,
  now: Date,
  item?: StudyItem,
): Promise<void> {
  const doc: SessionDoc = { _id: sessionId, memberId: caller._id, kind, itemId, startedAt: now, ...(item ? { item } : {}) }
  try {
    await db.collection(STUDY_SESSIONS).add({ data: doc })
    return
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const existing = await findDoc<SessionDoc>(db, STUDY_SESSIONS, sessionId)
  if (!existing) throw new Error(`session ${sessionId} reported as duplicate but not found`)
  assertBoundTo(existing, caller, kind, itemId)
}

/** The session is the caller's, on this item: another member's is FORBIDDEN, another item's refused. */
function assertBoundTo(session: SessionDoc, caller: Member, kind: StudyKind, itemId: string): void {
  authorize(caller, 'study.write', { memberId: session.memberId })
  assertSameItem(session.kind === kind && session.itemId === itemId)
}

/** The session as the reader's open (or a first heartbeat) recorded it, checked to be the caller's and on this item; undefined if never recorded. */
export async function findSession(db: CloudDatabase, caller: Member, sessionId: string, kind: StudyKind, itemId: string): Promise<SessionDoc | undefined> {
  const existing = await findDoc<SessionDoc>(db, STUDY_SESSIONS, sessionId)
  if (existing) assertBoundTo(existing, caller, kind, itemId)
  return existing
}

/**
 * What a session's first heartbeat is measured from: the instant the reader opened it, if that was
 * within `freshMs`. A session unknown until its first heartbeat has nothing to measure from, as has
 * an older one (its heartbeats may have been forgotten).
 */
export function openedAt(session: SessionDoc | undefined, now: Date, freshMs: number): Date | undefined {
  const startedAt = session && new Date(session.startedAt)
  return startedAt && now.getTime() - startedAt.getTime() <= freshMs ? startedAt : undefined
}

export function assertSameItem(same: boolean): void {
  if (!same) throw new AppError('INVALID_INPUT', '阅读会话与正在阅读的内容不符，请重新打开页面')
}
