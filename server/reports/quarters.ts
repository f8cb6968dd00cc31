import { addDays, daysBetween, quarterDays } from '../../types/calendar'

/** The quarter's reminder day: two weeks before it ends. */
export const reminderDay = (quarter: string): string => addDays(quarterDays(quarter).lastDay, -13)

/** Whole days from `day` to the quarter's end, `day` included. */
export const daysLeft = (quarter: string, day: string): number => daysBetween(day, quarterDays(quarter).lastDay) + 1
