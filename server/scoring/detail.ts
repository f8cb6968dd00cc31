import type { z } from 'zod'
import type { GetMyPointsOutput, ScoreKind, ScoreRules } from '../../types'
import type { Member } from '../members'
import { SCORE_KINDS } from '../../types/constants'
import { dayKey } from '../../types/calendar'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { cursorDate, decodeCursor, pageOf } from '../paging'
import { authorize, memberTarget } from '../permissions'
import { firstKeptDay, SCORE_ENTRIES, SCORE_TOTALS, type ScoreEntryDoc, type TotalsDoc } from './ledger'
import { versionsForDay } from './rule-versions'
import { kindPoints, rulesOn } from './rules'
import { totalsFromSums } from './replay'

export const POINTS_PAGE_SIZE = 20

/**
 * 积分明细: what each rule gave today against its daily cap (from the running totals, as 我的
 * shows them), then the member's own ledger entries newest first with each day's points, so every
 * number on 我的 can be traced to the events behind it.
 */
export async function myPoints(db: CloudDatabase, caller: Member, now: Date, cursor?: string): Promise<z.output<typeof GetMyPointsOutput>> {
  authorize(caller, 'scores.read', memberTarget(caller))
  const today = dayKey(now)
  const _ = db.command
  let where: unknown = { memberId: caller._id }
  if (cursor) {
    // After the last entry shown, in (at, _id) descending order.
    const [atText, id] = decodeCursor(cursor, 2)
    const at = cursorDate(atText)
    where = _.and([{ memberId: caller._id }, _.or([{ at: _.lt(at) }, { at, _id: _.lt(id) }])])
  }
  const [versions, found] = await Promise.all([
    versionsForDay(db, today),
    db
      .collection(SCORE_ENTRIES)
      .where(where as Record<string, unknown>)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      .limit(POINTS_PAGE_SIZE + 1)
      .get(),
  ])
  const entries = pageOf(
    found.data as ScoreEntryDoc[],
    POINTS_PAGE_SIZE,
    (e) => [new Date(e.at).toISOString(), e._id],
    (e) => ({ _id: e._id, kind: e.kind, day: e.day, quantity: e.quantity, at: new Date(e.at).toISOString(), reversal: !!e.reverses }),
  )
  // One read of the totals: today's quantities by rule, and the points of the page's days.
  const days = [...new Set(entries.items.map((e) => e.day))]
  const totals = await findDoc<TotalsDoc>(db, SCORE_TOTALS, caller._id, [`d.${today}`, ...days.filter((d) => d !== today).map((d) => `d.${d}.p`)])
  const rules = rulesOn(versions, today)
  const counted = totals?.d?.[today]?.k ?? {}
  const kinds = (SCORE_KINDS as readonly ScoreKind[]).map((kind) => {
    const rule = rules.kinds[kind]
    const quantity = counted[kind] ?? 0
    return { kind, quantity, points: kindPoints(rule, quantity), cap: rule.dailyCap, per: rule.per, each: rule.points }
  })
  // Days before last year have left the totals (ledger.ts): theirs are worked out from their entries.
  const gone = days.filter((d) => totals?.d?.[d] === undefined && d < firstKeptDay(today.slice(0, 4)))
  const worked = gone.length > 0 ? await pointsFromLedger(db, caller._id, gone, versions) : new Map<string, number>()
  const dayPoints = Object.fromEntries(days.map((d) => [d, totals?.d?.[d]?.p ?? worked.get(d) ?? 0]))
  return { today, kinds, entries, dayPoints }
}

/** The points of these days, replayed from the member's entries on them (a page's days: a few hundred entries at most). */
async function pointsFromLedger(db: CloudDatabase, memberId: string, days: string[], versions: readonly ScoreRules[]): Promise<Map<string, number>> {
  const { data } = await db
    .collection(SCORE_ENTRIES)
    .where({ memberId, day: db.command.in(days) })
    .field({ day: true, kind: true, quantity: true, required: true })
    .limit(1000)
    .get()
  const parts = (data as ScoreEntryDoc[]).map((e) => ({ d: e.day, k: e.kind, r: e.required, q: e.quantity }))
  return new Map(Object.entries(totalsFromSums({ parts }, versions).d).map(([day, totals]) => [day, totals.p]))
}
