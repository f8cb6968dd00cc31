import { defineTimer } from '../../server/function'
import { runWeeklyReminder } from '../../server/weekly/remind'

/** Sunday 18:00 Beijing time (again every ten minutes until 20:00, to resume a stopped run): one gentle reminder to members with required 每周一学 items left. */
export const weeklyRemind = defineTimer('weeklyRemind', (ctx) => runWeeklyReminder(ctx), { uses: ['messenger'] })
export const { main, uses } = weeklyRemind
