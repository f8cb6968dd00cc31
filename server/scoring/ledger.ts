import type { DayKey, ScoreKind, ScoreRules } from '../../types'
import type { Member } from '../members'
import { dayKey, quarterKey, startOfDay, weekKey } from '../../types/calendar'
import { addOnce, findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase, type UpdateData } from '../db/types'
import { AppError } from '../errors'
import { kindPoints, rulesOn } from './rules'
import { versionsForDay } from './rule-versions'

/**
 * The points ledger (积分台账). Every scoring event is one entry in `scoreEntries` under an id
 * derived from its source (the check-in, the reading session's heartbeat, the reply…): the
 * database's unique `_id` makes the same event impossible to score twice, whatever retries or
 * replays happen. The entry's first insertion then moves the member's running totals in
 * `scoreTotals/<memberId>` (day, week, quarter, year) in one conditional update with atomic
 * increments, so reads of "my points" never scan the ledger. Should that step be lost (a crash
 * between the two writes), the nightly reconciliation finds the drift and repairs it from the ledger.
 * Nothing is ever edited or removed: points taken back are a reversal entry (`reverseScores`).
 */
export const SCORE_ENTRIES = 'scoreEntries'
export const SCORE_TOTALS = 'scoreTotals'

export interface ScoreEntryDoc {
  /** `<kind>_<source id>`. */
  _id: string
  memberId: string
  kind: ScoreKind
  /** 1 for an event; credited seconds for study time. */
  quantity: number
  /** The Shanghai day it happened on: its rules version and periods follow from it. */
  day: DayKey
  /** `effectiveFrom` of the rules version it was scored under. */
  rules: DayKey
  /** chapterDone: a chapter of a book required of the member that year (必读). */
  required: boolean
  at: Date
  /** A reversal: the id of the entry it takes back (its kind, day and rules; the quantity negated). */
  reverses?: string
  /** An entry written by a request later than its event (a completion a later heartbeat scored): when. */
  recordedAt?: Date
}

export interface DayTotals {
  /** Points of the day. */
  p: number
  /** Quantity by kind (what the daily caps apply to). */
  k: Partial<Record<ScoreKind, number>>
}
export interface PeriodTotalsDoc {
  p: number
  /** Credited study seconds. */
  s: number
}
export interface YearTotalsDoc extends PeriodTotalsDoc {
  /** Required-book chapters completed. */
  rc: number
}

export interface TotalsDoc {
  _id: string
  memberId: string
  /** The member's units and standing when last scored or reconciled: the leaderboards' scopes. */
  groupId: string
  branchId: string
  /** False once the member is deactivated: off the leaderboards and out of the ranks. */
  active: boolean
  /** Bumped by every write: reconciliation repairs only a document nothing changed meanwhile. */
  v: number
  /** By Shanghai day, week (its Monday), quarter (`YYYY-Qn`) and year (`YYYY`). */
  d: Record<string, DayTotals>
  w: Record<string, PeriodTotalsDoc>
  q: Record<string, PeriodTotalsDoc>
  y: Record<string, YearTotalsDoc>
  /** What reconciliation repaired, by the Shanghai day of its run. */
  repairs?: Record<string, RepairRecord>
}

/** A drift reconciliation found and repaired. */
export interface RepairRecord {
  at: Date
  /** Path by path (`y.2026.p`: the year's points): what the totals said and what the ledger says. */
  differences: { path: string; stored: number; ledger: number }[]
  /** The member's units or standing, when those were out of date too. */
  units: Pick<TotalsDoc, 'groupId' | 'branchId' | 'active'> | null
}

type Periods = { week: string; quarter: string; year: string }
/** Days seen so far: a reconciliation works out the same days' periods for every member. */
const periodsByDay = new Map<DayKey, Periods>()

/** The week, quarter and year a Shanghai day belongs to. */
export function periodsOf(day: DayKey): Periods {
  let periods = periodsByDay.get(day)
  if (!periods) {
    const at = startOfDay(day)
    periodsByDay.set(day, (periods = { week: weekKey(at), quarter: quarterKey(at), year: day.slice(0, 4) }))
  }
  return periods
}

/** A scoring event as its source reports it. */
export interface ScoreEvent {
  kind: ScoreKind
  /** The source's own id, unique among events of the kind (the entry's id is derived from it). */
  sourceId: string
  member: Pick<Member, '_id' | 'groupId' | 'branchId'>
  at: Date
  /** Default 1. */
  quantity?: number
  required?: boolean
  /** Set when a request scores an event of an earlier instant: reconciliation leaves recent writes alone. */
  recordedAt?: Date
  /**
   * What the source knows of the member's quantity of this kind on the event's day before it (none:
   * `{ quantity: undefined }`), so the totals can be moved without reading them first. A wrong
   * guess costs only the read it meant to save: the update holds only if it was right.
   */
  expected?: { quantity: number | undefined }
}

export const entryId = (kind: ScoreKind, sourceId: string) => `${kind}_${sourceId}`

/** Conditional updates lost to concurrent events of the same member and kind are retried this often. */
const ATTEMPTS = 16

/** The ledger entry of an event, under the rules version of its day. */
export function entryOf(event: ScoreEvent, versions: readonly ScoreRules[]): { entry: ScoreEntryDoc; rules: ScoreRules } {
  const day = dayKey(event.at)
  const rules = rulesOn(versions, day)
  const entry: ScoreEntryDoc = {
    _id: entryId(event.kind, event.sourceId),
    memberId: event.member._id,
    kind: event.kind,
    quantity: event.quantity ?? 1,
    day,
    rules: rules.effectiveFrom,
    required: event.required ?? false,
    at: event.at,
    ...(event.recordedAt ? { recordedAt: event.recordedAt } : {}),
  }
  return { entry, rules }
}

/**
 * Appends the event to the ledger and, on its first insertion only, moves the member's totals.
 * `created` false: the event was scored before, nothing changed.
 */
export async function recordScore(db: CloudDatabase, event: ScoreEvent): Promise<{ created: boolean; entry: ScoreEntryDoc }> {
  const { entry, rules } = entryOf(event, await versionsForDay(db, dayKey(event.at)))
  return { created: await appendOnce(db, entry, event.member, rules, event.expected), entry }
}

/** Reversal entries are keyed by the entry they take back. */
export const reversalId = (reversed: string) => `reversal_${reversed}`

/**
 * Takes back the entries with these ids that were scored (冲销): for each, a reversal entry of the
 * same kind, day and rules with the quantity negated, so the day's capped points are worked out
 * again without it. Keyed by the entry reversed, it is written once however often its source is
 * withdrawn; an entry never scored has nothing to take back.
 */
export async function reverseScores(db: CloudDatabase, member: ScoreEvent['member'], ids: string[], at: Date): Promise<void> {
  const _ = db.command
  const { data } = await db
    .collection(SCORE_ENTRIES)
    .where({ _id: _.in(ids), memberId: member._id })
    .limit(ids.length)
    .get()
  for (const original of data as ScoreEntryDoc[]) {
    const { _id, memberId, kind, quantity, day, rules, required } = original
    const entry: ScoreEntryDoc = { _id: reversalId(_id), memberId, kind, quantity: -quantity, day, rules, required, at, reverses: _id }
    await appendOnce(db, entry, member, rulesOn(await versionsForDay(db, day), day))
  }
}

/** Inserts the entry and, on its first insertion only, moves the member's totals. */
async function appendOnce(
  db: CloudDatabase,
  entry: ScoreEntryDoc,
  member: ScoreEvent['member'],
  rules: ScoreRules,
  expected?: ScoreEvent['expected'],
): Promise<boolean> {
  try {
    await db.collection(SCORE_ENTRIES).add({ data: entry })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    return false
  }
  await applyToTotals(db, entry, member, rules, expected)
  return true
}

/**
 * Adds one entry to the totals. Its points are what it adds to the day's capped points of its
 * kind, worked out from the quantity stored before; the update holds only while that quantity is
 * unchanged, so concurrent events of a member never exceed a cap nor lose an increment.
 */
async function applyToTotals(
  db: CloudDatabase,
  entry: ScoreEntryDoc,
  member: ScoreEvent['member'],
  rules: ScoreRules,
  expected?: ScoreEvent['expected'],
): Promise<void> {
  const _ = db.command
  const { week, quarter, year } = periodsOf(entry.day)
  const path = `d.${entry.day}.k.${entry.kind}`
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The first attempt goes on the source's guess, when it has one; later ones read the totals.
    const before = attempt === 0 && expected ? expected.quantity : (await readTotals(db, member, [path])).d?.[entry.day]?.k?.[entry.kind]
    const rule = rules.kinds[entry.kind]
    const points = kindPoints(rule, (before ?? 0) + entry.quantity) - kindPoints(rule, before ?? 0)
    const seconds = entry.kind === 'studyTime' ? entry.quantity : 0
    const data: UpdateData = {
      groupId: member.groupId,
      branchId: member.branchId,
      v: _.inc(1),
      [path]: _.inc(entry.quantity),
      [`d.${entry.day}.p`]: _.inc(points),
      [`w.${week}.p`]: _.inc(points),
      [`w.${week}.s`]: _.inc(seconds),
      [`q.${quarter}.p`]: _.inc(points),
      [`q.${quarter}.s`]: _.inc(seconds),
      [`y.${year}.p`]: _.inc(points),
      [`y.${year}.s`]: _.inc(seconds),
      [`y.${year}.rc`]: _.inc(entry.kind === 'chapterDone' && entry.required ? entry.quantity : 0),
    }
    const { stats } = await db
      .collection(SCORE_TOTALS)
      .where({ _id: member._id, [path]: before === undefined ? _.exists(false) : before })
      .update({ data })
    if (stats.updated === 1) return
  }
  throw new AppError('CONFLICT', '积分记录正忙，请稍后再试')
}

/** The parts of a member's totals named by `paths`, creating the empty document on first use. */
async function readTotals(db: CloudDatabase, member: ScoreEvent['member'], paths: string[]): Promise<Partial<TotalsDoc>> {
  const found = await findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, paths)
  if (found) return found
  const empty: TotalsDoc = {
    _id: member._id,
    memberId: member._id,
    groupId: member.groupId,
    branchId: member.branchId,
    active: true,
    v: 0,
    d: {},
    w: {},
    q: {},
    y: {},
  }
  await addOnce(db, SCORE_TOTALS, empty)
  return (await findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, paths)) ?? empty
}
