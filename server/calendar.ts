import type { DayKey, MonthKey } from '../types'

/**
 * Calendar periods in Asia/Shanghai, whatever the server's time zone. China has kept UTC+8 without
 * daylight saving since 1991, so a fixed offset is exact for every date this app records.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The instant shifted so that its UTC fields read as Shanghai wall-clock fields. */
const shanghai = (instant: Date) => new Date(instant.getTime() + OFFSET_MS)

const keyOf = (wall: Date): DayKey =>
  `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`

/** Midnight of a Shanghai day, as wall-clock fields in UTC. */
const wallOf = (day: DayKey) => new Date(`${day}T00:00:00Z`)

export function dayKey(instant: Date): DayKey {
  return keyOf(shanghai(instant))
}

/** The Shanghai wall-clock hour, 0..23. */
export function shanghaiHour(instant: Date): number {
  return shanghai(instant).getUTCHours()
}

export function monthKey(instant: Date): MonthKey {
  return dayKey(instant).slice(0, 7)
}

export function yearKey(instant: Date): string {
  return dayKey(instant).slice(0, 4)
}

/** `YYYY-Qn`. */
export function quarterKey(instant: Date): string {
  const wall = shanghai(instant)
  return `${wall.getUTCFullYear()}-Q${Math.floor(wall.getUTCMonth() / 3) + 1}`
}

export function addDays(day: DayKey, days: number): DayKey {
  return keyOf(new Date(wallOf(day).getTime() + days * DAY_MS))
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: DayKey): number {
  return (wallOf(day).getUTCDay() + 6) % 7
}

/** The Monday that starts the Shanghai week containing the instant; weeks are keyed by it. */
export function weekKey(instant: Date): DayKey {
  const day = dayKey(instant)
  return addDays(day, -weekdayOf(day))
}

/** The instant a Shanghai day begins. */
export function startOfDay(day: DayKey): Date {
  return new Date(wallOf(day).getTime() - OFFSET_MS)
}

export interface MonthLayout {
  month: MonthKey
  firstDay: DayKey
  lastDay: DayKey
  daysInMonth: number
  firstWeekday: number
}

export function monthLayout(month: MonthKey): MonthLayout {
  const [year, m] = month.split('-').map(Number)
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate()
  const firstDay = `${month}-01`
  return {
    month,
    firstDay,
    lastDay: `${month}-${pad(daysInMonth)}`,
    daysInMonth,
    firstWeekday: weekdayOf(firstDay),
  }
}
