import { wholeMinutes } from '../../types/reading'

/**
 * Credited study time as members see it on every page: whole minutes, rounded down, exactly as the
 * server counts「+N 分钟」and the weekly target (the rules page says so).
 */
export const minutesText = (seconds: number) => `${wholeMinutes(seconds)} 分钟`

/** `part` of `whole` as a CSS width or height, 0%..100% (0% when `whole` is 0). */
export const percentOf = (part: number, whole: number) => `${whole > 0 ? Math.min(100, (part / whole) * 100) : 0}%`
