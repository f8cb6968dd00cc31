import type { DayKey, ScoreRules } from '../../types'
import { addDays, dayKey, startOfDay } from '../../types/calendar'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { STUDY_LEDGERS, type LedgerDoc } from '../study/ledger'
import { entryOf, recordScore, SCORE_TOTALS, totalsPaths, type ScoreEntryDoc, type ScoreEvent, type TotalsDoc } from './ledger'
import type { LedgerSums, MemberRef } from './replay'
import { scoreUnscored } from './sources'

/**
 * Study time is credited in the study ledger (`studyLedgers`), heartbeat by heartbeat, and scored
 * from there by catching up: an entry for the seconds a day holds beyond those already scored. The
 * reader's heartbeats sent while the member reads on (`interim`) are only credited; the one sent as
 * reading stops catches the days up, so a session of reading costs one points entry a day, not one
 * a heartbeat. Seconds a stopped reader never caught up (the app closed mid-reading, a scoring step
 * lost) are caught up by the member's next heartbeat or the nightly reconciliation.
 * Completions are kept in the study ledger until scored, and scored here should a heartbeat's
 * scoring step be lost and no later heartbeat of the member have scored them.
 */

/** Entries younger than this may still be on their way to the totals: reconciliation leaves them. */
export const SETTLE_MS = 5 * 60_000

/**
 * The event scoring a day's `credited` seconds beyond the `scored` ones, keyed by the member, the day
 * and the seconds scored before it: two catch-ups from the same point (two pages closing at once, a
 * heartbeat and the nightly run) write one entry, and the next starts where it ended. Dated `now` on
 * its own day, else at that day's last moment.
 */
export function studyCatchUp(member: ScoreEvent['member'], day: DayKey, scored: number, credited: number, now: Date): ScoreEvent {
  const at = dayKey(now) === day ? now : new Date(startOfDay(addDays(day, 1)).getTime() - 1)
  return { kind: 'studyTime', sourceId: `${member._id}_${day}_from_${scored}`, member, at, quantity: credited - scored }
}

/**
 * Scores what the study ledger credited on these days (its seconds of each) beyond what the totals
 * hold: one read of the totals, then an entry for each day behind. Should the totals lag their own
 * entries (a step lost), the entry from their figure exists already and nothing is written: the
 * nightly reconciliation sets them right first.
 */
export async function scoreStudyDays(db: CloudDatabase, member: ScoreEvent['member'], credited: Record<DayKey, number>, now: Date): Promise<void> {
  const days = Object.keys(credited)
  if (days.length === 0) return
  const totals = await findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, [...new Set(days.flatMap((day) => totalsPaths(day, 'studyTime')))])
  let first = true
  for (const day of days) {
    const held = totals?.d?.[day]?.k?.studyTime
    if (credited[day] <= (held ?? 0)) continue
    // The totals as read move the first day caught up; a second day's goes on the usual guess.
    const expected = first && totals ? { totals } : { quantity: held }
    first = false
    await recordScore(db, { ...studyCatchUp(member, day, held ?? 0, credited[day], now), recordedAt: now, expected })
  }
}

export type StudyDays = Pick<LedgerDoc, 'days' | 'creditedUntil'>

/** The study ledgers' days of the members with ids in [first, last]. */
export async function studyDaysOf(db: CloudDatabase, first: string, last: string): Promise<Map<string, StudyDays>> {
  const _ = db.command
  const { data } = await db
    .collection(STUDY_LEDGERS)
    .where({ _id: _.gte(first).and(_.lte(last)) })
    .field({ _id: true, days: true, creditedUntil: true })
    .limit(BATCH_SIZE)
    .get()
  return new Map((data as (StudyDays & { _id: string })[]).map((d) => [d._id, { days: d.days ?? {}, creditedUntil: new Date(d.creditedUntil) }]))
}

/**
 * Completions the study ledgers of the members with ids in [first, last] still keep unscored (a
 * heartbeat stopped before scoring them, and no heartbeat of the member came since): scored now.
 */
export async function scoreLostCompletions(db: CloudDatabase, members: MemberRef[]): Promise<void> {
  const _ = db.command
  const { data } = await db
    .collection(STUDY_LEDGERS)
    .where({ _id: _.gte(members[0]._id).and(_.lte(members[members.length - 1]._id)), unscored: _.exists(true) })
    .field({ _id: true, unscored: true })
    .limit(BATCH_SIZE)
    .get()
  const byId = new Map(members.map((m) => [m._id, m]))
  for (const doc of data as Pick<LedgerDoc, '_id' | 'unscored'>[]) {
    const member = byId.get(doc._id)
    const events = Object.values(doc.unscored ?? {})
    if (member && events.length > 0) await scoreUnscored(db, member, events)
  }
}

/** Entries for the seconds the study ledger credited and the points ledger has not scored (on days from `since`: the days `sums` hold). */
export function unscoredStudy(
  member: MemberRef,
  sums: LedgerSums | undefined,
  study: StudyDays,
  versions: readonly ScoreRules[],
  now: Date,
  since = '',
): ScoreEntryDoc[] {
  const scored = new Map<DayKey, number>()
  for (const p of sums?.parts ?? []) if (p.k === 'studyTime') scored.set(p.d, (scored.get(p.d) ?? 0) + p.q)
  return Object.entries(study.days)
    .filter(([day, seconds]) => day >= since && seconds > (scored.get(day) ?? 0))
    .map(([day, seconds]) => entryOf(studyCatchUp(member, day, scored.get(day) ?? 0, seconds, now), versions).entry)
}

/** The sums with the catch-up entries added. */
export function withEntries(sums: LedgerSums | undefined, entries: ScoreEntryDoc[]): LedgerSums | undefined {
  if (entries.length === 0) return sums
  const parts = [...(sums?.parts ?? []), ...entries.map((e) => ({ d: e.day, k: e.kind, r: e.required, q: e.quantity }))]
  return { parts, lastAt: sums?.lastAt ?? new Date(0) }
}
