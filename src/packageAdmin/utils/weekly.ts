import type { WeeklyList, WeeklyStatus } from '../../../types'
import { addDays, weekKey } from '../../../types/calendar'
import { ROUTES, withQuery } from '../../utils/routes'

export const WEEKLY_STATUS_NAMES: Record<WeeklyStatus, string> = { draft: '草稿', scheduled: '已定稿', published: '已发布' }
export const WEEKLY_STATUS_TAGS: Record<WeeklyStatus, string> = { draft: '', scheduled: 'tag--blue', published: 'tag--green' }

/** A published list opens on its completion; the others in the editor. */
export const weeklyListUrl = (list: Pick<WeeklyList, '_id' | 'status'>) =>
  list.status === 'published' ? withQuery(ROUTES.weeklyProgress, { listId: list._id }) : withQuery(ROUTES.adminWeeklyEdit, { id: list._id })

/** The Mondays of this Beijing week and the `count - 1` after it, `YYYY-MM-DD`. */
export const comingMondays = (now: Date, count: number): string[] => Array.from({ length: count }, (_, i) => addDays(weekKey(now), i * 7))
