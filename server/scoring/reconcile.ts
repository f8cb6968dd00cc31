import { dayKey, startOfDay } from '../../types/calendar'
import type { CloudDatabase, Command } from '../db/types'
import type { DayKey } from '../../types'
import { BATCH_SIZE, inParallel, JOBS, runBatchedJob, type JobDoc, type JobOutcome } from '../jobs/batched-job'
import { addEach, addOnce } from '../db/documents'
import { firstKeptDay, LATEST, SCORE_ENTRIES, SCORE_TOTALS, type RepairRecord, type TotalsDoc } from './ledger'
import { scoreLostCompletions, SETTLE_MS, studyDaysOf, unscoredStudy, withEntries } from './study-catch-up'
import {
  differences,
  latestOf,
  ledgerSums,
  membersAfter,
  reconcileFrom,
  sumsFrom,
  totalsFrom,
  totalsFromSums,
  type Difference,
  type Latest,
  type MemberRef,
  type Totals,
} from './replay'
import { loadRuleVersions } from './rule-versions'
import { scoreLostReplies, withdrawLostReplies } from './sources'
import { scoreLostRecords } from './lost-scores'
import { CHECKIN_SCORES } from '../checkin'
import { settleLostAnswers } from '../quiz/daily'
import { REFLECTION_SCORES } from '../reflections/reflections'
import { ATTENDANCE_SCORES } from '../meetings/attendance'

/**
 * The nightly reconciliation (对账): every member's running totals of this year (from
 * `reconcileFrom`: the year's weeks, quarters and days) are worked out again from the ledger, a batch
 * of members at a time, and any drift is repaired and recorded with the repair; a member with no
 * totals at all has them built from their whole ledger.
 * Completions and study time credited but never scored are scored first (study-catch-up.ts), so
 * are 每日答题 answers still marked unsettled, and check-ins, approved 学习心得, meeting attendance,
 * replies and featurings written since the last finished run began without their ledger entry
 * (lost-scores.ts); the scores of replies deleted or hidden but not yet reversed are reversed (sources.ts).
 * It is a batched job (server/jobs): its checkpoint after each batch lets a stopped run resume
 * where it was. A repair holds only if the member's totals did not change meanwhile, and members
 * scored in the last minutes are left to the next night (their event may still be on its way to
 * the totals): running it again changes nothing.
 */
/** Repairs of a batch go this many at a time. */
const WIDTH = 20

export interface ReconcileSummary extends JobOutcome {
  run: string
  checked: number
  repaired: number
  /** Left for the next run: scored in the last minutes, or changed while being repaired. */
  skipped: number
}

const RUN_PREFIX = 'reconcileScores-'

/** One run a night, as the job `reconcileScores-<Shanghai day>`. */
export async function reconcile(db: CloudDatabase, now: Date): Promise<ReconcileSummary> {
  const run = dayKey(now)
  const from = reconcileFrom(run)
  const versions = await loadRuleVersions(db)
  const since = await lostScoresSince(db, run, from)
  const counts = { checked: 0, repaired: 0, skipped: 0 }
  const outcome = await runBatchedJob<MemberRef>(db, `${RUN_PREFIX}${run}`, now, {
    next: (after) => membersAfter(db, after),
    async handle(members) {
      const first = members[0]._id
      const last = members[members.length - 1]._id
      // Lost completions and reversals are scored first, so the totals read next include them.
      await scoreLostCompletions(db, members)
      await scoreLostRecords(db, CHECKIN_SCORES, members, since)
      await scoreLostRecords(db, REFLECTION_SCORES, members, since)
      await scoreLostRecords(db, ATTENDANCE_SCORES, members, since)
      await settleLostAnswers(db, members)
      await scoreLostReplies(db, members, since)
      await withdrawLostReplies(db, first, last)
      // Totals first, then the ledger: an entry applied after this read was inserted before the
      // ledger read, so it is seen there, and its totals' version change stops the repair.
      const stored = await totalsOf(db, first, last)
      // A batch with a member who has no totals reads the whole ledger (once); the others' share of it is cut to the window.
      const whole = members.some((m) => !stored.has(m._id))
      const [sums, studied] = await Promise.all([ledgerSums(db, first, last, whole ? undefined : { from, to: run }), studyDaysOf(db, first, last)])
      const settling = (at: Date | undefined) => !!at && now.getTime() - at.getTime() < SETTLE_MS
      const results = await inParallel(members, WIDTH, async (member) => {
        const totals = stored.get(member._id)
        const since = totals ? from : undefined
        const read = sums.get(member._id)
        const own = totals && whole ? sumsFrom(read, from) : read
        const study = studied.get(member._id)
        if (settling(own?.lastAt) || settling(study?.creditedUntil)) return 'busy'
        const catchUp = study ? unscoredStudy(member, own, study, versions, now, since) : []
        for (const entry of catchUp) await addOnce(db, SCORE_ENTRIES, entry)
        // Worked out from the window, a period begun before it would be partial: only those from it count.
        const expected = totalsFromSums(withEntries(own, catchUp), versions)
        return repair(db, run, now, member, totals, since ? totalsFrom(expected, since) : expected, from)
      })
      // Totals built from nothing go in by the hundred; one written meanwhile by live scoring is left to the next run.
      const created = await addEach(
        db,
        SCORE_TOTALS,
        results.filter((r): r is TotalsDoc => typeof r === 'object'),
      )
      const outcomes = [...results.filter((r) => typeof r === 'string'), ...created.map((added) => (added ? 'repaired' : 'busy'))]
      counts.checked += members.length
      counts.repaired += outcomes.filter((o) => o === 'repaired').length
      counts.skipped += outcomes.filter((o) => o === 'busy').length
    },
  })
  return { ...outcome, run, ...counts }
}

/** Clocks of function instances may disagree by this much: records are looked at from this long before the last run began. */
const CLOCK_MARGIN_MS = 3600_000

/**
 * Since when records may have lost their scoring unseen: the start of the last run that finished
 * (it looked at every record written before), less CLOCK_MARGIN_MS; but not before the periods the
 * run reconciles begin (`from`), as nothing earlier is in the totals it keeps.
 */
async function lostScoresSince(db: CloudDatabase, run: string, from: DayKey): Promise<Date> {
  const _ = db.command
  const { data } = await db
    .collection(JOBS)
    .where({ _id: _.gt(RUN_PREFIX).and(_.lt(`${RUN_PREFIX}${run}`)), finishedAt: _.neq(null) })
    .orderBy('_id', 'desc')
    .limit(1)
    .get()
  const last = data[0] as JobDoc | undefined
  const began = last ? new Date(new Date(last.startedAt).getTime() - CLOCK_MARGIN_MS) : undefined
  return began && began > startOfDay(from) ? began : startOfDay(from)
}

async function totalsOf(db: CloudDatabase, first: string, last: string): Promise<Map<string, TotalsDoc>> {
  const _ = db.command
  const { data } = await db
    .collection(SCORE_TOTALS)
    .where({ _id: _.gte(first).and(_.lte(last)) })
    .limit(BATCH_SIZE)
    .get()
  return new Map((data as TotalsDoc[]).map((t) => [t._id, t]))
}

/**
 * Rewrites the member's totals of the periods from `from` as the ledger says, with the record of the
 * repair in the same write (`repairs.<run>`): a repair is never made unrecorded, nor recorded unmade.
 * For a member who had none: the totals document to create, with its record (the batch's go in
 * together).
 */
async function repair(
  db: CloudDatabase,
  run: string,
  now: Date,
  member: MemberRef,
  stored: TotalsDoc | undefined,
  expected: Totals,
  from: DayKey,
): Promise<'fine' | 'repaired' | 'busy' | TotalsDoc> {
  const latest = latestWrites(stored, latestOf(stored, expected, stored ? from : undefined))
  const diffs = [...differences(stored && totalsFrom(stored, from), expected), ...latest.differences]
  const units = { groupId: member.groupId, branchId: member.branchId, active: member.status === 'active' }
  const unitsMoved = !!stored && (stored.groupId !== units.groupId || stored.branchId !== units.branchId || stored.active !== units.active)
  if (diffs.length === 0 && !unitsMoved) return 'fine'
  const record: RepairRecord = { at: now, differences: diffs, units: unitsMoved ? units : null }
  const _ = db.command
  if (!stored) {
    // Built from the whole ledger: without the days before last year, as live scoring keeps them.
    const keep = firstKeptDay(run.slice(0, 4))
    const d = Object.fromEntries(Object.entries(expected.d).filter(([day]) => day >= keep))
    const built: RepairRecord = { ...record, differences: diffs.filter((x) => x.path.startsWith('y.')), built: true }
    return { _id: member._id, memberId: member._id, ...units, v: 1, ...expected, d, ...latest.writes, repairs: { [run]: built } }
  }
  const { stats } = await db
    .collection(SCORE_TOTALS)
    .where({ _id: member._id, v: stored.v })
    .update({
      data: { ...units, v: _.inc(1), ...periodWrites(_, totalsFrom(stored, from), expected), ...latest.writes, [`repairs.${run}`]: record },
    })
  return stats.updated === 1 ? 'repaired' : 'busy'
}

/** The writes that make the stored latest periods' flat fields `latest`, and what they change (`cwp`: this week's points). */
function latestWrites(stored: Partial<TotalsDoc> | undefined, latest: Latest): { writes: Partial<TotalsDoc>; differences: Difference[] } {
  const writes: Record<string, string | number> = {}
  const changed: Difference[] = []
  for (const [map, want] of Object.entries(latest) as [keyof Latest, { key: string; p: number; s: number }][]) {
    const fields = LATEST[map]
    const same = stored?.[fields.key] === want.key
    const had = { p: same ? (stored?.[fields.p] ?? 0) : 0, s: same ? (stored?.[fields.s] ?? 0) : 0 }
    if (same && stored?.[fields.p] === want.p && stored?.[fields.s] === want.s) continue
    Object.assign(writes, { [fields.key]: want.key, [fields.p]: want.p, [fields.s]: want.s })
    for (const metric of ['p', 's'] as const)
      if (had[metric] !== want[metric]) changed.push({ path: fields[metric], stored: had[metric], ledger: want[metric] })
  }
  return { writes, differences: changed }
}

/** Each period of either totals set to the expected one's, or removed when the ledger has none. */
function periodWrites(_: Command, stored: Totals, expected: Totals): Record<string, unknown> {
  const writes: Record<string, unknown> = {}
  for (const map of ['d', 'w', 'q', 'y'] as const) {
    const was: Record<string, unknown> = stored[map]
    const wanted: Record<string, unknown> = expected[map]
    for (const key of new Set([...Object.keys(was), ...Object.keys(wanted)])) writes[`${map}.${key}`] = key in wanted ? _.set(wanted[key]) : _.remove()
  }
  return writes
}

/** The repairs of a night's run, 1,000 members at a time after `after`: for reading what was repaired. */
export async function repairsOf(db: CloudDatabase, run: string, after = ''): Promise<{ memberId: string; repair: RepairRecord }[]> {
  const _ = db.command
  const { data } = await db
    .collection(SCORE_TOTALS)
    .where({ [`repairs.${run}`]: _.exists(true), _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .limit(BATCH_SIZE)
    .field({ _id: true, [`repairs.${run}`]: true })
    .get()
  return (data as TotalsDoc[]).map((t) => ({ memberId: t._id, repair: t.repairs![run] }))
}
