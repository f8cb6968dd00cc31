import type { Domain } from '../types'

/**
 * Every deployable function: the nine domain routers and the seven timer jobs. Each folder's
 * config.json and package.json are generated from this list and the ports its code declares
 * (`npm run gen:functions`); tests/functions/manifest.test.ts fails when they drift.
 *
 * The timers stay separate functions rather than one `jobs` function on a ten-minute tick: each
 * fires only when it has work (about 80 calls a month, against 4,320 for the tick), keeps its own
 * timeout, and 16 of the environment's 50 functions leaves room to grow. 听全文's recording rides on
 * `content`'s trigger: it is that domain's own work, and needs no folder of its own.
 */
export interface FunctionSpec {
  /** Seconds WeChat lets one run last (1–60); its default of 3 is too short for a cold start with database work. */
  timeout: number
  /** MB, when the default 256 is not enough. */
  memorySize?: 512 | 1024
  /** WeChat allows one timer trigger per function; cron has seven fields on Beijing time. */
  trigger?: { name: string; cron: string }
}

export type TimerName = 'dailyPush' | 'freezeRatings' | 'quarterRemind' | 'quarterReport' | 'reconcileScores' | 'weeklyDistribute' | 'weeklyRemind'

export const MANIFEST: Record<Domain | TimerName, FunctionSpec> = {
  member: { timeout: 10 },
  /** Scheduling a meeting tells the unit's members who asked for it. */
  org: { timeout: 20 },
  study: { timeout: 10 },
  group: { timeout: 20 },
  score: { timeout: 10 },
  /** Scheduling a list whose Monday has passed publishes it at once. */
  weekly: { timeout: 60 },
  /** The .xlsx export is built in memory. */
  report: { timeout: 30, memorySize: 512 },
  /**
   * Its trigger records speech for the texts written since (听全文) on the hour and half hour,
   * 06:00–22:30: a text published or changed is read aloud within half an hour (34 runs a day,
   * about 1,000 calls a month; one that finds nothing costs two reads).
   */
  content: { timeout: 60, trigger: { name: 'speech', cron: '0 0,30 6-22 * * * *' } },
  /** Publishing an exam tells the members who asked for it. */
  quiz: { timeout: 20 },
  /**
   * 07:30 every day, and again at 07:40 and 07:50: everything is keyed by the day, so a later run
   * repeats nothing and finishes what one cut short left (messages claimed and not sent, past their lease).
   */
  dailyPush: { timeout: 60, trigger: { name: 'daily', cron: '0 30,40,50 7 * * * *' } },
  /** 04:00 on 1 January, after the night's reconciliation. */
  freezeRatings: { timeout: 60, trigger: { name: 'newYear', cron: '0 0 4 1 1 * *' } },
  quarterRemind: { timeout: 60, trigger: { name: 'daily', cron: '0 0 9 * * * *' } },
  /** Every ten minutes on a quarter's first day, until the report is complete. */
  quarterReport: { timeout: 60, memorySize: 512, trigger: { name: 'quarterly', cron: '0 */10 * 1 1,4,7,10 * *' } },
  reconcileScores: { timeout: 60, memorySize: 512, trigger: { name: 'nightly', cron: '0 30 2 * * * *' } },
  /** Monday 08:00–09:50, every ten minutes: a run stopped by the time limit is resumed by the next. */
  weeklyDistribute: { timeout: 60, trigger: { name: 'weekly', cron: '0 */10 8-9 * * MON *' } },
  weeklyRemind: { timeout: 60, trigger: { name: 'sunday', cron: '0 */10 18-19 * * SUN *' } },
}
