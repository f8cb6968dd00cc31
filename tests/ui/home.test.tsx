import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { navigateTo, pullDownToRefresh, shareMessage, stopPullDownRefresh } from '../support/taro-double'
import Index from '../../src/pages/index/index'
import { CloudError } from '../../src/services/errors'
import { homeAnswer, profile, record, summary, TODAY } from '../support/ui-fixtures'
import { actionsSent, callsTo, deferred, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const NETWORK = '网络不给力，请检查网络后重试'

const normal: Handlers = {
  getMe: () => ok(profile),
  getHome: () => ok(homeAnswer({ checkIn: summary({ streak: 2, checkedDays: ['2025-11-18', '2025-11-19'] }) })),
  checkIn: (input: { reflection?: string }) => ok({ status: 'created', record: record({ reflection: input.reflection ?? '', streak: 3 }), streak: 3 }),
}

beforeEach(() => {
  sendMock.mockReset()
  stopPullDownRefresh.mockClear()
  navigateTo.mockClear()
})

async function textarea(container: HTMLElement): Promise<HTMLTextAreaElement> {
  await waitFor(() => expect(container.querySelector('textarea')).not.toBeNull())
  return container.querySelector('textarea')!
}

async function type(container: HTMLElement, text: string) {
  const input = await textarea(container)
  fireEvent.input(input, { target: { value: text } })
}

const checkButton = () => screen.getByText('打卡')
const isDisabled = (el: Element) => el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'

function checkedDays(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.month-calendar__day--checked')).map((el) => el.getAttribute('data-day') ?? '')
}

test('shows loading states until the answers arrive', async () => {
  const pending = deferred<unknown>()
  serve({ ...normal, getHome: () => pending.promise })
  render(<Index />)
  expect(screen.getByText('正在加载打卡信息…')).toBeTruthy()
  expect(screen.getByText('你好')).toBeTruthy()
  expect(screen.queryByText('打卡')).toBeNull()
  // One call brings the greeting with the cards.
  await act(async () => pending.resolve(normal.getHome!({})))
  expect(await screen.findByText('王建国，你好')).toBeTruthy()
  expect(await screen.findByText('打卡')).toBeTruthy()
  expect(screen.queryByText('正在加载打卡信息…')).toBeNull()
  expect(actionsSent().map(([name]) => name)).toEqual(['getHome'])
})

test('greets the member with name and group, and offers 打卡 with a live counter', async () => {
  serve(normal)
  const { container } = render(<Index />)
  expect(await screen.findByText('王建国，你好')).toBeTruthy()
  expect(screen.getByText('第一党小组 · 机关第一党支部')).toBeTruthy()
  expect(await screen.findByText('打卡')).toBeTruthy()
  expect(screen.getByText('连续打卡 2 天')).toBeTruthy()
  expect(screen.getByText('，今天还没有打卡')).toBeTruthy()
  expect(screen.getByText('0/500')).toBeTruthy()

  await type(container, '学习党章第一章')
  expect(await screen.findByText('7/500')).toBeTruthy()
  expect(isDisabled(checkButton())).toBe(false)
})

test('refuses a reflection over 500 characters before sending it', async () => {
  serve(normal)
  const { container } = render(<Index />)
  await screen.findByText('打卡')
  await type(container, '学'.repeat(501))

  expect(await screen.findByText('501/500')).toBeTruthy()
  expect(screen.getByText('学习心得最多 500 字，请删减后再打卡')).toBeTruthy()
  expect(isDisabled(checkButton())).toBe(true)
  fireEvent.click(checkButton())
  await act(async () => {})
  expect(callsTo('checkIn')).toHaveLength(0)

  await type(container, '学'.repeat(500))
  expect(await screen.findByText('500/500')).toBeTruthy()
  expect(screen.queryByText('学习心得最多 500 字，请删减后再打卡')).toBeNull()
  expect(isDisabled(checkButton())).toBe(false)
})

test('checking in: 打卡中… while sending, then 今日已打卡 with the streak and the reflection', async () => {
  const answer = deferred<unknown>()
  serve({
    ...normal,
    getHome: () => ok(homeAnswer()),
    checkIn: () => answer.promise,
  })
  const { container } = render(<Index />)
  await screen.findByText('打卡')
  expect(screen.getByText('今天还没有打卡')).toBeTruthy()
  await type(container, '  今天学习了党章  ')
  fireEvent.click(checkButton())

  const busy = await screen.findByText('打卡中…')
  expect(isDisabled(busy)).toBe(true)
  expect(callsTo('checkIn')).toEqual([['checkIn', { reflection: '今天学习了党章' }]])

  await act(async () => answer.resolve(ok({ status: 'created', record: record({ reflection: '今天学习了党章' }), streak: 1 })))
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(screen.getByText('连续打卡 1 天')).toBeTruthy()
  expect(screen.getByText('今天学习了党章')).toBeTruthy()
  expect(screen.queryByText('打卡')).toBeNull()
  expect(screen.queryByText('今天已经打过卡了')).toBeNull()
  expect(checkedDays(container)).toEqual([TODAY])
})

test('checking in without a reflection sends no reflection', async () => {
  serve(normal)
  render(<Index />)
  fireEvent.click(await screen.findByText('打卡'))
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(callsTo('checkIn')).toEqual([['checkIn', {}]])
  expect(screen.getByText('连续打卡 3 天')).toBeTruthy()
})

test('a streak can be sent to a chat, opening 首页 (a friend who is not a member is invited to register there); none, no card', async () => {
  serve(normal)
  render(<Index />)
  await screen.findByText('分享我的学习')
  expect(shareMessage()).toEqual({ title: '我已连续学习打卡 2 天，一起来学习吧', path: '/pages/index/index' })
  fireEvent.click(checkButton())
  await screen.findByText('今日已打卡')
  expect(shareMessage()).toMatchObject({ title: '我已连续学习打卡 3 天，一起来学习吧' })
})

test('with no streak there is nothing to share: the 转发 menu sends the app', async () => {
  serve({ ...normal, getHome: () => ok(homeAnswer()) })
  render(<Index />)
  await screen.findByText('打卡')
  expect(screen.queryByText('分享我的学习')).toBeNull()
  expect(shareMessage()).toEqual({ title: '学习圈', path: '/pages/index/index' })
})

test('when the server says today is already checked in, shows 今日已打卡 with a note', async () => {
  serve({
    ...normal,
    checkIn: () => ok({ status: 'already', record: record({ reflection: '早上打的卡', streak: 4 }), streak: 4 }),
  })
  render(<Index />)
  fireEvent.click(await screen.findByText('打卡'))
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(screen.getByText('今天已经打过卡了')).toBeTruthy()
  expect(screen.getByText('连续打卡 4 天')).toBeTruthy()
  expect(screen.getByText('早上打的卡')).toBeTruthy()
})

test('already checked in today: shows 今日已打卡 straight away', async () => {
  serve({
    ...normal,
    getHome: () => ok(homeAnswer({ checkIn: summary({ todayRecord: record({ reflection: '学习了新思想', streak: 5 }), streak: 5, checkedDays: [TODAY] }) })),
  })
  const { container } = render(<Index />)
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(screen.getByText('连续打卡 5 天')).toBeTruthy()
  expect(screen.getByText('学习了新思想')).toBeTruthy()
  expect(screen.queryByText('打卡')).toBeNull()
  expect(container.querySelector('textarea')).toBeNull()
  expect(screen.queryByText('今天已经打过卡了')).toBeNull()
})

test('a failed check-in shows the message and 重试, and retrying succeeds', async () => {
  let attempts = 0
  serve({
    ...normal,
    checkIn: (input) => {
      attempts += 1
      if (attempts === 1) return Promise.reject(new CloudError('NETWORK', NETWORK))
      return normal.checkIn!(input)
    },
  })
  const { container } = render(<Index />)
  await screen.findByText('打卡')
  await type(container, '心得')
  fireEvent.click(checkButton())

  expect(await screen.findByText(NETWORK)).toBeTruthy()
  const retry = screen.getByText('重试')
  fireEvent.click(retry)
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(screen.queryByText(NETWORK)).toBeNull()
  expect(callsTo('checkIn')).toEqual([
    ['checkIn', { reflection: '心得' }],
    ['checkIn', { reflection: '心得' }],
  ])
})

test('a server error shows its Chinese message', async () => {
  serve({ ...normal, checkIn: () => fail('INTERNAL', '服务暂时出了点问题，请稍后重试') })
  render(<Index />)
  fireEvent.click(await screen.findByText('打卡'))
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})

test('a home page that fails to load shows the message once, and 重试', async () => {
  let attempts = 0
  serve({
    ...normal,
    getHome: (input) => {
      attempts += 1
      return attempts === 1 ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : normal.getHome!(input)
    },
  })
  render(<Index />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('打卡')).toBeTruthy()
})

test('when nothing loads, the page says so once, under a plain greeting, and 重试 loads everything', async () => {
  serve({
    getHome: () => Promise.reject(new CloudError('NETWORK', NETWORK)),
  })
  render(<Index />)
  await waitFor(() => expect(screen.getAllByText(NETWORK)).toHaveLength(1))
  expect(screen.getByText('你好')).toBeTruthy()
  serve(normal)
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('王建国，你好')).toBeTruthy()
  expect(await screen.findByText('打卡')).toBeTruthy()
  expect(await screen.findByText('深入学习贯彻党的二十届四中全会精神')).toBeTruthy()
  expect(screen.queryByText(NETWORK)).toBeNull()
})

test('someone not registered is sent to 实名注册, and the home page offers it too', async () => {
  serve({
    ...normal,
    getMe: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册'),
    getHome: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册'),
  })
  render(<Index />)
  expect(await screen.findByText('你还没有注册')).toBeTruthy()
  await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' }))
  expect(screen.queryByText('打卡')).toBeNull()
  expect(screen.queryByText('打卡记录')).toBeNull()
  expect(screen.queryByText('你还没有注册，请先完成实名注册')).toBeNull()

  navigateTo.mockClear()
  fireEvent.click(screen.getByText('去实名注册'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' })
})

test('the month calendar starts on Monday, fills checked days and outlines today', async () => {
  serve(normal)
  const { container } = render(<Index />)
  expect(await screen.findByText('打卡记录')).toBeTruthy()
  expect(screen.getByText('2025年11月')).toBeTruthy()
  expect(screen.getByText('本月已打卡 2 天')).toBeTruthy()

  const weekdays = Array.from(container.querySelectorAll('.month-calendar__weekday')).map((el) => el.textContent)
  expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日'])
  const cells = Array.from(container.querySelectorAll('.month-calendar__grid > .month-calendar__cell:not(.month-calendar__weekday)'))
  // 2025-11-01 is a Saturday: five blank cells (Mon–Fri) come first.
  expect(cells.slice(0, 5).every((c) => !c.classList.contains('month-calendar__day'))).toBe(true)
  expect(cells[5].textContent).toBe('1')
  expect(container.querySelectorAll('.month-calendar__day')).toHaveLength(30)

  expect(checkedDays(container)).toEqual(['2025-11-18', '2025-11-19'])
  const today = container.querySelectorAll('.month-calendar__day--today')
  expect(today).toHaveLength(1)
  expect(today[0].getAttribute('data-day')).toBe(TODAY)
  expect(today[0].getAttribute('aria-label')).toBe('11月20日（今天）')
})

test('打卡记录: earlier months a tap away, with each month’s reflections to read again', async () => {
  serve({
    ...normal,
    getHome: () => ok(homeAnswer({ checkIn: summary({ checkedDays: ['2025-11-18'], reflections: [{ day: '2025-11-18', text: '读了党章第一章' }] }) })),
    getCheckInSummary: (input: { month?: string }) =>
      ok(
        summary({
          month: input.month!,
          firstWeekday: 2,
          daysInMonth: 31,
          checkedDays: ['2025-10-08', '2025-10-09'],
          reflections: [{ day: '2025-10-09', text: '十月的心得' }],
        }),
      ),
  })
  const { container } = render(<Index />)
  expect(await screen.findByText('读了党章第一章')).toBeTruthy()
  expect(screen.queryByText('下个月 ›')).toBeNull()
  fireEvent.click(screen.getByText('‹ 上个月'))
  expect(await screen.findByText('十月的心得')).toBeTruthy()
  expect(screen.getByText('2025年10月')).toBeTruthy()
  expect(screen.getByText('10月已打卡 2 天')).toBeTruthy()
  expect(checkedDays(container)).toEqual(['2025-10-08', '2025-10-09'])
  expect(callsTo('getCheckInSummary')).toEqual([['getCheckInSummary', { month: '2025-10' }]])
  // Back to this month: 首页's own data, no call.
  fireEvent.click(screen.getByText('下个月 ›'))
  expect(await screen.findByText('读了党章第一章')).toBeTruthy()
  expect(callsTo('getCheckInSummary')).toHaveLength(1)
})

test('pulling down reloads everything and then stops the refresh', async () => {
  serve(normal)
  render(<Index />)
  await screen.findByText('打卡')
  serve({ ...normal, getHome: () => ok(homeAnswer({ checkIn: summary({ todayRecord: record(), streak: 1, checkedDays: [TODAY] }) })) })
  sendMock.mockClear()

  await act(async () => pullDownToRefresh())
  expect(await screen.findByText('今日已打卡')).toBeTruthy()
  expect(
    actionsSent()
      .map(([name]) => name)
      .sort(),
  ).toEqual(['getHome'])
  await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1))
})
