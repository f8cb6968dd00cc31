import { defineTimer } from '../../server/function'
import { runQuarterReminder } from '../../server/reports/remind'

/** Daily at 09:00; from two weeks before a quarter ends, reminds those behind once, and their leaders. */
export const quarterRemind = defineTimer('quarterRemind', (ctx) => runQuarterReminder(ctx), { uses: ['messenger'] })
export const { main, uses } = quarterRemind
