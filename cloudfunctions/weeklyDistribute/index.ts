import { defineTimer } from '../../server/function'
import { runWeeklyDistribution } from '../../server/weekly/distribute'

/**
 * 每周一学 goes out on Monday 08:00 Beijing time (timer trigger only). The trigger fires every ten
 * minutes until 10:00: a run stopped by the function's time limit is resumed by the next, and once
 * everything is out a run costs one query. Never twice to anyone.
 */
export const weeklyDistribute = defineTimer('weeklyDistribute', (ctx) => runWeeklyDistribution(ctx), { uses: ['messenger'] })
export const { main, uses } = weeklyDistribute
