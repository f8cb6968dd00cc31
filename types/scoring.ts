import { SCORE_KINDS } from './constants'
import * as z from './zod'
import { DayKey } from './domain'
import { Cursor, id, page } from './fields'
import { Subscription } from './content-functions'

/**
 * Scoring (积分、学时、星级): every scoring event is one ledger entry; points follow the versioned
 * rules of the Shanghai day the event happened on. Study time is in whole credited seconds.
 */

/** What scores. A later source is one more kind here and one more rule in the configuration. */
export const ScoreKind = z.enum(SCORE_KINDS)
export type ScoreKind = z.infer<typeof ScoreKind>

/** Points for one kind: `points` for every whole `per` of quantity (1 event, or seconds of study), at most `dailyCap` a day. */
export const KindRule = z.strictObject({
  points: z.number().int().min(0).max(1000),
  per: z.number().int().min(1).max(86_400),
  dailyCap: z.number().int().min(0).max(10_000),
})
export type KindRule = z.infer<typeof KindRule>

/** What one more star takes in a year: all three. */
export const StarThreshold = z.strictObject({
  hours: z.number().min(0).max(10_000),
  /** Chapters completed of the year's required books (必读书目). */
  requiredChapters: z.number().int().min(0).max(10_000),
  points: z.number().int().min(0).max(1_000_000),
})
export type StarThreshold = z.infer<typeof StarThreshold>

/** The numbers of one rules version. */
export const ScoreRuleNumbers = z.strictObject({
  kinds: z.strictObject(Object.fromEntries(ScoreKind.options.map((k) => [k, KindRule])) as Record<ScoreKind, typeof KindRule>),
  weeklyTargetPoints: z.number().int().min(0).max(10_000),
  /** Five thresholds, for ★ to ★★★★★, each at least the one before. */
  stars: z
    .array(StarThreshold)
    .length(5, '星级门槛应为 5 档')
    .refine(
      (s) => s.every((t, i) => i === 0 || (t.hours >= s[i - 1].hours && t.requiredChapters >= s[i - 1].requiredChapters && t.points >= s[i - 1].points)),
      '每一档星级门槛都不能低于前一档',
    ),
})
export type ScoreRuleNumbers = z.infer<typeof ScoreRuleNumbers>

/** A rules version: in force from `effectiveFrom` (a Shanghai day) until the next version's. */
export const ScoreRules = ScoreRuleNumbers.extend({ effectiveFrom: DayKey })
export type ScoreRules = z.infer<typeof ScoreRules>

export const Stars = z.number().int().min(0).max(5)

/** A member's year against the thresholds. */
export const StarStanding = z.object({
  year: z.number().int(),
  stars: Stars,
  /** At this pace by the year's end. */
  projectedStars: Stars,
  hours: z.number().nonnegative(),
  requiredChapters: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  /** What the next star still takes (null at five stars). */
  next: z
    .object({ stars: Stars, hours: z.number().nonnegative(), requiredChapters: z.number().int().nonnegative(), points: z.number().int().nonnegative() })
    .nullable(),
})
export type StarStanding = z.infer<typeof StarStanding>

export const ScorePeriod = z.enum(['week', 'quarter', 'year'])
export type ScorePeriod = z.infer<typeof ScorePeriod>
export const ScoreScope = z.enum(['group', 'branch', 'org'])
export type ScoreScope = z.infer<typeof ScoreScope>
export const ScoreMetric = z.enum(['points', 'hours'])
export type ScoreMetric = z.infer<typeof ScoreMetric>

export const PeriodTotals = z.object({
  key: z.string(),
  points: z.number().int(),
  studySeconds: z.number().int().nonnegative(),
})
export type PeriodTotals = z.infer<typeof PeriodTotals>

/** Where a member stands: rank 1 is the top, equal values share a rank; `of` members in the scope. */
export const Rank = z.object({ rank: z.number().int().positive(), of: z.number().int().nonnegative() })

export const GetMyScoreOutput = z.object({
  today: DayKey,
  todayPoints: z.number().int(),
  week: PeriodTotals,
  quarter: PeriodTotals,
  year: PeriodTotals,
  weeklyTargetPoints: z.number().int(),
  standing: StarStanding,
  /** This year's points rank. */
  ranks: z.object({ group: Rank, branch: Rank, org: Rank }),
  /** 我的's 消息提醒 card, in the same answer: each reminder's messages still allowed. */
  subscriptions: z.array(Subscription),
})
export type GetMyScoreOutput = z.infer<typeof GetMyScoreOutput>

export const GetLeaderboardInput = z.strictObject({
  scope: ScoreScope.default('group'),
  period: ScorePeriod.default('week'),
  metric: ScoreMetric.default('points'),
})
export const LeaderboardRow = z.object({
  memberId: z.string(),
  name: z.string(),
  rank: z.number().int().positive(),
  /** Points, or credited seconds for `hours`. */
  value: z.number().int(),
})
export type LeaderboardRow = z.infer<typeof LeaderboardRow>
export const GetLeaderboardOutput = z.object({
  scope: ScoreScope,
  period: ScorePeriod,
  metric: ScoreMetric,
  periodKey: z.string(),
  top: z.array(LeaderboardRow),
  /** The caller, always, in the list or not. */
  me: LeaderboardRow,
  of: z.number().int().nonnegative(),
})
export type GetLeaderboardOutput = z.infer<typeof GetLeaderboardOutput>

export const GetScoreRulesOutput = z.object({
  current: ScoreRules,
  /** A version saved to start later, if any. */
  upcoming: ScoreRules.nullable(),
  sentences: z.array(z.string()),
})
export type GetScoreRulesOutput = z.infer<typeof GetScoreRulesOutput>

export const SaveScoreRulesInput = ScoreRules

/** A 党小组's or 党支部's year: how many members at each rating and their average. */
export const UnitRating = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.enum(['group', 'branch']),
  members: z.number().int().nonnegative(),
  /** Index = stars (0..5). */
  distribution: z.array(z.number().int().nonnegative()).length(6),
  averageStars: z.number().min(0).max(5),
  /** Frozen at the year's end: later rule changes do not alter it. */
  frozen: z.boolean(),
})
export type UnitRating = z.infer<typeof UnitRating>

export const GetUnitRatingsInput = z.strictObject({
  /** Defaults to the current Shanghai year. */
  year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效').optional(),
  /** A branch to see with its groups; defaults to the caller's own group (leaders) or branch. */
  unitId: id('单位编号').optional(),
})
export const GetUnitRatingsOutput = z.object({ year: z.number().int(), units: z.array(UnitRating) })
export type GetUnitRatingsOutput = z.infer<typeof GetUnitRatingsOutput>

/** 积分明细: today's progress per rule against its daily cap, then the ledger, newest first. */
export const GetMyPointsInput = z.strictObject({ cursor: Cursor.optional() })
export const PointsEntry = z.object({
  _id: z.string(),
  kind: ScoreKind,
  day: DayKey,
  /** 1 for an event, seconds for study time; negative for a reversal (冲销). */
  quantity: z.number().int(),
  at: z.string(),
  reversal: z.boolean(),
})
export type PointsEntry = z.infer<typeof PointsEntry>
export const GetMyPointsOutput = z.object({
  today: DayKey,
  /** Each rule today: what it counted, the points it gave, and its daily cap. */
  kinds: z.array(
    z.object({ kind: ScoreKind, quantity: z.number().int(), points: z.number().int(), cap: z.number().int(), per: z.number().int(), each: z.number().int() }),
  ),
  /** The ledger a page at a time (20), newest first. */
  entries: page(PointsEntry),
  /** The points of each day on this page (the caps applied). */
  dayPoints: z.record(z.string(), z.number().int()),
})

export const scoringContract = {
  getMyScore: { input: z.strictObject({}), output: GetMyScoreOutput },
  getMyPoints: { input: GetMyPointsInput, output: GetMyPointsOutput },
  getLeaderboard: { input: GetLeaderboardInput, output: GetLeaderboardOutput },
  getScoreRules: { input: z.strictObject({}), output: GetScoreRulesOutput },
  saveScoreRules: { input: SaveScoreRulesInput, output: ScoreRules },
  getUnitRatings: { input: GetUnitRatingsInput, output: GetUnitRatingsOutput },
} as const
