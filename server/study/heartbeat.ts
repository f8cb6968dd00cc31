import type { z } from 'zod'
import { wholeMinutes, type HeartbeatInput, type HeartbeatOutput } from '../../types'
import type { Member } from '../members'
import { dayKey, quarterKey, weekKey } from '../../types/calendar'
import { fieldKey } from '../db/documents'
import type { CloudDatabase, Command, UpdateData } from '../db/types'
import { AppError } from '../errors'
import { authorize, memberTarget } from '../permissions'
import { applyCaps, creditBeat, withoutOverlap, type CappedCredit, type CreditPart, type SessionState } from './crediting'
import {
  bookProgress,
  ensureLedger,
  itemKey,
  itemProgress,
  readLedger,
  STUDY_LEDGERS,
  type LedgerBook,
  type LedgerDoc,
  type LedgerItem,
  type LedgerSession,
} from './ledger'
import { readableItem, type StudyItem } from './readable'
import { countReader } from './readers'
import { completeAtSeconds, dayCapSeconds, itemCapSeconds, STUDY_RULES } from './rules'
import { assertSameItem, openedAt, openedBy } from './sessions'
import { completionEvents, scoreUnscored, unscoredKey } from '../scoring/sources'
import { scoreStudyDays } from '../scoring/study-catch-up'

type Input = z.output<typeof HeartbeatInput>
type Output = z.output<typeof HeartbeatOutput>

/** A session is forgotten a day after its last heartbeat (its next one starts it again). */
const SESSION_TTL_MS = 24 * 3600_000
/** Conditional updates lost to a concurrent heartbeat of the same member are retried this often. */
const ATTEMPTS = 8

/**
 * One heartbeat of a reading session: the reader's running count of the time the member read. The
 * member's ledger is read, the credit worked out by the rules (crediting.ts), and the ledger updated in ONE conditional update whose condition is every
 * value the credit was worked out from (the session's last seq, the days' and the item's credited
 * time, the completion flags): a duplicated, replayed or concurrent heartbeat, or a concurrent one
 * from another session, finds the condition false and is worked out again from the new values, so
 * nothing is credited twice and no cap is exceeded. The points ledger is written after: unless the
 * reader reads on (`interim`), the days' credited seconds are caught up into it (study-catch-up.ts);
 * a completion goes into the study ledger's `unscored` in that same update and leaves it once scored,
 * so a scoring step lost after the update is done by the member's next heartbeat (or the nightly
 * reconciliation), each event under its own idempotent id.
 */
export async function recordHeartbeat(db: CloudDatabase, caller: Member, now: Date, input: Input): Promise<Output> {
  authorize(caller, 'study.write', memberTarget(caller))
  const key = itemKey(input.kind, input.id)
  // The days a credit can touch: it ends by now and spans at most one heartbeat's cap.
  const days = [dayKey(new Date(now.getTime() - (STUDY_RULES.maxBeatSeconds + 1) * 1000)), dayKey(now)]
  const paths = ['sessions', 'creditedUntil', 'unscored', 'books', `items.${key}`, ...days.map((d) => `days.${d}`)]
  /** When the reader opened the session and what it read then (its pass), for its first heartbeat. */
  let opened: { at: Date | undefined; item: StudyItem | undefined } | undefined
  /**
   * The item as the reader's open read it, kept with the session (an item retired meanwhile is still
   * credited to the end of the session its reader opened), or read now for a session opened otherwise.
   */
  let item: StudyItem | undefined
  /** The item as kept, else read now; listening to a video or watching a text refused before anything is written. */
  const resolve = async (kept: StudyItem | undefined): Promise<StudyItem> => {
    const found = kept ?? (await readableItem(db, input.kind, input.id))
    // Every text can be listened to (a recording, the speech engine's, or the phone reading it aloud); a video is watched.
    if (input.mode === 'listen' && found.videoSeconds) throw new AppError('INVALID_INPUT', '这是视频，请观看')
    if (input.mode === 'watch' && !found.videoSeconds) throw new AppError('INVALID_INPUT', '这篇内容没有视频，无法观看')
    return found
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let ledger = await readLedger(db, caller._id, paths)
    if (!ledger) {
      await ensureLedger(db, caller._id, now)
      ledger = await readLedger(db, caller._id, paths)
      if (!ledger) throw new Error(`ledger of ${caller._id} not found after creating it`)
    }
    const session = ledger.sessions?.[input.sessionId]
    if (session) assertSameItem(session.item === key)
    if (!session && !opened) {
      const pass = input.pass ? await openedBy(db, caller, input.pass, input.sessionId, input.kind, input.id) : undefined
      opened = { at: openedAt(pass?.at, now, SESSION_TTL_MS), item: pass?.item }
    }
    const facts = (item ??= await resolve(session?.facts ?? opened?.item))
    const bookKey = facts.book ? fieldKey(facts.book.id) : undefined
    const state: SessionState | undefined = session
      ? { seq: session.seq, anchorAt: new Date(session.anchorAt), counted: session.counted }
      : opened?.at && { seq: -1, anchorAt: opened.at, counted: 0 }
    const step = plan(db.command, ledger, session, state, facts, key, bookKey, input, now)
    // Completions an earlier heartbeat recorded but did not get to score.
    const unscored = Object.values(ledger.unscored ?? {})
    /** The window's days as the ledger holds them after `parts`. */
    const credited = (parts: CreditPart[]) =>
      Object.fromEntries(
        [...new Set(days)]
          .map((day) => [day, (ledger.days?.[day] ?? 0) + parts.reduce((n, p) => n + (p.day === day ? p.seconds : 0), 0)] as const)
          .filter(([, seconds]) => seconds > 0),
      )
    if (!step.update) {
      if (!input.interim) await scoreStudyDays(db, caller, credited([]), now)
      await scoreUnscored(db, caller, unscored, now)
      return step.answer
    }
    const completions = step.completing ? await completionEvents(db, caller, facts, step.completing.bookDone, now) : []
    for (const event of completions) step.update.data[`unscored.${unscoredKey(event)}`] = event
    const { stats } = await db
      .collection(STUDY_LEDGERS)
      .where({ _id: caller._id, ...step.update.where })
      .update({ data: step.update.data })
    if (stats.updated === 1) {
      await step.afterwards?.(db)
      if (!input.interim) await scoreStudyDays(db, caller, credited(step.parts), now)
      await scoreUnscored(db, caller, [...unscored, ...completions], now)
      return step.answer
    }
  }
  throw new AppError('CONFLICT', '学习记录正忙，请稍后再试')
}

interface Step {
  answer: Output
  update?: { where: Record<string, unknown>; data: UpdateData }
  afterwards?: (db: CloudDatabase) => Promise<void>
  /** The seconds the update credits by day, for the points ledger. */
  parts: CreditPart[]
  /** The update completes the item (and with it the book). */
  completing?: { bookDone: boolean }
}

/** Works out the heartbeat from the ledger as read: the answer, and the update that makes it true. */
function plan(
  _: Command,
  ledger: Partial<LedgerDoc>,
  session: LedgerSession | undefined,
  state: SessionState | undefined,
  item: StudyItem,
  key: string,
  bookKey: string | undefined,
  input: Input,
  now: Date,
): Step {
  const rules = STUDY_RULES
  const today = dayKey(now)
  const before = ledger.items?.[key]
  const bookBefore = bookKey ? ledger.books?.[bookKey] : undefined
  const daySeconds = (day: string) => ledger.days?.[day] ?? 0
  const until = ledger.creditedUntil ? new Date(ledger.creditedUntil) : undefined
  const measured = creditBeat(rules, state, { seq: input.seq, at: now, counted: input.activeSeconds })
  const credit = withoutOverlap(measured, until)
  if (credit.outcome === 'duplicate') {
    const nothing: CappedCredit = { seconds: 0, parts: [], reason: 'duplicate' }
    return { answer: answer(nothing, item, before, bookBefore, daySeconds(today), false, false), parts: [] }
  }
  const capped = applyCaps(credit, {
    itemSeconds: before?.s ?? 0,
    itemCapSeconds: itemCapSeconds(rules, item),
    daySeconds,
    dayCapSeconds: dayCapSeconds(rules),
  })
  const seconds = (before?.s ?? 0) + capped.seconds
  const reachedEnd = (before?.end ?? false) || input.atEnd
  const completing = !(before?.done ?? false) && reachedEnd && seconds >= completeAtSeconds(rules, item)
  const after: LedgerItem = {
    kind: item.kind,
    id: item.id,
    bookId: item.book?.id ?? null,
    s: seconds,
    pos: input.position ?? before?.pos ?? 0,
    end: reachedEnd,
    done: (before?.done ?? false) || completing,
    doneAt: completing ? now : (before?.doneAt ?? null),
    at: now,
    day: capped.seconds > 0 ? today : (before?.day ?? null),
  }
  const chaptersDone = (bookBefore?.done ?? 0) + (completing ? 1 : 0)
  const bookCompleting = !!item.book && completing && !bookBefore?.completedAt && chaptersDone >= item.book.chapterCount
  const bookAfter: LedgerBook | undefined = item.book
    ? {
        id: item.book.id,
        done: chaptersDone,
        completedAt: bookCompleting ? now : (bookBefore?.completedAt ?? null),
        day: capped.seconds > 0 ? today : (bookBefore?.day ?? null),
      }
    : undefined

  // The condition: every value read that the credit depends on is still what it was.
  const was = (value: unknown) => (value === undefined ? _.exists(false) : value)
  const where: Record<string, unknown> = { [`sessions.${input.sessionId}.seq`]: was(session?.seq) }
  for (const part of capped.parts) where[`days.${part.day}`] = was(ledger.days?.[part.day])
  where[`items.${key}.s`] = was(before?.s)
  where[`items.${key}.done`] = was(before?.done)
  if (bookKey && completing) where[`books.${bookKey}.done`] = was(bookBefore?.done)
  const advancesUntil = !!measured.end && (!until || measured.end.getTime() > until.getTime())
  if (advancesUntil) where.creditedUntil = was(ledger.creditedUntil)

  const data: UpdateData = {
    [`sessions.${input.sessionId}`]: {
      seq: input.seq,
      anchorAt: credit.anchorAt,
      counted: credit.counted,
      item: key,
      facts: item,
    },
  }
  for (const [field, value] of Object.entries(after)) if (field !== 's') data[`items.${key}.${field}`] = value
  if (advancesUntil) data.creditedUntil = measured.end
  if (bookKey && bookAfter) {
    data[`books.${bookKey}.id`] = bookAfter.id
    data[`books.${bookKey}.completedAt`] = bookAfter.completedAt
    data[`books.${bookKey}.day`] = bookAfter.day
  }
  const sums = new Map<string, number>()
  const add = (path: string, n: number) => sums.set(path, (sums.get(path) ?? 0) + n)
  add(`items.${key}.s`, capped.seconds)
  if (bookKey) add(`books.${bookKey}.done`, completing ? 1 : 0)
  for (const part of capped.parts) {
    const quarter = quarterKey(part.at)
    add(`days.${part.day}`, part.seconds)
    add(`weeks.${weekKey(part.at)}`, part.seconds)
    add(`quarters.${quarter}`, part.seconds)
    add(`cats.${quarter}.${fieldKey(item.categoryId)}`, part.seconds)
  }
  for (const [path, n] of sums) data[path] = _.inc(n)
  // A session's first heartbeat forgets the member's sessions idle for a day.
  if (credit.outcome === 'started') {
    for (const [id, s] of Object.entries(ledger.sessions ?? {})) {
      if (id !== input.sessionId && now.getTime() - new Date(s.anchorAt).getTime() > SESSION_TTL_MS) data[`sessions.${id}`] = _.remove()
    }
  }

  const firstReadToday = capped.seconds > 0 && (item.book ? bookBefore?.day !== today : before?.day !== today)
  const todaySeconds = daySeconds(today) + capped.parts.filter((p) => p.day === today).reduce((n, p) => n + p.seconds, 0)
  return {
    answer: answer(capped, item, after, bookAfter, todaySeconds, completing, bookCompleting),
    update: { where, data },
    parts: capped.parts,
    completing: completing ? { bookDone: bookCompleting } : undefined,
    afterwards: firstReadToday ? (db) => countReader(db, item.book ? 'book' : 'article', item.book?.id ?? item.id, item.categoryId, today) : undefined,
  }
}

function answer(
  credit: CappedCredit,
  item: StudyItem,
  itemAfter: LedgerItem | undefined,
  bookAfter: LedgerBook | undefined,
  todaySeconds: number,
  justCompleted: boolean,
  bookJustCompleted: boolean,
): Output {
  const progress = itemProgress(STUDY_RULES, itemAfter, item)
  return {
    creditedSeconds: credit.seconds,
    reason: credit.reason,
    itemSeconds: progress.creditedSeconds,
    completed: progress.completed,
    justCompleted,
    minutesCredited: wholeMinutes(progress.creditedSeconds),
    progress,
    todaySeconds,
    dayCapSeconds: dayCapSeconds(STUDY_RULES),
    book: item.book ? { ...bookProgress(item.book.id, bookAfter, item.book.chapterCount), justCompleted: bookJustCompleted } : null,
    nextBeatSeconds: nextBeatSeconds(credit.reason, progress),
  }
}

/** The soonest a next heartbeat is asked for: the reader looks whether one is due this often. */
const SOONEST_BEAT_SECONDS = 10

/**
 * The usual interval; but when the server's clock held back time the reader counted (`clock`) and the
 * end is reached, as soon as the clock can have moved far enough to complete the item, so 已完成
 * shows then and not an interval later.
 */
function nextBeatSeconds(reason: CappedCredit['reason'], progress: Output['progress']): number {
  if (reason !== 'clock' || progress.completed || !progress.reachedEnd) return STUDY_RULES.heartbeatSeconds
  const toComplete = progress.completeAtSeconds - progress.creditedSeconds
  return Math.min(STUDY_RULES.heartbeatSeconds, Math.max(SOONEST_BEAT_SECONDS, toComplete))
}
