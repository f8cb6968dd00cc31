import type { StudyKind } from '../../types'
import type { Member } from '../members'
import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize } from '../permissions'

/**
 * Who a reading session belongs to and when it opened: `studySessions/<sessionId>`, written when the
 * reader opens the item (or by the first heartbeat of a session not opened so) and never changed. A
 * session id is the client's; this record keeps one member from advancing (or replaying into)
 * another member's session, and its `startedAt` is what the first heartbeat is measured from.
 */
export const STUDY_SESSIONS = 'studySessions'

interface SessionDoc {
  _id: string
  memberId: string
  kind: StudyKind
  itemId: string
  startedAt: Date
}

/** Binds the session to the caller and the item, or checks an existing binding. */
export async function claimSession(db: CloudDatabase, caller: Member, sessionId: string, kind: StudyKind, itemId: string, now: Date): Promise<void> {
  const doc: SessionDoc = { _id: sessionId, memberId: caller._id, kind, itemId, startedAt: now }
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

/**
 * When the session opened, for its first heartbeat: the instant the reader opened it, if that was
 * within `freshMs`. A session unknown until now is claimed by this heartbeat and has nothing to
 * measure from (undefined), as has an older one (its heartbeats may have been forgotten).
 */
export async function sessionOpenedAt(
  db: CloudDatabase,
  caller: Member,
  sessionId: string,
  kind: StudyKind,
  itemId: string,
  now: Date,
  freshMs: number,
): Promise<Date | undefined> {
  const existing = await findDoc<SessionDoc>(db, STUDY_SESSIONS, sessionId)
  if (!existing) {
    await claimSession(db, caller, sessionId, kind, itemId, now)
    return undefined
  }
  assertBoundTo(existing, caller, kind, itemId)
  const startedAt = new Date(existing.startedAt)
  return now.getTime() - startedAt.getTime() <= freshMs ? startedAt : undefined
}

export function assertSameItem(same: boolean): void {
  if (!same) throw new AppError('INVALID_INPUT', '阅读会话与正在阅读的内容不符，请重新打开页面')
}
