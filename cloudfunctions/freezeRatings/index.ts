import { defineTimer } from '../../server/function'
import { freezeYear } from '../../server/scoring/ratings'

/**
 * 年度星级定档 at 04:00 on 1 January Shanghai (timer trigger only), after the night's reconciliation
 * (02:30): the past year's ratings frozen.
 */
export const freezeRatings = defineTimer('freezeRatings', ({ db, now }) => freezeYear(db, now))
export const { main, uses } = freezeRatings
