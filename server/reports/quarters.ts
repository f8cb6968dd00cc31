import type { DayKey } from '../../types'
import { addDays, startOfDay, weekdayOf } from '../calendar'

/**
 * Quarters of the Shanghai calendar, `YYYY-Qn`: which days and which weeks belong to one. A week
 * belongs to the quarter its Monday falls in, so every week counts in exactly one quarter.
 */

export function quarterDays(quarter: string): { firstDay: DayKey; lastDay: DayKey } {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))]
  const month = (q - 1) * 3 + 1
  const firstDay = `${year}-${String(month).padStart(2, '0')}-01`
  const next = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`
  return { firstDay, lastDay: addDays(next, -1) }
}

export function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))]
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
}

/** The Mondays in the quarter: its weeks. */
export function quarterWeeks(quarter: string): DayKey[] {
  const { firstDay, lastDay } = quarterDays(quarter)
  const weeks: DayKey[] = []
  for (let day = addDays(firstDay, (7 - weekdayOf(firstDay)) % 7); day <= lastDay; day = addDays(day, 7)) weeks.push(day)
  return weeks
}

/** The instant the quarter ends (the next quarter's first midnight). */
export const quarterEnd = (quarter: string): Date => startOfDay(addDays(quarterDays(quarter).lastDay, 1))

/** Two weeks before the quarter ends: the day of the reminder. */
export const reminderDay = (quarter: string): DayKey => addDays(quarterDays(quarter).lastDay, -13)

/** Whole days from `day` to the quarter's end, `day` included. */
export const daysLeft = (quarter: string, day: DayKey): number =>
  Math.round((startOfDay(addDays(quarterDays(quarter).lastDay, 1)).getTime() - startOfDay(day).getTime()) / 86_400_000)
