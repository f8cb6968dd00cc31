import type { ScoreMetric, StarStanding } from '../../types'
import { wholeMinutes } from '../../types/reading'

/** 0 stars is 无星; otherwise as many ★. */
export const starsText = (stars: number) => (stars > 0 ? '★'.repeat(stars) : '无星')

/**
 * Credited study time: under an hour in whole minutes (45 分钟), else hours with one decimal
 * (12.5 小时), both rounded down; 分 alone always means points.
 */
export const hoursText = (seconds: number) => (seconds < 3600 ? `${wholeMinutes(seconds)} 分钟` : `${Math.floor(seconds / 360) / 10} 小时`)

/** A leaderboard value: points, or study time as hours. */
export const metricText = (metric: ScoreMetric, value: number) => (metric === 'points' ? `${value} 分` : hoursText(value))

/** 现在 ★★★，照此进度年底 ★★★★ */
export const projectionText = (s: StarStanding) => `现在 ${starsText(s.stars)}，照此进度年底 ${starsText(s.projectedStars)}`

/** What the next star still takes, each named: 还需学时 12 小时、必读 3 章、积分 40 分; null at five stars. */
export function nextStarText(s: StarStanding): string | null {
  if (!s.next) return null
  const parts = [
    s.next.hours > 0 ? `学时 ${s.next.hours} 小时` : '',
    s.next.requiredChapters > 0 ? `必读 ${s.next.requiredChapters} 章` : '',
    s.next.points > 0 ? `积分 ${s.next.points} 分` : '',
  ].filter(Boolean)
  return `距 ${starsText(s.next.stars)} 还需${parts.join('、')}`
}
