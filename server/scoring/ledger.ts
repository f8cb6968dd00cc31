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
 * derived from its source (the check-in, a day's study time caught up, the reply…): the
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
  /**
   * By Shanghai day, week (its Monday), quarter (`YYYY-Qn`) and year (`YYYY`). Days before last year
   * are dropped when a member's first event of a new year is scored (`d` would grow forever).
   */
  d: Record<string, DayTotals>
  w: Record<string, PeriodTotalsDoc>
  q: Record<string, PeriodTotalsDoc>
  y: Record<string, YearTotalsDoc>
  /**
   * The latest week, quarter and year the member scored in, each with its points and seconds as
   * flat fields, always equal to `w[cw]`, `q[cq]` and `y[cy]`: a leaderboard filters on the key and
   * sorts on the value, so one fixed index per period and metric serves every week's board (a path
   * such as `w.2026-11-23.p` would need a new index every week). Absent until the first event.
   */
  cw?: string
  cwp?: number
  cws?: number
  cq?: string
  cqp?: number
  cqs?: number
  cy?: string
  cyp?: number
  cys?: number
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
  /**
   * The member had no totals: they were built from the whole ledger, and the differences are the
   * years' alone (every day and week would differ from nothing, and the record would outweigh the totals).
   */
  built?: true
}

type Periods = { week: string; quarter: string; year: string }

/** Each period's map, the flat fields of its latest key (`TotalsDoc.cw`…), and which of `Periods` keys it. */
export const LATEST = {
  w: { key: 'cw', p: 'cwp', s: 'cws', of: 'week' },
  q: { key: 'cq', p: 'cqp', s: 'cqs', of: 'quarter' },
  y: { key: 'cy', p: 'cyp', s: 'cys', of: 'year' },
} as const
type PeriodMap = keyof typeof LATEST
const PERIOD_MAPS = Object.keys(LATEST) as PeriodMap[]
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
   * `{ quantity: undefined }`), or the totals it read (`totalsPaths`), so the totals can be moved
   * without reading them (again). A wrong guess costs only the read it meant to save: the update
   * holds only if it was right.
   */
  expected?: { quantity: number | undefined } | { totals: Partial<TotalsDoc> }
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
 * kind, worked out from the quantity stored before; the update holds only while that quantity and
 * the latest periods (`cw`, `cq`, `cy`) are unchanged, so concurrent events of a member never exceed
 * a cap nor lose an increment, and the flat fields of the latest periods move with their maps. An
 * event of a later period than the latest starts its flat fields from what the map holds (its
 * values a condition too); one of an earlier period (a late event, a reversal) leaves them.
 */
async function applyToTotals(
  db: CloudDatabase,
  entry: ScoreEntryDoc,
  member: ScoreEvent['member'],
  rules: ScoreRules,
  expected?: ScoreEvent['expected'],
): Promise<void> {
  const _ = db.command
  const periods = periodsOf(entry.day)
  const path = `d.${entry.day}.k.${entry.kind}`
  const rule = rules.kinds[entry.kind]
  const seconds = entry.kind === 'studyTime' ? entry.quantity : 0
  const paths = totalsPaths(entry.day, entry.kind)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The first attempt goes on what the source read or guessed, when it did (a guess: the totals at
    // the event's periods already, the usual case); later ones read the totals.
    const seen =
      attempt === 0 && expected
        ? 'totals' in expected
          ? expected.totals
          : guessed(entry, periods, expected.quantity)
        : await readTotals(db, member, periods, paths)
    const before = seen.d?.[entry.day]?.k?.[entry.kind]
    const points = kindPoints(rule, (before ?? 0) + entry.quantity) - kindPoints(rule, before ?? 0)
    const where: Record<string, unknown> = { _id: member._id, [path]: before === undefined ? _.exists(false) : before }
    const data: UpdateData = {
      groupId: member.groupId,
      branchId: member.branchId,
      v: _.inc(1),
      [path]: _.inc(entry.quantity),
      [`d.${entry.day}.p`]: _.inc(points),
      [`y.${periods.year}.rc`]: _.inc(entry.kind === 'chapterDone' && entry.required ? entry.quantity : 0),
    }
    for (const map of PERIOD_MAPS) {
      const fields = LATEST[map]
      const key = periods[fields.of]
      const latest = seen[fields.key]
      data[`${map}.${key}.p`] = _.inc(points)
      data[`${map}.${key}.s`] = _.inc(seconds)
      where[fields.key] = latest === undefined ? _.exists(false) : latest
      if (latest === key) {
        data[fields.p] = _.inc(points)
        data[fields.s] = _.inc(seconds)
      } else if (latest === undefined || latest < key) {
        const held = seen[map]?.[key]
        if (held) Object.assign(where, { [`${map}.${key}.p`]: held.p, [`${map}.${key}.s`]: held.s ?? _.exists(false) })
        else where[`${map}.${key}`] = _.exists(false)
        Object.assign(data, { [fields.key]: key, [fields.p]: (held?.p ?? 0) + points, [fields.s]: (held?.s ?? 0) + seconds })
      }
    }
    if (seen.cy !== undefined && seen.cy < periods.year) Object.assign(data, await oldDays(db, member._id, periods.year))
    const { stats } = await db.collection(SCORE_TOTALS).where(where).update({ data })
    if (stats.updated === 1) return
  }
  throw new AppError('CONFLICT', '积分记录正忙，请稍后再试')
}

/** The parts of the totals an event of `kind` on `day` is applied from: the day's quantity, the latest periods and the day's periods. */
export function totalsPaths(day: DayKey, kind: ScoreKind): string[] {
  const periods = periodsOf(day)
  return [`d.${day}.k.${kind}`, ...PERIOD_MAPS.flatMap((map) => [LATEST[map].key, `${map}.${periods[LATEST[map].of]}`])]
}

/** The totals as a source's guess has them: the day's quantity, and the latest periods the event's. */
function guessed(entry: ScoreEntryDoc, periods: Periods, quantity: number | undefined): Partial<TotalsDoc> {
  return {
    d: quantity === undefined ? {} : { [entry.day]: { p: 0, k: { [entry.kind]: quantity } } },
    cw: periods.week,
    cq: periods.quarter,
    cy: periods.year,
  }
}

/** The first day the totals keep in `year`: 1 January of the year before (older days leave them). */
export const firstKeptDay = (year: string): DayKey => `${Number(year) - 1}-01-01`

/** Removals of the days before last year, for a member's first event of `year`. */
async function oldDays(db: CloudDatabase, memberId: string, year: string): Promise<UpdateData> {
  const keep = firstKeptDay(year)
  const days = Object.keys((await findDoc<TotalsDoc>(db, SCORE_TOTALS, memberId, ['d']))?.d ?? {})
  return Object.fromEntries(days.filter((day) => day < keep).map((day) => [`d.${day}`, db.command.remove()]))
}

/**
 * The parts of a member's totals named by `paths`, creating the empty document on first use (its
 * latest periods those of the event about to be applied, so that event just adds to them).
 */
async function readTotals(db: CloudDatabase, member: ScoreEvent['member'], periods: Periods, paths: string[]): Promise<Partial<TotalsDoc>> {
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
    cw: periods.week,
    cwp: 0,
    cws: 0,
    cq: periods.quarter,
    cqp: 0,
    cqs: 0,
    cy: periods.year,
    cyp: 0,
    cys: 0,
  }
  await addOnce(db, SCORE_TOTALS, empty)
  return (await findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, paths)) ?? empty
}
