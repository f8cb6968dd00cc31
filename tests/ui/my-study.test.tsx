import { act, fireEvent, render, screen } from '@testing-library/react'
import { navigateTo, pullDownToRefresh } from '../support/taro-double'
import MyStudyPage from '../../src/pages/my-study/index'
import Me from '../../src/pages/me/index'
import type { ActionOutput } from '../../types'
import { profile } from '../support/ui-fixtures'
import { myStudy } from '../support/library-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

async function rendered(answer: ActionOutput<'getMyStudy'> = myStudy()) {
  serve({ getMyStudy: () => ok(answer) })
  const page = render(<MyStudyPage />)
  await screen.findByText('学时')
  return page
}

const figure = (container: HTMLElement, label: string) =>
  Array.from(container.querySelectorAll('.figure')).find((f) => f.querySelector('.figure__label')!.textContent === label)!.textContent

test('this year, this quarter and this week in whole minutes, rounded down as the server counts them; today to the second', async () => {
  const { container } = await rendered()
  // 45,719 s, 20,399 s and 1,859 s: 761.98, 339.98 and 30.98 minutes.
  expect(figure(container, '今年')).toBe('今年761 分钟2026 年')
  expect(figure(container, '本季度')).toBe('本季度339 分钟第四季度')
  expect(figure(container, '本周')).toBe('本周30 分钟11月30日起')
  expect(screen.getByText('今天已学 30 分 59 秒')).toBeTruthy()
})

test('the chart has one bar a day for 15 days, each as tall as its share of the busiest day', async () => {
  const { container } = await rendered()
  const columns = Array.from(container.querySelectorAll('.day-chart__column'))
  expect(columns).toHaveLength(15)
  const heights = columns.map((c) => (c.querySelector('.day-chart__bar') as HTMLElement).style.height)
  // 20 November (1,200 s), 25 November (600 s) and today (1,859 s, the most).
  expect(heights[4]).toBe(`${(1200 / 1859) * 100}%`)
  expect(heights[9]).toBe(`${(600 / 1859) * 100}%`)
  expect(heights[14]).toBe('100%')
  expect(heights.filter((h) => h === '0%')).toHaveLength(12)
  expect(columns[4].textContent).toBe('2020')
  expect(columns[14].textContent).toBe('30今')
  expect(columns[14].querySelector('.day-chart__bar--today')).not.toBeNull()
  expect(screen.getByText('11月16日至今，柱上数字为当天学习的分钟数')).toBeTruthy()
})

test('15 days without study show empty bars and say so', async () => {
  const answer = myStudy()
  answer.last15Days = answer.last15Days.map((d) => ({ ...d, seconds: 0 }))
  const { container } = await rendered(answer)
  const heights = Array.from(container.querySelectorAll('.day-chart__bar')).map((b) => (b as HTMLElement).style.height)
  expect(heights.every((h) => h === '0%')).toBe(true)
  expect(screen.getByText('最近 15 天还没有学时')).toBeTruthy()
})

test('time by category, most first, with bars against the first', async () => {
  const { container } = await rendered()
  const rows = Array.from(container.querySelectorAll('.category-time'))
  expect(rows.map((r) => r.textContent)).toEqual(['政治理论500 分钟', '历史文化261 分钟'])
  const widths = rows.map((r) => (r.querySelector('.progress-bar__fill') as HTMLElement).style.width)
  expect(widths).toEqual(['100%', `${(15_719 / 30_000) * 100}%`])
})

test('required books of the year with chapter progress; a tap opens the book', async () => {
  const { container } = await rendered()
  expect(screen.getByText('2026 年必读书目')).toBeTruthy()
  const rows = Array.from(container.querySelectorAll('.required-book'))
  expect(rows.map((r) => r.querySelector('.required-book__head')!.textContent)).toEqual(['《共产党宣言导读》1/3 章', '《红船精神》已读完'])
  expect(parseFloat((rows[0].querySelector('.progress-bar__fill') as HTMLElement).style.width)).toBeCloseTo(100 / 3)
  fireEvent.click(screen.getByText('《共产党宣言导读》'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/book/index?id=book-1' })
})

test('books completed, with the Beijing day each was finished', async () => {
  await rendered()
  expect(screen.getByText('读完的书（1 本）')).toBeTruthy()
  // 17:30 UTC on 31 October is already 1 November in Beijing.
  expect(screen.getByText('2026年11月1日读完')).toBeTruthy()
})

test('the weekly target met', async () => {
  const { container } = await rendered()
  expect(screen.getByText('本周目标已达成')).toBeTruthy()
  expect(screen.getByText('本周已学 30 分钟，目标每周 30 分钟')).toBeTruthy()
  expect(container.querySelector('.weekly-target--met')).not.toBeNull()
})

test('the weekly target not met: how many minutes are missing, as shown minutes count', async () => {
  // 1,799 seconds are shown as 29 minutes: 1 minute short of 30.
  const { container } = await rendered(myStudy({ week: { key: '2026-11-30', seconds: 1799 }, weeklyTarget: { minutes: 30, met: false } }))
  expect(screen.getByText('本周还差 1 分钟')).toBeTruthy()
  expect(screen.getByText('本周已学 29 分钟，目标每周 30 分钟')).toBeTruthy()
  expect(container.querySelector('.weekly-target--met')).toBeNull()
  expect((container.querySelector('.weekly-target .progress-bar__fill') as HTMLElement).style.width).toBe(`${(1799 / 1800) * 100}%`)
})

test('a configured target is the one shown', async () => {
  await rendered(myStudy({ week: { key: '2026-11-30', seconds: 600 }, weeklyTarget: { minutes: 60, met: false } }))
  expect(screen.getByText('本周还差 50 分钟')).toBeTruthy()
  expect(screen.getByText('本周已学 10 分钟，目标每周 60 分钟')).toBeTruthy()
})

test('a member new to study sees zeros and friendly empty lists', async () => {
  const empty = myStudy({
    year: { key: '2026', seconds: 0 },
    quarter: { key: '2026-Q4', seconds: 0 },
    week: { key: '2026-11-30', seconds: 0 },
    todaySeconds: 0,
    byCategory: [],
    booksCompleted: [],
    requiredBooks: [],
    weeklyTarget: { minutes: 30, met: false },
  })
  empty.last15Days = empty.last15Days.map((d) => ({ ...d, seconds: 0 }))
  await rendered(empty)
  expect(screen.getByText('本周还差 30 分钟')).toBeTruthy()
  expect(screen.getByText('今年还没有学时')).toBeTruthy()
  expect(screen.getByText('今年没有布置必读书目')).toBeTruthy()
  expect(screen.getByText('还没有读完的书，去「学习」页挑一本吧')).toBeTruthy()
})

test('pull down to reload; a failure says why and offers 重试', async () => {
  let failing = true
  serve({ getMyStudy: () => (failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(myStudy())) })
  render(<MyStudyPage />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  failing = false
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('本周目标已达成')).toBeTruthy()
  await act(async () => pullDownToRefresh())
  expect(callsTo('getMyStudy')).toHaveLength(3)
})

test('the rules are linked from here, and 我的学习 from 我的', async () => {
  await rendered()
  fireEvent.click(screen.getByText('学时怎么算？查看学习规则 ›'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/study-rules/index' })

  serve({ getMe: () => ok(profile) })
  render(<Me />)
  fireEvent.click(await screen.findByText('查看我的学习'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/my-study/index' })
})
