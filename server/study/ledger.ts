import type { BookProgress, ItemProgress, StudyKind } from '../../types'
import { findDoc, fieldKey } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import type { StudyItem } from './readable'
import { completeAtSeconds, itemCapSeconds, type ItemMeasure, type StudyRuleNumbers } from './rules'

/**
 * A member's study record (学习档案): one document per member, `studyLedgers/<memberId>`. Every
 * number study time touches lives in it, so one conditional update credits a heartbeat everywhere
 * at once: the item's time and the day's (both capped), the week, quarter and category totals, the
 * session's last heartbeat, an item's completion and its book's progress. Nothing is ever counted
 * in one place and not another, and reads of "my study" are one document get.
 */
export const STUDY_LEDGERS = 'studyLedgers'

export interface LedgerItem {
  kind: StudyKind
  id: string
  /** Chapters: their book. */
  bookId: string | null
  /** Credited seconds, all time. */
  s: number
  /** Last position, 0..1. */
  pos: number
  /** The end was reached at least once. */
  end: boolean
  done: boolean
  doneAt: Date | null
  /** Last heartbeat. */
  at: Date
  /** The last Shanghai day time was credited (for the 30-day readers count). */
  day: string | null
  /** Chapters: when the member passed its quiz (已掌握); written by server/quiz/chapter.ts. */
  masteredAt?: Date
}

export interface LedgerBook {
  id: string
  /** Chapters completed. */
  done: number
  completedAt: Date | null
  /** The last Shanghai day time was credited to one of its chapters. */
  day: string | null
}

export interface LedgerSession {
  seq: number
  anchorAt: Date
  /** The part of the reader's running count accounted for (crediting.ts). */
  counted: number
  /** The item the session reads (`itemKey`). */
  item: string
  /** The item as the session's first heartbeat knew it: later ones credit by it without reading it again. */
  facts?: StudyItem
}

/**
 * A completion's scoring event (chapter, book, item of the week's list) written in the same update
 * as the completion and removed once scored: a scoring step lost after the completion is found
 * here by the member's next heartbeat or the nightly reconciliation.
 */
export interface UnscoredEvent {
  kind: 'chapterDone' | 'bookDone' | 'weeklyItemDone'
  sourceId: string
  at: Date
  required: boolean
}

export interface LedgerDoc {
  _id: string
  memberId: string
  createdAt: Date
  /** Credited seconds by Shanghai day, week (its Monday) and quarter (`YYYY-Qn`). */
  days: Record<string, number>
  weeks: Record<string, number>
  quarters: Record<string, number>
  /** Credited seconds by quarter, then category (`fieldKey` of its id). */
  cats: Record<string, Record<string, number>>
  items: Record<string, LedgerItem>
  books: Record<string, LedgerBook>
  /** The end of the latest time credited, whatever the item: no instant is credited twice. */
  creditedUntil: Date
  /** Open reading sessions (pruned a day after their last heartbeat). */
  sessions: Record<string, LedgerSession>
  /** Completions not yet scored, by `fieldKey` of their ledger entry's id. */
  unscored?: Record<string, UnscoredEvent>
}

export const itemKey = (kind: StudyKind, id: string) => `${kind === 'article' ? 'a' : 'c'}_${fieldKey(id)}`

/** Reads the parts of a member's ledger named by `paths` (dotted); undefined before their first heartbeat. */
export const readLedger = (db: CloudDatabase, memberId: string, paths?: string[]): Promise<Partial<LedgerDoc> | undefined> =>
  findDoc<LedgerDoc>(db, STUDY_LEDGERS, memberId, paths)

/** Forgets completions once scored (removing one already gone is a no-op). */
export async function clearUnscored(db: CloudDatabase, memberId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return
  const _ = db.command
  await db
    .collection(STUDY_LEDGERS)
    .doc(memberId)
    .update({ data: Object.fromEntries(keys.map((k) => [`unscored.${k}`, _.remove()])) })
}

/** Creates the member's empty ledger unless it exists (concurrent first heartbeats are fine). */
export async function ensureLedger(db: CloudDatabase, memberId: string, now: Date): Promise<void> {
  const empty: LedgerDoc = {
    _id: memberId,
    memberId,
    createdAt: now,
    days: {},
    weeks: {},
    quarters: {},
    cats: {},
    items: {},
    books: {},
    creditedUntil: new Date(0),
    sessions: {},
  }
  try {
    await db.collection(STUDY_LEDGERS).add({ data: empty })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)

/** What a member sees of their progress on an item so measured. */
export function itemProgress(rules: StudyRuleNumbers, item: LedgerItem | undefined, measure: ItemMeasure): ItemProgress {
  return {
    creditedSeconds: item?.s ?? 0,
    position: item?.pos ?? 0,
    reachedEnd: item?.end ?? false,
    completed: item?.done ?? false,
    completedAt: iso(item?.doneAt),
    lastReadAt: iso(item?.at),
    completeAtSeconds: completeAtSeconds(rules, measure),
    capSeconds: itemCapSeconds(rules, measure),
    masteredAt: iso(item?.masteredAt),
  }
}

export { iso as isoOrNull }

/** A member's progress on a book of `chapterCount` chapters. */
export function bookProgress(bookId: string, book: LedgerBook | undefined, chapterCount: number): BookProgress {
  const completedChapters = Math.min(book?.done ?? 0, chapterCount)
  return {
    bookId,
    completedChapters,
    chapterCount,
    completed: chapterCount > 0 && completedChapters >= chapterCount,
    completedAt: iso(book?.completedAt),
  }
}
