import {
  SCORE_KIND_NAMES,
  type DayKey,
  type KindRule,
  type ScoreKind,
  type ScoreRuleNumbers,
  type ScoreRules,
  type StarStanding,
  type StarThreshold,
} from '../../types'

/**
 * The scoring rules, pure. One configuration in versions: each version is in force from its
 * effective Shanghai day until the next one's, and an event is scored under the version of its
 * day, so history keeps the rules it was scored under whatever is saved later.
 */

/** The version in force when the organisation saved none. */
export const DEFAULT_RULES: ScoreRules = {
  effectiveFrom: '2000-01-01',
  kinds: {
    checkin: { points: 2, per: 1, dailyCap: 2 },
    studyTime: { points: 1, per: 600, dailyCap: 12 },
    chapterDone: { points: 3, per: 1, dailyCap: 9 },
    bookDone: { points: 10, per: 1, dailyCap: 10 },
    weeklyItemDone: { points: 2, per: 1, dailyCap: 6 },
    reply: { points: 1, per: 1, dailyCap: 3 },
    replyFeatured: { points: 3, per: 1, dailyCap: 6 },
    quiz: { points: 1, per: 1, dailyCap: 5 },
    reflection: { points: 5, per: 1, dailyCap: 10 },
    meeting: { points: 3, per: 1, dailyCap: 6 },
  },
  weeklyTargetPoints: 30,
  stars: [
    { hours: 10, requiredChapters: 0, points: 100 },
    { hours: 20, requiredChapters: 5, points: 200 },
    { hours: 40, requiredChapters: 10, points: 400 },
    { hours: 60, requiredChapters: 20, points: 600 },
    { hours: 80, requiredChapters: 30, points: 800 },
  ],
}

/** The version in force on `day`, from versions in any order (the default when none started yet). */
export function rulesOn(versions: readonly ScoreRules[], day: DayKey): ScoreRules {
  let found: ScoreRules = DEFAULT_RULES
  for (const v of versions) if (v.effectiveFrom <= day && v.effectiveFrom >= found.effectiveFrom) found = v
  return found
}

/** A day's points for one kind from the day's whole quantity of it: whole `per`s, capped. */
export const kindPoints = (rule: KindRule, quantity: number) => Math.min(rule.dailyCap, Math.floor(quantity / rule.per) * rule.points)

/** A day's points from its quantities by kind. Order-free, so the ledger always replays to the same number. */
export function dayPoints(rules: ScoreRuleNumbers, quantities: Partial<Record<ScoreKind, number>>): number {
  let sum = 0
  for (const [kind, q] of Object.entries(quantities) as [ScoreKind, number][]) sum += kindPoints(rules.kinds[kind], q)
  return sum
}

/** What a year's rating is measured on. */
export interface YearFigures {
  studySeconds: number
  requiredChapters: number
  points: number
}

const hoursOf = (seconds: number) => seconds / 3600

const meets = (f: YearFigures, t: StarThreshold) => hoursOf(f.studySeconds) >= t.hours && f.requiredChapters >= t.requiredChapters && f.points >= t.points

/** 0..5: the highest threshold met in full (every lower one is met too, thresholds only rise). */
export function starsFor(rules: ScoreRuleNumbers, f: YearFigures): number {
  let stars = 0
  rules.stars.forEach((t, i) => {
    if (meets(f, t)) stars = i + 1
  })
  return stars
}

/** Days of the Shanghai year, and how many of them have begun by `today` (today included). */
function yearProgress(year: number, today: DayKey): { elapsed: number; total: number } {
  const start = Date.UTC(year, 0, 1)
  const total = Math.round((Date.UTC(year + 1, 0, 1) - start) / 86_400_000)
  const elapsed = Math.round((Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000) + 1
  return { elapsed: Math.min(total, Math.max(1, elapsed)), total }
}

/**
 * Where a member stands on `today`: the stars earned, the stars the year ends with if the pace so
 * far holds (each figure scaled by days in the year / days begun), and what the next star takes.
 */
export function standing(rules: ScoreRuleNumbers, year: number, today: DayKey, f: YearFigures): StarStanding {
  const stars = starsFor(rules, f)
  const { elapsed, total } = yearProgress(year, today)
  const pace = total / elapsed
  const projected: YearFigures = {
    studySeconds: f.studySeconds * pace,
    requiredChapters: Math.floor(f.requiredChapters * pace),
    points: Math.floor(f.points * pace),
  }
  const t = rules.stars[stars]
  return {
    year,
    stars,
    projectedStars: Math.max(stars, starsFor(rules, projected)),
    hours: Math.floor(hoursOf(f.studySeconds) * 10) / 10,
    requiredChapters: f.requiredChapters,
    points: f.points,
    next: t
      ? {
          stars: stars + 1,
          hours: Math.max(0, Math.ceil(t.hours - hoursOf(f.studySeconds))),
          requiredChapters: Math.max(0, t.requiredChapters - f.requiredChapters),
          points: Math.max(0, t.points - f.points),
        }
      : null,
  }
}

const star = (n: number) => '★'.repeat(n)

/** The rules as the 积分规则 page says them. */
export function describeScoreRules(rules: ScoreRules): string[] {
  const kindLines = (Object.keys(SCORE_KIND_NAMES) as ScoreKind[]).map((kind) => {
    const r = rules.kinds[kind]
    const each = kind === 'studyTime' ? `每 ${r.per / 60} 分钟得 ${r.points} 分` : kind === 'quiz' ? `每题得 ${r.points} 分` : `每次得 ${r.points} 分`
    return `${SCORE_KIND_NAMES[kind]}：${each}，每天最多 ${r.dailyCap} 分。`
  })
  const starLines = rules.stars.map((t, i) => `${star(i + 1)}：全年学时 ${t.hours} 小时、必读书目 ${t.requiredChapters} 章、积分 ${t.points} 分，三项都达到。`)
  return [
    ...kindLines,
    '同一件事只计一次：重复提交、网络重试都不会重复得分。',
    '发言被本人删除或被组长隐藏后，这条发言及其精选所得的积分收回（记在发言当天，按当天其余发言重新计算上限）。',
    `每周目标：${rules.weeklyTargetPoints} 分。`,
    '星级按自然年（北京时间）评定，0 到 5 星：',
    ...starLines,
    '“照此进度”按今年已过天数推算全年。每年 1 月 1 日零点，上一年的星级定档存档，之后规则调整不影响已定档的结果。',
    `规则调整从生效日起适用，之前的记录仍按当时的规则计分。本规则自 ${rules.effectiveFrom} 起生效。`,
  ]
}
