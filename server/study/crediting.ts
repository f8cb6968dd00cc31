import type { CreditReason, DayKey } from '../../types'
import { dayKey, startOfDay } from '../../types/calendar'
import type { StudyRuleNumbers } from './rules'

/**
 * The crediting rules, pure: given a reading session's state and a heartbeat received at a server
 * instant, how many seconds to credit, to which Shanghai days, and why. The server's clock is the
 * only measure of time; a client says nothing about how long it read.
 */

/** A reading session as crediting sees it. */
export interface SessionState {
  /** The last heartbeat accepted (-1: the reader opened the session, no heartbeat yet). */
  seq: number
  /**
   * The server instant the next credit is measured from: the previous heartbeat's arrival (or the
   * session's opening), or, when the server's clock cut the last credit, the end of what it credited
   * (so whole-second crediting loses nothing over a session).
   */
  anchorAt: Date
  /** How much of the reader's counted time is accounted for (credited, capped or overlapping). */
  counted: number
}

export interface Beat {
  seq: number
  /** When the server received it. */
  at: Date
  /** The active seconds the reader counted in the session so far (a running total). */
  counted: number
}

/** Credit for one Shanghai day. */
export interface CreditPart {
  day: DayKey
  seconds: number
  /** An instant inside the part, for its week, quarter and year. */
  at: Date
}

export type BeatOutcome = 'started' | 'duplicate' | 'clock' | 'credited' | 'beatCap' | 'overlap'

export interface BeatCredit {
  outcome: BeatOutcome
  /** Before the per-item and per-day caps. */
  seconds: number
  parts: CreditPart[]
  /** The session's next anchor and counted total; undefined when the heartbeat changes nothing (`duplicate`). */
  anchorAt: Date | undefined
  counted?: number
  /** The end of the time credited (undefined when none is). */
  end?: Date
}

/**
 * The reader counts the seconds it is in front and in use (or playing audio) and reports its running
 * total; the server credits the new part of it, never more than its own clock has moved since it
 * last measured, nor more than `maxBeatSeconds` at once:
 * - A heartbeat of a session nobody opened (or forgotten) starts it and credits nothing.
 * - A heartbeat whose seq is not above the last accepted one is a duplicate, replay or latecomer:
 *   nothing, and the session is left as it was. A new seq with the same total credits nothing either.
 * - A reader that counted more than the server's clock allows is credited the clock's whole seconds;
 *   the fraction of a second and the rest of its count are left to the next heartbeat (`clock`).
 * - Otherwise the new seconds are credited, at most `maxBeatSeconds` (`beatCap`); the time credited is
 *   the time just before the heartbeat, and wall-clock time the reader did not count is not kept.
 * - Credited time spanning Shanghai midnight is split: each part goes to its own day.
 */
export function creditBeat(rules: StudyRuleNumbers, session: SessionState | undefined, beat: Beat): BeatCredit {
  if (!session) return { outcome: 'started', seconds: 0, parts: [], anchorAt: beat.at, counted: beat.counted }
  if (beat.seq <= session.seq) return { outcome: 'duplicate', seconds: 0, parts: [], anchorAt: undefined }
  const claimed = Math.max(0, beat.counted - session.counted)
  const elapsedMs = beat.at.getTime() - session.anchorAt.getTime()
  // A clock that stepped back: nothing to credit, measure from now; the count stays claimable.
  if (elapsedMs < 0) return { outcome: 'clock', seconds: 0, parts: [], anchorAt: beat.at, counted: session.counted }
  const allowed = Math.floor(elapsedMs / 1000)
  if (claimed > allowed && allowed <= rules.maxBeatSeconds) {
    const end = new Date(session.anchorAt.getTime() + allowed * 1000)
    return {
      outcome: 'clock',
      seconds: allowed,
      parts: splitByDay(end, allowed),
      anchorAt: end,
      counted: session.counted + allowed,
      ...(allowed > 0 ? { end } : {}),
    }
  }
  const capped = claimed > rules.maxBeatSeconds
  const seconds = capped ? rules.maxBeatSeconds : claimed
  return {
    outcome: capped ? 'beatCap' : 'credited',
    seconds,
    parts: splitByDay(beat.at, seconds),
    anchorAt: beat.at,
    counted: beat.counted,
    ...(seconds > 0 ? { end: beat.at } : {}),
  }
}

/**
 * A member studies one thing at a time: time already credited to another page open at once (up
 * to `creditedUntil`, the end of the member's latest credited time) is not credited again.
 */
export function withoutOverlap(credit: BeatCredit, creditedUntil: Date | undefined): BeatCredit {
  const end = credit.end
  if (!end || !creditedUntil || credit.seconds === 0) return credit
  const start = end.getTime() - credit.seconds * 1000
  if (creditedUntil.getTime() <= start) return credit
  const seconds = Math.max(0, Math.floor((end.getTime() - creditedUntil.getTime()) / 1000))
  return { ...credit, outcome: 'overlap', seconds, parts: splitByDay(end, seconds) }
}

/** The `seconds` ending at `end`, split at Shanghai midnight (at most one: a part is short). */
export function splitByDay(end: Date, seconds: number): CreditPart[] {
  if (seconds <= 0) return []
  const start = new Date(end.getTime() - seconds * 1000)
  const endDay = dayKey(end)
  const midnight = startOfDay(endDay)
  if (start.getTime() >= midnight.getTime()) return [{ day: endDay, seconds, at: start }]
  const after = Math.floor((end.getTime() - midnight.getTime()) / 1000)
  const parts: CreditPart[] = [{ day: dayKey(start), seconds: seconds - after, at: start }]
  if (after > 0) parts.push({ day: endDay, seconds: after, at: midnight })
  return parts
}

/** What the caps leave room for, as stored before this heartbeat. */
export interface CapRoom {
  itemSeconds: number
  itemCapSeconds: number
  /** Credited so far on a day. */
  daySeconds(day: DayKey): number
  dayCapSeconds: number
}

export interface CappedCredit {
  seconds: number
  /** Parts with nothing left out. */
  parts: CreditPart[]
  reason: CreditReason
}

/**
 * Applies the per-item cap (earlier time first) and then each day's cap. The reason names the cap
 * that cut the credit (the day's when both did), else the heartbeat's outcome.
 */
export function applyCaps(credit: BeatCredit, room: CapRoom): CappedCredit {
  let itemRoom = Math.max(0, room.itemCapSeconds - room.itemSeconds)
  let itemCut = false
  let dayCut = false
  const parts: CreditPart[] = []
  for (const part of credit.parts) {
    const forItem = Math.min(part.seconds, itemRoom)
    if (forItem < part.seconds) itemCut = true
    const dayRoom = Math.max(0, room.dayCapSeconds - room.daySeconds(part.day))
    const seconds = Math.min(forItem, dayRoom)
    if (seconds < forItem) dayCut = true
    itemRoom -= seconds
    if (seconds > 0) parts.push({ ...part, seconds })
  }
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0)
  const reason: CreditReason = dayCut ? 'dayCap' : itemCut ? 'itemCap' : credit.outcome
  return { seconds, parts, reason }
}
