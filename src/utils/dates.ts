const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

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

/** The Beijing day of an instant as 2026年12月7日. */
export function beijingDate(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** An instant in Beijing time as 12月7日 08:05. */
export function beijingMinute(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  if (Number.isNaN(d.getTime())) return iso
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
