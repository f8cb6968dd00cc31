import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * The calendar of the app: days, weeks (Monday first), months, quarters and years of Asia/Shanghai,
 * whatever the zone of the server or the phone. One module for both sides, so a week rule changes
 * in one place.
 *
 * China has kept UTC+8 without daylight saving since 1991, so every instant the app records maps to
 * Shanghai wall-clock time by a fixed offset. dayjs's `utcOffset` does that without the Intl time
 * zone data the timezone plugin needs, which WeChat's JavaScript engines do not all carry.
 */
const SHANGHAI_MINUTES = 8 * 60
const DAY_MS = 86_400_000

/** `YYYY-MM-DD`, a Shanghai calendar day; `YYYY-MM` a month; `YYYY-Qn` a quarter. */
type DayKey = string
type MonthKey = string
type QuarterKey = string

/** An instant as Shanghai wall-clock time. */
export const shanghai = (instant: Date | number | string): Dayjs => dayjs(instant).utcOffset(SHANGHAI_MINUTES)

/** A day key read as the midnight that starts it, on a clock whose fields are its wall-clock ones. */
const wall = (day: DayKey): Dayjs => dayjs.utc(day)

export const dayKey = (instant: Date | number): DayKey => shanghai(instant).format('YYYY-MM-DD')
export const monthKey = (instant: Date | number): MonthKey => shanghai(instant).format('YYYY-MM')
export const yearKey = (instant: Date | number): string => shanghai(instant).format('YYYY')

/** The Shanghai wall-clock hour, 0..23. */
export const shanghaiHour = (instant: Date | number): number => shanghai(instant).hour()

/** `YYYY-Qn`. */
export function quarterKey(instant: Date | number): QuarterKey {
  const t = shanghai(instant)
  return `${t.year()}-Q${Math.floor(t.month() / 3) + 1}`
}

export const addDays = (day: DayKey, days: number): DayKey => wall(day).add(days, 'day').format('YYYY-MM-DD')

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (day: DayKey): number => (wall(day).day() + 6) % 7

/** The Monday that starts the Shanghai week containing the instant; weeks are keyed by it. */
export function weekKey(instant: Date | number): DayKey {
  const day = dayKey(instant)
  return addDays(day, -weekdayOf(day))
}

/** The instant a Shanghai day begins. */
export const startOfDay = (day: DayKey): Date => new Date(wall(day).valueOf() - SHANGHAI_MINUTES * 60_000)

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: DayKey, to: DayKey): number => Math.round((wall(to).valueOf() - wall(from).valueOf()) / DAY_MS)

/** A real calendar day written `YYYY-MM-DD` (no 2026-02-30, no 2026-13-01), in the years the app can mean. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const year = Number(text.slice(0, 4))
  return year >= 2000 && year <= 2100 && wall(text).isValid() && wall(text).format('YYYY-MM-DD') === text
}

export interface MonthLayout {
  month: MonthKey
  firstDay: DayKey
  lastDay: DayKey
  daysInMonth: number
  /** Weekday of the first day, 0 = Monday. */
  firstWeekday: number
}

export function monthLayout(month: MonthKey): MonthLayout {
  const first = dayjs.utc(`${month}-01`)
  const daysInMonth = first.daysInMonth()
  const firstDay = first.format('YYYY-MM-DD')
  return { month, firstDay, lastDay: first.date(daysInMonth).format('YYYY-MM-DD'), daysInMonth, firstWeekday: weekdayOf(firstDay) }
}

/** The month before (`-1`) or after (`1`) one. */
export const addMonths = (month: MonthKey, months: number): MonthKey => dayjs.utc(`${month}-01`).add(months, 'month').format('YYYY-MM')

/**
 * Quarters: which days and weeks belong to one. A week belongs to the quarter its Monday falls in,
 * so every week counts in exactly one quarter.
 */
export function quarterDays(quarter: QuarterKey): { firstDay: DayKey; lastDay: DayKey } {
  const first = dayjs.utc(`${quarter.slice(0, 4)}-01-01`).add((Number(quarter.slice(-1)) - 1) * 3, 'month')
  return { firstDay: first.format('YYYY-MM-DD'), lastDay: first.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD') }
}

export function previousQuarter(quarter: QuarterKey): QuarterKey {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))]
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
}

/** The quarter a day belongs to. */
export const quarterOfDay = (day: DayKey): QuarterKey => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`

/** The Mondays in the quarter: its weeks. */
export function quarterWeeks(quarter: QuarterKey): DayKey[] {
  const { firstDay, lastDay } = quarterDays(quarter)
  const weeks: DayKey[] = []
  for (let day = addDays(firstDay, (7 - weekdayOf(firstDay)) % 7); day <= lastDay; day = addDays(day, 7)) weeks.push(day)
  return weeks
}

/** The instant the quarter ends (the next quarter's first midnight). */
export const quarterEnd = (quarter: QuarterKey): Date => startOfDay(addDays(quarterDays(quarter).lastDay, 1))

/** The Sunday ending the week that starts on Monday `week`. */
export const weekSunday = (week: DayKey): DayKey => addDays(week, 6)

// ------------------------------------------------------------------ how dates read

const NUMBERS = ['一', '二', '三', '四']

/** `2026-12-07` as 2026年12月7日. */
export const chineseDay = (day: DayKey): string => wall(day).format('YYYY年M月D日')

/** `2026-12-07` as 12月7日. */
export const monthDay = (day: DayKey): string => wall(day).format('M月D日')

/** 11月23日—11月29日. */
export const weekRange = (week: DayKey): string => `${monthDay(week)}—${monthDay(weekSunday(week))}`

/** `2026-Q4` as 2026年第四季度. */
export const quarterName = (quarter: QuarterKey): string => `${quarter.slice(0, 4)}年第${NUMBERS[Number(quarter.slice(-1)) - 1]}季度`

/** `2026-11` as 2026年11月. */
export const monthName = (month: MonthKey): string => dayjs.utc(`${month}-01`).format('YYYY年M月')

const readable = (at: string | number | Date) => {
  const t = shanghai(at)
  return t.isValid() ? t : undefined
}

/** The Beijing day of an instant as 2026年12月7日 (an unreadable value as it is). */
export const beijingDate = (at: string | number | Date): string => readable(at)?.format('YYYY年M月D日') ?? String(at)

/** An instant in Beijing time as 12月7日 08:05. */
export const beijingMinute = (at: string | number | Date): string => readable(at)?.format('M月D日 HH:mm') ?? String(at)

/** An instant in Beijing time with its year: 2026年11月23日 19:49. */
export const beijingTime = (at: string | number | Date): string => readable(at)?.format('YYYY年M月D日 HH:mm') ?? String(at)

/** An instant's Beijing time of day: 08:05. */
export const beijingClock = (at: string | number | Date): string => readable(at)?.format('HH:mm') ?? String(at)

/**
 * How long ago, as people say it: 刚刚, 3 分钟前, 2 小时前, 昨天 08:05, then the date (with its year
 * when not this year's).
 */
export function relativeTime(at: string | number | Date, now: Date | number): string {
  const t = readable(at)
  if (!t) return String(at)
  const seconds = Math.floor((shanghai(now).valueOf() - t.valueOf()) / 1000)
  if (seconds < 60) return '刚刚'
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`
  const today = dayKey(new Date(now))
  const day = t.format('YYYY-MM-DD')
  if (day === today) return `${Math.floor(seconds / 3600)} 小时前`
  if (day === addDays(today, -1)) return `昨天 ${t.format('HH:mm')}`
  return day.slice(0, 4) === today.slice(0, 4) ? t.format('M月D日 HH:mm') : t.format('YYYY年M月D日')
}
