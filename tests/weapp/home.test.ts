/**
 * @jest-environment jsdom
 *
 * The BUILT home page (dist/weapp, from `npm run build:weapp`) in miniprogram-simulate.
 */
import { homeAnswer, record, summary } from '../support/ui-fixtures'
import { eventually, installHost, requireBuiltWeapp, text } from '../support/weapp-host'

requireBuiltWeapp()

const ok = <T>(data: T) => ({ ok: true, data })

const host = installHost(({ name, data }) => {
  switch (name) {
    case 'getHome':
      return ok(
        homeAnswer({
          checkIn: summary({ streak: 2, checkedDays: ['2025-11-18', '2025-11-19'] }),
          subscriptions: [{ templateKey: 'dailyStudy', templateId: 'tmpl-daily', title: '每日学习提醒', available: 0 }],
        }),
      )
    case 'checkIn':
      return ok({ status: 'created', record: record({ reflection: String(data.reflection ?? ''), streak: 3 }), streak: 3 })
    default:
      return { ok: false, code: 'NOT_FOUND', message: `没有这个云函数：${name}` }
  }
})

describe('home page (built weapp)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a miniprogram-simulate component
  let page: any

  beforeAll(() => {
    page = host.open('pages/index/index')
  })

  test('initialises the cloud and loads 首页 with the member in one call', async () => {
    expect(host.cloud.init).toHaveBeenCalledWith({ env: undefined, traceUser: true })
    await eventually(() => expect(text(page)).toContain('连续打卡 2 天'))
    expect(text(page)).toContain('王建国，你好')
    expect(text(page)).toContain('连续打卡 2 天')
    expect(text(page)).toContain('深入学习贯彻党的二十届四中全会精神')
    expect(host.calls.map((c) => c.name)).toEqual(['getHome'])
  })

  test('typing a reflection updates the counter', async () => {
    const input = page.querySelector('.check-in__input')
    expect(input).toBeTruthy()
    input.dispatchEvent('input', { detail: { value: '学习党章', cursor: 4 } })
    await eventually(() => expect(text(page)).toContain('4/500'))
  })

  test('tapping 打卡 calls the checkIn cloud function and shows 今日已打卡', async () => {
    const button = page.querySelector('.big-button')
    expect(button).toBeTruthy()
    expect(text(button)).toBe('打卡')
    button.dispatchEvent('tap')

    await eventually(() => expect(host.calls.some((c) => c.name === 'checkIn')).toBe(true))
    expect(host.cloud.callFunction).toHaveBeenCalledWith({ name: 'member', data: { action: 'checkIn', reflection: '学习党章' } })
    await eventually(() => expect(text(page)).toContain('今日已打卡'))
    expect(text(page)).toContain('连续打卡 3 天')
    expect(text(page)).toContain('学习党章')
    await eventually(() => expect(text(page)).toContain('明天提醒我学习'))
  })
})
