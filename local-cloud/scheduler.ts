import { Cron } from 'croner'
import type { Clock } from '../server/local-platform'
import { runAsCaller } from '../server/local-platform'
import type { FunctionRegistry, LoadedFunction } from './functions'

/** WeChat cloud runs timer triggers on Beijing time. */
export const TIMER_TIMEZONE = 'Asia/Shanghai'

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']

const FIELD_NAMES = ['秒', '分钟', '小时', '日', '月', '星期', '年'] as const

/** The characters WeChat's timer cron accepts: numbers, `*`, `,`, `-`, `/` (and names for month and weekday). */
function fieldPattern(names: string[] = []): RegExp {
  const words = names.length ? `|${names.join('|')}` : ''
  return new RegExp(`^(?:[0-9*,\\-/]${words})+$`, 'i')
}

const FIELD_PATTERNS = [fieldPattern(), fieldPattern(), fieldPattern(), fieldPattern(), fieldPattern(MONTHS), fieldPattern(WEEKDAYS)]

/**
 * Turns a WeChat timer cron (seven fields: second minute hour day month weekday year) into a
 * six-field croner pattern. Only a `*` year is supported; `?`, `L`, `W`, `#` and other forms
 * WeChat does not accept are rejected.
 */
export function toCronerPattern(expression: string): string {
  const fields = expression.trim().split(/\s+/)
  if (fields.length !== 7 || fields[0] === '') {
    throw new Error(`定时触发器的 cron 表达式应有 7 个字段（秒 分钟 小时 日 月 星期 年），实际为 ${fields[0] === '' ? 0 : fields.length} 个: "${expression}"`)
  }
  const year = fields[6]
  if (year !== '*') {
    throw new Error(`本地云不支持指定年份的 cron 表达式（年字段须为 *）: "${expression}"`)
  }
  fields.slice(0, 6).forEach((field, i) => {
    if (!FIELD_PATTERNS[i].test(field)) {
      throw new Error(`cron 表达式的${FIELD_NAMES[i]}字段 "${field}" 含有不支持的写法: "${expression}"`)
    }
  })
  const pattern = fields.slice(0, 6).join(' ')
  try {
    new Cron(pattern, { timezone: TIMER_TIMEZONE, paused: true }).stop()
  } catch (err) {
    throw new Error(`无效的 cron 表达式 "${expression}": ${(err as Error).message}`, { cause: err })
  }
  return pattern
}

/** The next `count` instants a WeChat timer cron fires strictly after `after`, on Beijing time. */
export function nextRuns(expression: string, after: Date, count = 1): Date[] {
  const job = new Cron(toCronerPattern(expression), { timezone: TIMER_TIMEZONE, paused: true })
  try {
    return job.nextRuns(count, after)
  } finally {
    job.stop()
  }
}

/** The event WeChat cloud passes to a function run by its timer trigger. */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

export type Log = (line: string) => void

/** Runs a timer function once, as WeChat does: no user, a `Timer` event. */
export async function runTimer(fn: LoadedFunction, at: Date, log: Log): Promise<unknown> {
  if (!fn.timer) throw new Error(`云函数 ${fn.name} 没有定时触发器`)
  const event: TimerEvent = { Type: 'Timer', TriggerName: fn.timer.name, Time: at.toISOString() }
  log(`[定时] ${fn.name}（${fn.timer.name}）开始运行，触发时间 ${event.Time}`)
  const started = Date.now()
  try {
    const result = await runAsCaller(undefined, () => Promise.resolve(fn.main(event)))
    log(`[定时] ${fn.name} 运行完成（${Date.now() - started} ms）: ${summarise(result)}`)
    return result
  } catch (err) {
    log(`[定时] ${fn.name} 运行失败（${Date.now() - started} ms）: ${(err as Error)?.stack ?? String(err)}`)
    throw err
  }
}

function summarise(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? 'undefined'
  } catch {
    text = String(value)
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text
}

export interface Scheduler {
  /** Function name → next run, for the functions that have a timer. */
  jobs(): { name: string; trigger: string; cron: string; nextRun: Date | null }[]
  stop(): void
}

/**
 * Schedules every timer function on real time. While the clock is fixed the runs are skipped:
 * tests and demos drive timers explicitly with `fire`.
 */
export function startScheduler(functions: FunctionRegistry, clock: Clock, log: Log): Scheduler {
  const jobs: { fn: LoadedFunction; cron: Cron }[] = []
  for (const fn of functions.values()) {
    if (!fn.timer) continue
    const pattern = toCronerPattern(fn.timer.cron)
    const cron = new Cron(pattern, { timezone: TIMER_TIMEZONE, protect: true, unref: true }, async () => {
      if (clock.isFixed()) {
        log(`[定时] 时钟已固定在 ${clock.now().toISOString()}，跳过 ${fn.name} 的实时触发`)
        return
      }
      try {
        await runTimer(fn, clock.now(), log)
      } catch {
        // Already logged; a failing run must not stop the schedule.
      }
    })
    jobs.push({ fn, cron })
    log(`[定时] 已安排 ${fn.name}（${fn.timer.cron}，北京时间），下次运行 ${cron.nextRun()?.toISOString() ?? '无'}`)
  }
  return {
    jobs: () =>
      jobs.map(({ fn, cron }) => ({
        name: fn.name,
        trigger: fn.timer!.name,
        cron: fn.timer!.cron,
        nextRun: cron.nextRun(),
      })),
    stop() {
      for (const { cron } of jobs) cron.stop()
      jobs.length = 0
    },
  }
}
