import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { Clock, createLocalPlatform } from '../../server/local-platform'
import { MANIFEST } from '../../cloudfunctions/manifest'
import { loadFunctions, type FunctionRegistry } from '../../local-cloud/functions'
import { nextRuns, startScheduler, toCronerPattern } from '../../local-cloud/scheduler'

const FIXTURES = path.resolve(__dirname, '..', 'fixtures')
const FIXTURE_FUNCTIONS = path.join(FIXTURES, 'functions')

const iso = (dates: Date[]) => dates.map((d) => d.toISOString())

describe('WeChat timer cron → croner', () => {
  test('runs far from Shanghai, so the rules below cannot lean on the process zone', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles')
    expect(new Date('2026-11-23T00:00:00Z').getTimezoneOffset()).toBe(480)
  })

  test('drops the trailing * year of the seven WeChat fields', () => {
    expect(toCronerPattern('0 30 7 * * * *')).toBe('0 30 7 * * *')
    expect(toCronerPattern(' 0  0 8 * * MON * ')).toBe('0 0 8 * * MON')
    expect(toCronerPattern('0 */15 9-17 * JAN-MAR 1,3,5 *')).toBe('0 */15 9-17 * JAN-MAR 1,3,5')
  })

  test.each([
    ['0 30 7 * * *', /7 个字段/],
    ['30 7 * * *', /7 个字段/],
    ['0 0 8 * * MON * *', /7 个字段/],
    ['', /7 个字段/],
    ['0 0 8 1 1 * 2027', /年份/],
    ['0 0 8 ? * MON *', /日字段/],
    ['0 0 8 L * * *', /日字段/],
    ['0 0 8 15W * * *', /日字段/],
    ['0 0 8 * * MON#2 *', /星期字段/],
    ['0 0 8 * * 5L *', /星期字段/],
    ['0 0 25 * * * *', /无效的 cron 表达式/],
    ['0 61 8 * * * *', /无效的 cron 表达式/],
  ])('rejects %j', (expression, message) => {
    expect(() => toCronerPattern(expression)).toThrow(message)
  })
})

describe('next runs on Beijing time, whatever the process zone', () => {
  test('weekly on Monday 08:00: one second before is the same instant', () => {
    // 2026-11-22T23:59:59Z is Monday 07:59:59 in Shanghai (and still Sunday in Los Angeles).
    expect(iso(nextRuns('0 0 8 * * MON *', new Date('2026-11-22T23:59:59Z')))).toEqual(['2026-11-23T00:00:00.000Z'])
  })

  test('strictly after: a run at the given instant is not repeated', () => {
    expect(iso(nextRuns('0 0 8 * * MON *', new Date('2026-11-23T00:00:00Z'), 2))).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z'])
  })

  test('daily 07:30 stays 23:30Z the day before across the Los Angeles DST change', () => {
    // Los Angeles leaves daylight saving on 2026-11-01; Shanghai has none.
    expect(iso(nextRuns('0 30 7 * * * *', new Date('2026-10-30T00:00:00Z'), 4))).toEqual([
      '2026-10-30T23:30:00.000Z',
      '2026-10-31T23:30:00.000Z',
      '2026-11-01T23:30:00.000Z',
      '2026-11-02T23:30:00.000Z',
    ])
  })

  test('monthly at Shanghai midnight on the 1st is 16:00Z the day before', () => {
    expect(iso(nextRuns('0 0 0 1 * * *', new Date('2026-11-15T00:00:00Z'), 2))).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'])
  })

  test('weekday 0 is Sunday; day and weekday together mean either', () => {
    expect(iso(nextRuns('0 0 20 * * 0 *', new Date('2026-11-23T00:00:00Z')))).toEqual(['2026-11-29T12:00:00.000Z'])
    // The 1st (a Tuesday in December 2026) or any Friday.
    expect(iso(nextRuns('0 0 9 1 * FRI *', new Date('2026-11-27T02:00:00Z'), 2))).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-04T01:00:00.000Z'])
  })
})

describe('function registry', () => {
  test('discovers index.ts with its config.json timer', () => {
    const registry = loadFunctions(FIXTURE_FUNCTIONS)
    expect([...registry.keys()]).toEqual(['boom', 'dailyTick', 'whoami'])
    expect(registry.get('dailyTick')?.timer).toEqual({ name: 'daily', cron: '0 30 7 * * * *' })
    expect(registry.get('whoami')?.timer).toBeUndefined()
    expect(typeof registry.get('whoami')?.main).toBe('function')
  })

  test('refuses an unsupported timer with the config file named', () => {
    expect(() => loadFunctions(path.join(FIXTURES, 'bad-functions'))).toThrow(/yearly[\\/]config\.json.*年份/)
  })

  test('the project functions load: the manifest’s domain routers and timers, each timer with its trigger', () => {
    const registry = loadFunctions(path.resolve(__dirname, '..', '..', 'cloudfunctions'))
    expect([...registry.keys()].sort()).toEqual(Object.keys(MANIFEST).sort())
    for (const [name, spec] of Object.entries(MANIFEST)) expect([name, registry.get(name)?.timer?.cron]).toEqual([name, spec.trigger?.cron])
  })
})

describe('scheduler on real time', () => {
  const noDb = {} as CloudDatabase

  function everySecond(calls: { event: unknown; caller: string | undefined }[]): FunctionRegistry {
    const probe = createLocalPlatform(noDb, new Clock())
    return new Map([
      [
        'tick',
        {
          name: 'tick',
          dir: '/nowhere',
          timer: { name: 'often', cron: '* * * * * * *' },
          main: async (event: unknown) => {
            calls.push({ event, caller: probe.callerOpenId() })
            return { ok: true, data: null }
          },
        },
      ],
    ])
  }

  async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
    const until = Date.now() + ms
    while (Date.now() < until) {
      if (check()) return true
      await new Promise((r) => setTimeout(r, 50))
    }
    return check()
  }

  test('fires a due timer with a Timer event and no caller, and logs the run', async () => {
    const calls: { event: unknown; caller: string | undefined }[] = []
    const logs: string[] = []
    const scheduler = startScheduler(everySecond(calls), new Clock(), (line) => logs.push(line))
    try {
      expect(await waitFor(() => calls.length > 0, 3000)).toBe(true)
    } finally {
      scheduler.stop()
    }
    const { event, caller } = calls[0]
    expect(caller).toBeUndefined()
    expect(event).toEqual({ Type: 'Timer', TriggerName: 'often', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) })
    expect(logs.some((l) => l.includes('tick') && l.includes('运行完成'))).toBe(true)
  })

  test('skips real-time runs while the clock is fixed', async () => {
    const calls: { event: unknown; caller: string | undefined }[] = []
    const clock = new Clock()
    clock.fix(new Date('2026-11-23T00:00:00Z'))
    const logs: string[] = []
    const scheduler = startScheduler(everySecond(calls), clock, (line) => logs.push(line))
    try {
      await waitFor(() => logs.some((l) => l.includes('跳过')), 3000)
    } finally {
      scheduler.stop()
    }
    expect(logs.some((l) => l.includes('跳过'))).toBe(true)
    expect(calls).toHaveLength(0)
  })
})
