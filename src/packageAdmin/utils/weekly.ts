import type { WeeklyList, WeeklyStatus } from '../../../types'
import { beijingWall } from '../../utils/dates'
import { ROUTES, withQuery } from '../../utils/routes'

export const WEEKLY_STATUS_NAMES: Record<WeeklyStatus, string> = { draft: '草稿', scheduled: '已定稿', published: '已发布' }
export const WEEKLY_STATUS_TAGS: Record<WeeklyStatus, string> = { draft: '', scheduled: 'tag--blue', published: 'tag--green' }

/** A published list opens on its completion; the others in the editor. */
export const weeklyListUrl = (list: Pick<WeeklyList, '_id' | 'status'>) =>
  list.status === 'published' ? withQuery(ROUTES.weeklyProgress, { listId: list._id }) : withQuery(ROUTES.adminWeeklyEdit, { id: list._id })

const DAY_MS = 24 * 3600_000

/** The Mondays of this Beijing week and the `count - 1` after it, `YYYY-MM-DD`. */
export function comingMondays(now: Date, count: number): string[] {
  const wall = beijingWall(now)
  const monday = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()) - ((wall.getUTCDay() + 6) % 7) * DAY_MS
  return Array.from({ length: count }, (_, i) => new Date(monday + i * 7 * DAY_MS).toISOString().slice(0, 10))
}
