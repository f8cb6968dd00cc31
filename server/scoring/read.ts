import type { DayKey, GetMyScoreOutput, PeriodTotals, ScoreMetric, ScorePeriod, ScoreScope } from '../../types'
import { dayKey, quarterKey, weekKey, yearKey } from '../../types/calendar'
import { findDoc } from '../db/documents'
import type { CloudDatabase, Command, QueryCondition } from '../db/types'
import { authorize, memberTarget } from '../permissions'
import { LATEST, SCORE_TOTALS, type TotalsDoc } from './ledger'
import { rulesOn, standing } from './rules'
import { versionsForDay } from './rule-versions'
import { MEMBERS, type Member } from '../members'

/**
 * The read side of scoring: a member's points and study time for a period, where they rank in their
 * group, branch or the organisation, and their star standing. Reads use the running totals only
 * (one document per member), never the ledger. Other modules (the quarterly report) read here too.
 */

const PERIOD_FIELD: Record<ScorePeriod, 'w' | 'q' | 'y'> = { week: 'w', quarter: 'q', year: 'y' }

/** The key of the week (its Monday), quarter (`YYYY-Qn`) or year (`YYYY`) holding `now`. */
export function periodKey(period: ScorePeriod, now: Date): string {
  if (period === 'week') return weekKey(now)
  return period === 'quarter' ? quarterKey(now) : yearKey(now)
}

/** The totals path of a period's metric, e.g. `w.2026-11-23.p`: one member's value, read by id. */
export const metricPath = (period: ScorePeriod, key: string, metric: ScoreMetric) => `${PERIOD_FIELD[period]}.${key}.${metric === 'points' ? 'p' : 's'}`

/** A leaderboard: a period (by its key) and a metric. */
export interface Board {
  period: ScorePeriod
  key: string
  metric: ScoreMetric
}

/**
 * Members above `value` on the board, on the latest period's flat fields (`cw` = key, `cwp` >
 * value): what the declared indexes serve, whatever the week. `sortBy`: the flat field the values are in.
 */
export function aboveIn(_: Command, board: Board, value: number) {
  const fields = LATEST[PERIOD_FIELD[board.period]]
  const sortBy = board.metric === 'points' ? fields.p : fields.s
  return { where: { [fields.key]: board.key, [sortBy]: _.gt(value) }, sortBy }
}

const totalsIn = (doc: Partial<TotalsDoc> | undefined, period: ScorePeriod, key: string): PeriodTotals => {
  const t = doc?.[PERIOD_FIELD[period]]?.[key]
  return { key, points: t?.p ?? 0, studySeconds: t?.s ?? 0 }
}

/** A member's totals for one period (zeros before their first scored event). */
export async function memberPeriod(db: CloudDatabase, memberId: string, period: ScorePeriod, key: string): Promise<PeriodTotals> {
  const doc = await findDoc<TotalsDoc>(db, SCORE_TOTALS, memberId, [`${PERIOD_FIELD[period]}.${key}`])
  return totalsIn(doc, period, key)
}

/**
 * Many members' totals for one period, by member id: ids are read 1,000 to a query (the quarterly
 * report's side). Members with no scored event are absent.
 */
export async function periodTotalsOf(db: CloudDatabase, memberIds: string[], period: ScorePeriod, key: string): Promise<Map<string, PeriodTotals>> {
  const out = new Map<string, PeriodTotals>()
  const field = `${PERIOD_FIELD[period]}.${key}`
  for (let i = 0; i < memberIds.length; i += 1000) {
    const ids = memberIds.slice(i, i + 1000)
    const { data } = await db
      .collection(SCORE_TOTALS)
      .where({ _id: db.command.in(ids) })
      .field({ _id: true, [field]: true })
      .limit(1000)
      .get()
    for (const doc of data as TotalsDoc[]) out.set(doc._id, totalsIn(doc, period, key))
  }
  return out
}

/** The members of a scope, seen from `member` (a condition on totals or members). */
export function scopeCondition(member: Pick<Member, 'groupId' | 'branchId'>, scope: ScoreScope): Record<string, string> {
  if (scope === 'group') return { groupId: member.groupId }
  return scope === 'branch' ? { branchId: member.branchId } : {}
}

/** The active members' totals in a scope: a deactivated member leaves the boards. */
export const rankedIn = (member: Pick<Member, 'groupId' | 'branchId'>, scope: ScoreScope) => ({ ...scopeCondition(member, scope), active: true })

/** Rank of `value` for the period `key` in a scope: 1 + how many have more (equal values share a rank). */
export async function rankOf(db: CloudDatabase, member: Member, scope: ScoreScope, board: Board, value: number): Promise<number> {
  const { total } = await db
    .collection(SCORE_TOTALS)
    .where({ ...rankedIn(member, scope), ...aboveIn(db.command, board, value).where })
    .count()
  return total + 1
}

/** Active members in a scope: the leaderboard's "of". */
export async function membersInScope(db: CloudDatabase, member: Member, scope: ScoreScope): Promise<number> {
  const { total } = await db
    .collection(MEMBERS)
    .where({ ...scopeCondition(member, scope), status: 'active' } as QueryCondition)
    .count()
  return total
}

type Ranks = Record<ScoreScope, { rank: number; of: number }>

/**
 * The rank of `value` and the active members in the member's group, branch and whole organisation:
 * two aggregates, one over the totals with more and one over the active members, each counting the
 * three scopes at once (six counts would be six reads).
 */
async function ranksInScopes(db: CloudDatabase, member: Member, board: Board, value: number): Promise<Ranks> {
  const _ = db.command
  const $ = _.aggregate
  const inScopes = {
    _id: null,
    group: $.sum($.cond({ if: $.eq(['$groupId', member.groupId]), then: 1, else: 0 })),
    branch: $.sum($.cond({ if: $.eq(['$branchId', member.branchId]), then: 1, else: 0 })),
    org: $.sum(1),
  }
  type Counts = Record<ScoreScope, number>
  const [above, active] = await Promise.all([
    db
      .collection(SCORE_TOTALS)
      .aggregate()
      .match({ ...rankedIn(member, 'org'), ...aboveIn(_, board, value).where })
      .group(inScopes)
      .end<Counts>(),
    db
      .collection(MEMBERS)
      .aggregate()
      .match({ ...scopeCondition(member, 'org'), status: 'active' })
      .group(inScopes)
      .end<Counts>(),
  ])
  const rank = (scope: ScoreScope) => ({ rank: (above.list[0]?.[scope] ?? 0) + 1, of: active.list[0]?.[scope] ?? 0 })
  return { group: rank('group'), branch: rank('branch'), org: rank('org') }
}

/** 我的积分: today, this week, quarter and year, the star standing, and this year's points ranks. */
export async function myScore(db: CloudDatabase, caller: Member, now: Date): Promise<Omit<GetMyScoreOutput, 'subscriptions'>> {
  authorize(caller, 'scores.read', memberTarget(caller))
  const today: DayKey = dayKey(now)
  const keys = { week: weekKey(now), quarter: quarterKey(now), year: yearKey(now) }
  const [doc, versions] = await Promise.all([
    findDoc<TotalsDoc>(db, SCORE_TOTALS, caller._id, [`d.${today}.p`, `w.${keys.week}`, `q.${keys.quarter}`, `y.${keys.year}`]),
    versionsForDay(db, today),
  ])
  const rules = rulesOn(versions, today)
  const year = doc?.y?.[keys.year]
  const points = year?.p ?? 0
  const ranks = await ranksInScopes(db, caller, { period: 'year', key: keys.year, metric: 'points' }, points)
  return {
    today,
    todayPoints: doc?.d?.[today]?.p ?? 0,
    week: totalsIn(doc, 'week', keys.week),
    quarter: totalsIn(doc, 'quarter', keys.quarter),
    year: totalsIn(doc, 'year', keys.year),
    weeklyTargetPoints: rules.weeklyTargetPoints,
    standing: standing(rules, Number(keys.year), today, { studySeconds: year?.s ?? 0, requiredChapters: year?.rc ?? 0, points }),
    ranks,
  }
}
