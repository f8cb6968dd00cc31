import { defineTimer } from '../../server/function'
import { runDailyPush } from '../../server/push/daily-push'

/** 每日推送 at 07:30 Shanghai (timer trigger only): 今日学习, the 公众号 edition, reminders. */
export const dailyPush = defineTimer('dailyPush', (ctx) => runDailyPush(ctx), { uses: ['messenger', 'officialAccount'] })
export const { main, uses } = dailyPush
