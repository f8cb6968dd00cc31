const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An instant (a Date, epoch ms or an ISO string) as Beijing wall-clock time, to be read with the
 * `getUTC*` methods; an Invalid Date for an unreadable string.
 */
export function beijingWall(at: Date | number | string): Date {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at)
  return new Date(ms + SHANGHAI_OFFSET_MS)
}

/** `YYYY-MM-DD` as 2026年12月7日. */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** `YYYY-MM-DD` as 12月7日. */
export function monthDay(day: string): string {
  const [, m, d] = day.split('-').map(Number)
  return `${m}月${d}日`
}

/** The Beijing day of an instant, `YYYY-MM-DD` (the server decides; this only guides a choice). */
export function beijingDay(at: Date): string {
  const d = beijingWall(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** The Beijing year of an instant: what 今年 means for ratings, whatever the device's time zone. */
export const beijingYear = (at: Date): number => beijingWall(at).getUTCFullYear()

/** The Beijing day of an instant as 2026年12月7日 (an unreadable ISO string as it is). */
export function beijingDate(at: string | number): string {
  const d = beijingWall(at)
  if (Number.isNaN(d.getTime())) return String(at)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** An instant in Beijing time as 12月7日 08:05. */
export function beijingMinute(iso: string): string {
  const d = beijingWall(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** An instant in Beijing time with its year: 2026年11月23日 19:49. */
export function beijingTime(iso: string): string {
  const d = beijingWall(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${beijingDate(iso)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
