import { shanghaiHour } from '../../types/calendar'

/** No message between 22:00 and 07:00 Shanghai time: such a send is skipped and recorded, never deferred. */
export const QUIET_FROM_HOUR = 22
export const QUIET_UNTIL_HOUR = 7

/** At most this many subscribe messages reach one member per Shanghai day. */
export const DAILY_CAP = 3

export function isQuietHour(instant: Date): boolean {
  const hour = shanghaiHour(instant)
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR
}
