import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
// The app's @tarojs/taro is this double (see tests/jest.ui.config.js).
import { navigateTo, pullDownToRefresh } from '../support/taro-double'
import Index from '../../src/pages/index/index'
import { articleCard, homeAnswer, profile, today, TODAY } from '../support/ui-fixtures'
import { callsTo, deferred, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

/** The home page's 今日学习 feed (in getHome's answer). */
const normal: Handlers = {
  getMe: () => ok(profile),
  getHome: () => ok(homeAnswer()),
}
const withToday = (over: Parameters<typeof today>[0]) => ok(homeAnswer({ today: today(over) }))

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

test('today’s push comes first and large, with its summary and what it takes', async () => {
  serve(normal)
  const { container } = render(<Index />)
  const title = await screen.findByText('深入学习贯彻党的二十届四中全会精神')
  expect(title.closest('.today-feed__today')).not.toBeNull()
  expect(screen.getByText('全会精神要点解读。')).toBeTruthy()
  expect(screen.getByText('人民日报 · 约 3 分钟 · 可收听')).toBeTruthy()
  // The push is above the check-in card.
  const cards = Array.from(container.querySelectorAll('.card__title')).map((el) => el.textContent)
  expect(cards.filter((c) => ['今日学习', '最近一周', '学习打卡'].includes(c ?? ''))).toEqual(['今日学习', '最近一周', '学习打卡'])
  expect(callsTo('getHome')).toEqual([['getHome', {}]])
})

test('the week before, day by day, newest first', async () => {
  serve(normal)
  const { container } = render(<Index />)
  await screen.findByText('最近一周')
  const days = Array.from(container.querySelectorAll('.today-feed__day')).map((day) => ({
    label: day.querySelector('.today-feed__day-label')?.textContent,
    titles: Array.from(day.querySelectorAll('.today-feed__title')).map((t) => t.textContent),
  }))
  expect(days).toEqual([
    { label: '11月19日', titles: ['读原著要“慢”下来'] },
    { label: '11月17日', titles: ['党小组学习会怎样开得有滋味'] },
  ])
  expect(screen.getByText('机关第一党支部 · 约 2 分钟')).toBeTruthy()
})

test('推荐阅读 lists what organisers recommended, the section the admin’s 推荐 toggle speaks of', async () => {
  serve({ ...normal, getHome: () => withToday({ recommended: [articleCard({ _id: 'a-r', title: '推荐的好文章' })] }) })
  const { container } = render(<Index />)
  expect(await screen.findByText('推荐阅读')).toBeTruthy()
  fireEvent.click(screen.getByText('推荐的好文章'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/reader/index?kind=article&id=a-r' })
  const titles = Array.from(container.querySelectorAll('.card__title')).map((el) => el.textContent)
  expect(titles.indexOf('推荐阅读')).toBeGreaterThan(titles.indexOf('最近一周'))
})

test('no 推荐阅读 without recommendations', async () => {
  serve(normal)
  render(<Index />)
  await screen.findByText('最近一周')
  expect(screen.queryByText('推荐阅读')).toBeNull()
})

test('tapping an article opens it in the reader', async () => {
  serve(normal)
  render(<Index />)
  fireEvent.click(await screen.findByText('深入学习贯彻党的二十届四中全会精神'))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/reader/index?kind=article&id=a-1' })
  fireEvent.click(screen.getByText('读原著要“慢”下来'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=article&id=a-2' })
})

test('several articles pushed today are all shown large', async () => {
  serve({ ...normal, getHome: () => withToday({ push: { day: TODAY, items: [articleCard(), articleCard({ _id: 'a-9', title: '第二篇' })] } }) })
  const { container } = render(<Index />)
  await screen.findByText('第二篇')
  expect(container.querySelectorAll('.today-feed__today')).toHaveLength(2)
})

test('before today’s push, says when it comes and shows the week before', async () => {
  serve({ ...normal, getHome: () => withToday({ push: null }) })
  render(<Index />)
  expect(await screen.findByText('今天的学习内容每天早上 7:30 推送，先看看最近的吧')).toBeTruthy()
  expect(screen.getByText('读原著要“慢”下来')).toBeTruthy()
})

test('nothing pushed at all: an empty state, and no 最近一周', async () => {
  serve({ ...normal, getHome: () => withToday({ push: null, recent: [] }) })
  render(<Index />)
  expect(await screen.findByText('暂时还没有推送的学习内容')).toBeTruthy()
  expect(screen.queryByText('最近一周')).toBeNull()
})

test('loading, then an error with 重试 that loads again', async () => {
  const first = deferred<unknown>()
  let attempts = 0
  serve({ ...normal, getHome: () => (++attempts === 1 ? first.promise : ok(homeAnswer())) })
  const { container } = render(<Index />)
  expect(screen.getByText('正在加载今日学习…')).toBeTruthy()
  await act(async () => first.resolve(fail('INTERNAL', '系统繁忙，请稍后再试')))
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
  fireEvent.click(within(container.querySelector<HTMLElement>('.page')!).getAllByText('重试').at(-1)!)
  expect(await screen.findByText('深入学习贯彻党的二十届四中全会精神')).toBeTruthy()
  expect(screen.queryByText('系统繁忙，请稍后再试')).toBeNull()
})

test('pulling down loads 今日学习 again', async () => {
  serve(normal)
  render(<Index />)
  await screen.findByText('深入学习贯彻党的二十届四中全会精神')
  serve({ ...normal, getHome: () => withToday({ push: { day: TODAY, items: [articleCard({ _id: 'a-new', title: '刚刚推送的文章' })] } }) })
  await act(async () => pullDownToRefresh())
  await waitFor(() => expect(screen.getByText('刚刚推送的文章')).toBeTruthy())
})
