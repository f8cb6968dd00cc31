import type { DayKey, ScoreRules } from '../../types'
import { startOfDay } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { STUDY_LEDGERS, type LedgerDoc } from '../study/ledger'
import { entryOf, type ScoreEntryDoc } from './ledger'
import type { LedgerSums, MemberRef } from './replay'
import { scoreUnscored } from './sources'

/**
 * Study time is credited in the study ledger (`studyLedgers`) and scored from there heartbeat by
 * heartbeat. Should a heartbeat's scoring step be lost (the function stopped between the two
 * writes; a retry of the same heartbeat is a duplicate the study ledger credits nothing for), its
 * seconds would stay credited but unscored. Reconciliation finds them here, day by day, and scores
 * the difference under an id derived from the study ledger's day total: the catch-up is written once.
 * Completions are kept in the study ledger until scored, and scored here should a heartbeat's
 * scoring step be lost and no later heartbeat of the member have scored them.
 */

/** Entries younger than this may still be on their way to the totals: reconciliation leaves them. */
export const SETTLE_MS = 5 * 60_000
/**
 * A heartbeat retried within this time scores its seconds again (server/study/heartbeat.ts): well
 * inside `SETTLE_MS`, so a catch-up and a retry never score the same seconds.
 */
export const RESCORE_MS = 60_000

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
export function unscoredStudy(member: MemberRef, sums: LedgerSums | undefined, study: StudyDays, versions: readonly ScoreRules[], since = ''): ScoreEntryDoc[] {
  const scored = new Map<DayKey, number>()
  for (const p of sums?.parts ?? []) if (p.k === 'studyTime') scored.set(p.d, (scored.get(p.d) ?? 0) + p.q)
  return Object.entries(study.days)
    .filter(([day, seconds]) => day >= since && seconds > (scored.get(day) ?? 0))
    .map(([day, seconds]) => {
      const event = {
        kind: 'studyTime' as const,
        sourceId: `${member._id}_${day}_upto_${seconds}`,
        member,
        at: startOfDay(day),
        quantity: seconds - (scored.get(day) ?? 0),
      }
      return entryOf(event, versions).entry
    })
}

/** The sums with the catch-up entries added. */
export function withEntries(sums: LedgerSums | undefined, entries: ScoreEntryDoc[]): LedgerSums | undefined {
  if (entries.length === 0) return sums
  const parts = [...(sums?.parts ?? []), ...entries.map((e) => ({ d: e.day, k: e.kind, r: e.required, q: e.quantity }))]
  return { parts, lastAt: sums?.lastAt ?? new Date(0) }
}
