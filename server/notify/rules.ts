import { addDays, dayKey, shanghaiHour, startOfDay } from '../../types/calendar'

/** No message between 22:00 and 07:00 Shanghai time: such a send waits until 07:00 (`quietUntil`). */
export const QUIET_FROM_HOUR = 22
export const QUIET_UNTIL_HOUR = 7

/** At most this many subscribe messages reach one member per Shanghai day. */
export const DAILY_CAP = 3

export function isQuietHour(instant: Date): boolean {
  const hour = shanghaiHour(instant)
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR
}

/** The end of the quiet hours `instant` falls in: 07:00 Shanghai of that morning or the next. */
export function quietUntil(instant: Date): Date {
  const day = shanghaiHour(instant) >= QUIET_FROM_HOUR ? addDays(dayKey(instant), 1) : dayKey(instant)
  return new Date(startOfDay(day).getTime() + QUIET_UNTIL_HOUR * 3600_000)
}
