import type { DayKey, MemberStatus, ScoreKind, ScoreRules } from '../../types'
import { addDays, quarterDays, startOfDay, weekKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { MEMBERS } from '../members'
import { LATEST, periodsOf, SCORE_ENTRIES, type RepairRecord, type TotalsDoc } from './ledger'
import { dayPoints, rulesOn } from './rules'

/**
 * Totals worked out again from the ledger alone, a batch of members at a time: what reconciliation
 * compares the running totals with, and what the year-end freeze rates. The database sums the
 * ledger (one aggregate a batch, one row a member), so round trips grow with members / batch size.
 */

export interface MemberRef {
  _id: string
  groupId: string
  branchId: string
  status: MemberStatus
}

/** The next batch of members by id after `after` (all statuses: a former member's ledger still counts). */
export async function membersAfter(db: CloudDatabase, after: string | null): Promise<MemberRef[]> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ _id: db.command.gt(after ?? '') })
    .orderBy('_id', 'asc')
    .limit(BATCH_SIZE)
    .field({ _id: true, groupId: true, branchId: true, status: true })
    .get()
  return data as MemberRef[]
}

/** One member's ledger summed by day, kind and the required flag. */
export interface LedgerSums {
  parts: { d: DayKey; k: ScoreKind; r: boolean; q: number }[]
  /** The latest event or write of its entries. */
  lastAt: Date
}

/** The ledger sums of the members with ids in [first, last] (a batch read in id order), days in `days` if given. */
export async function ledgerSums(db: CloudDatabase, first: string, last: string, days?: { from: DayKey; to: DayKey }): Promise<Map<string, LedgerSums>> {
  const _ = db.command
  const $ = _.aggregate
  const match: Record<string, unknown> = { memberId: _.gte(first).and(_.lte(last)) }
  if (days) match.day = _.gte(days.from).and(_.lte(days.to))
  const { list } = await db
    .collection(SCORE_ENTRIES)
    .aggregate()
    .match(match)
    .group({
      _id: { m: '$memberId', d: '$day', k: '$kind', r: '$required' },
      q: $.sum('$quantity'),
      at: $.max('$at'),
      rec: $.max('$recordedAt'),
    })
    .group({
      _id: '$_id.m',
      parts: $.push({ d: '$_id.d', k: '$_id.k', r: '$_id.r', q: '$q' }),
      lastAt: $.max('$at'),
      recordedAt: $.max('$rec'),
    })
    .limit(BATCH_SIZE)
    .end<{ _id: string; parts: LedgerSums['parts']; lastAt: Date; recordedAt: Date | null }>()
  const latest = (row: { lastAt: Date; recordedAt: Date | null }) =>
    new Date(Math.max(new Date(row.lastAt).getTime(), row.recordedAt ? new Date(row.recordedAt).getTime() : 0))
  return new Map(list.map((row) => [row._id, { parts: row.parts, lastAt: latest(row) }]))
}

export type Totals = Pick<TotalsDoc, 'd' | 'w' | 'q' | 'y'>

/**
 * The first day nightly reconciliation reads: the Monday of the week holding 1 January, so the year,
 * its quarters and weeks are whole; in a new year's first week, still last year's (its last days are
 * settled, and frozen on 1 January, from what those nights repair). Earlier years are closed: the
 * ledger a run reads grows to a year and a week, not with all history.
 */
export const reconcileFrom = (today: DayKey): DayKey => weekKey(startOfDay(`${addDays(today, -7).slice(0, 4)}-01-01`))

/** The sums of the days from `from` only. */
export const sumsFrom = (sums: LedgerSums | undefined, from: DayKey): LedgerSums | undefined =>
  sums && { ...sums, parts: sums.parts.filter((p) => p.d >= from) }

/** The first day of a period's key: a day, a week (its Monday), a quarter or a year. */
const periodStart = (map: keyof Totals, key: string): DayKey => (map === 'q' ? quarterDays(key).firstDay : map === 'y' ? `${key}-01-01` : key)

/** The flat fields of the latest periods (`TotalsDoc.cw`…), by map. */
export type Latest = Partial<Record<'w' | 'q' | 'y', { key: string; p: number; s: number }>>

/**
 * The latest periods the totals should name, from the stored ones and the maps `expected`: per
 * period, the later of the stored latest key and the latest key of the map, with that key's values.
 * A key whose period began before `from` (the window a reconciliation works out) is left as stored.
 */
export function latestOf(stored: Partial<TotalsDoc> | undefined, expected: Totals, from?: DayKey): Latest {
  const out: Latest = {}
  for (const map of ['w', 'q', 'y'] as const) {
    const fields = LATEST[map]
    const top = [stored?.[fields.key], ...Object.keys(expected[map])].reduce<string | undefined>(
      (a, b) => (b !== undefined && (a === undefined || b > a) ? b : a),
      undefined,
    )
    if (top === undefined || (from && periodStart(map, top) < from)) continue
    out[map] = { key: top, p: expected[map][top]?.p ?? 0, s: expected[map][top]?.s ?? 0 }
  }
  return out
}

/** The totals of the periods that start on or after `from`: those a run from `from` works out again. */
export function totalsFrom(totals: Partial<Totals> | undefined, from: DayKey): Totals {
  const pick = <T>(map: keyof Totals, periods: Record<string, T> | undefined) =>
    Object.fromEntries(Object.entries(periods ?? {}).filter(([key]) => periodStart(map, key) >= from))
  return { d: pick('d', totals?.d), w: pick('w', totals?.w), q: pick('q', totals?.q), y: pick('y', totals?.y) } as Totals
}

/** The totals the ledger sums make under the rules of each day: what the running totals must equal. */
export function totalsFromSums(sums: Pick<LedgerSums, 'parts'> | undefined, versions: readonly ScoreRules[]): Totals {
  const totals: Totals = { d: {}, w: {}, q: {}, y: {} }
  for (const part of sums?.parts ?? []) {
    const day = (totals.d[part.d] ??= { p: 0, k: {} })
    day.k[part.k] = (day.k[part.k] ?? 0) + part.q
  }
  for (const [dayKey, day] of Object.entries(totals.d)) {
    day.p = dayPoints(rulesOn(versions, dayKey), day.k)
    const { week, quarter, year } = periodsOf(dayKey)
    const seconds = day.k.studyTime ?? 0
    for (const [map, key] of [
      [totals.w, week],
      [totals.q, quarter],
    ] as const) {
      const t = (map[key] ??= { p: 0, s: 0 })
      t.p += day.p
      t.s += seconds
    }
    const y = (totals.y[year] ??= { p: 0, s: 0, rc: 0 })
    y.p += day.p
    y.s += seconds
  }
  for (const part of sums?.parts ?? []) {
    if (part.k === 'chapterDone' && part.r) totals.y[part.d.slice(0, 4)].rc += part.q
  }
  return totals
}

/** Numeric leaves by dotted path, for comparing totals whatever zeros were written or left out. */
function leaves(value: unknown, prefix: string, out: Map<string, number>): Map<string, number> {
  if (typeof value === 'number') {
    if (value !== 0) out.set(prefix, value)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out)
  }
  return out
}

export type Difference = RepairRecord['differences'][number]

/** Where the stored totals differ from the ledger's (missing counts as 0). */
export function differences(stored: Partial<Totals> | undefined, expected: Totals): Difference[] {
  const pick = (t: Partial<Totals> | undefined) => leaves({ d: t?.d, w: t?.w, q: t?.q, y: t?.y }, '', new Map())
  const a = pick(stored)
  const b = pick(expected)
  const out: Difference[] = []
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const s = a.get(path) ?? 0
    const l = b.get(path) ?? 0
    if (s !== l) out.push({ path, stored: s, ledger: l })
  }
  return out.sort((x, y) => x.path.localeCompare(y.path))
}
