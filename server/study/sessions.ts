import type { StudyKind } from '../../types'
import type { Member } from '../members'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize } from '../permissions'
import { openPass, signPass } from '../security/signing'
import type { StudyItem } from './readable'

/**
 * A reading session the reader opened travels as a pass the server signed: who opened it, on what,
 * when, and the item as the open read it. The reader sends it back with its heartbeats, so a
 * session's first heartbeat is measured from the open, and credits by what the open read, with
 * nothing written nor read for the session until then. Sessions live in each member's own study
 * ledger from their first heartbeat on: one member cannot advance (or replay into) another's.
 */

interface PassBody {
  /** Member, session, when opened (ms), the item as read. */
  m: string
  s: string
  at: number
  item: StudyItem
}

/** The signed pass of the session the caller opens now on `item`. */
export async function readingPass(db: CloudDatabase, reader: Member, sessionId: string, item: StudyItem, now: Date): Promise<string> {
  return signPass(db, 'reading', { m: reader._id, s: sessionId, at: now.getTime(), item } satisfies PassBody)
}

const INVALID = '阅读会话无效，请重新打开页面'

/**
 * The session a pass opened, checked: signed by this environment (else refused), the caller's
 * (another member's is FORBIDDEN), this session and this item (else refused).
 */
export async function openedBy(
  db: CloudDatabase,
  caller: Member,
  pass: string,
  sessionId: string,
  kind: StudyKind,
  itemId: string,
): Promise<{ at: Date; item: StudyItem }> {
  const opened = await openPass<PassBody>(db, 'reading', pass)
  if (!opened) throw new AppError('INVALID_INPUT', INVALID)
  authorize(caller, 'study.write', { memberId: opened.m })
  if (opened.s !== sessionId) throw new AppError('INVALID_INPUT', INVALID)
  assertSameItem(opened.item.kind === kind && opened.item.id === itemId)
  return { at: new Date(opened.at), item: opened.item }
}

/**
 * What a session's first heartbeat is measured from: the instant the reader opened it, if that was
 * within `freshMs`. A session opened without a pass has nothing to measure from, as has an older
 * one (its heartbeats may have been forgotten).
 */
export function openedAt(openedAtTime: Date | undefined, now: Date, freshMs: number): Date | undefined {
  return openedAtTime && now.getTime() - openedAtTime.getTime() <= freshMs ? openedAtTime : undefined
}

export function assertSameItem(same: boolean): void {
  if (!same) throw new AppError('INVALID_INPUT', '阅读会话与正在阅读的内容不符，请重新打开页面')
}
