import { act, fireEvent, render, screen } from '@testing-library/react'
import { leaveAndReturn, navigateTo, setRouterParams } from '../support/taro-double'
import BookPage from '../../src/pages/book/index'
import type { ActionOutput } from '../../types'
import { bookView, chapterProgress } from '../support/library-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

type BookView = ActionOutput<'getBook'>

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  setRouterParams({ id: 'book-1' })
})

const chapterRows = (container: HTMLElement) => Array.from(container.querySelectorAll('.chapter'))

async function rendered(view: BookView = bookView()) {
  serve({ getBook: () => ok(view) })
  const page = render(<BookPage />)
  await screen.findByText('用今天的话讲清楚这部经典。')
  return page
}

test('shows the book: author, category, badges, summary and the member’s progress', async () => {
  await rendered()
  expect(callsTo('getBook')).toEqual([['getBook', { id: 'book-1' }]])
  expect(screen.getByText('共产党宣言导读')).toBeTruthy()
  expect(screen.getByText('李明')).toBeTruthy()
  expect(screen.getByText('政治理论 · 3 章 · 约 30 分钟')).toBeTruthy()
  expect(screen.getByText('2026 年必修')).toBeTruthy()
  expect(screen.getByText('推荐')).toBeTruthy()
  expect(screen.getByText('已完成 1/3 章')).toBeTruthy()
})

test('each chapter shows completed, in progress or not started, with credited minutes rounded down', async () => {
  const { container } = await rendered()
  const [done, reading, fresh] = chapterRows(container)
  expect(done.classList.contains('chapter--done')).toBe(true)
  expect(done.querySelector('.chapter__mark')!.textContent).toBe('✓')
  // 545 seconds are 9 minutes.
  expect(done.textContent).toContain('已完成 · 学习 9 分钟')
  expect(done.textContent).toContain('可收听')

  expect(reading.classList.contains('chapter--done')).toBe(false)
  expect(reading.textContent).toContain('读到 45% · 已学 4 分钟')
  // Its bar: the further behind of 250 of the 480 seconds that complete it, and 45% of the text.
  expect((reading.querySelector('.progress-bar__fill') as HTMLElement).style.width).toBe('45%')

  expect(fresh.querySelector('.chapter__mark')!.textContent).toBe('3')
  expect(fresh.textContent).toContain('未开始 · 约 10 分钟')
  expect(fresh.querySelector('.progress-bar')).toBeNull()
})

test('「继续阅读」 opens the first chapter not completed; any chapter opens in the reader', async () => {
  await rendered()
  expect(screen.getByText('第 2 章 资产者和无产者', { selector: '.book-continue__which' })).toBeTruthy()
  fireEvent.click(screen.getByText('继续阅读'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=chapter-2' })
  fireEvent.click(screen.getByText('第 3 章 无产者和共产党人'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=chapter-3' })
})

test('a chapter read long enough but not to its end is only as far along as the reading', async () => {
  const view = bookView()
  view.chapters[1] = { ...view.chapters[1], progress: chapterProgress({ creditedSeconds: 600, position: 0.3 }) }
  const { container } = await rendered(view)
  const reading = chapterRows(container)[1]
  expect(reading.textContent).toContain('读到 30% · 已学 10 分钟')
  expect((reading.querySelector('.progress-bar__fill') as HTMLElement).style.width).toBe('30%')
  // And one read to the end is as far along as its credited time.
  view.chapters[1] = { ...view.chapters[1], progress: chapterProgress({ creditedSeconds: 120, position: 1, reachedEnd: true }) }
  serve({ getBook: () => ok(view) })
  await act(async () => leaveAndReturn())
  expect(await screen.findByText('读到 100% · 已学 2 分钟')).toBeTruthy()
  expect((chapterRows(container)[1].querySelector('.progress-bar__fill') as HTMLElement).style.width).toBe('25%')
})

test('a book not yet opened offers 「开始阅读」 at chapter 1; an elective book says 选修', async () => {
  const view = bookView({ requirement: 'elective', requiredYear: null, recommended: false })
  view.chapters = view.chapters.map((c) => ({ ...c, progress: chapterProgress() }))
  view.progress = { ...view.progress, completedChapters: 0 }
  view.continueChapterId = 'chapter-1'
  await rendered(view)
  expect(screen.getByText('选修')).toBeTruthy()
  expect(screen.queryByText('推荐')).toBeNull()
  expect(screen.queryByText('继续阅读')).toBeNull()
  fireEvent.click(screen.getByText('开始阅读'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=chapter-1' })
})

test('a finished book says so and offers no 继续阅读', async () => {
  const view = bookView()
  view.chapters = view.chapters.map((c) => ({ ...c, progress: chapterProgress({ creditedSeconds: 500, position: 1, reachedEnd: true, completed: true }) }))
  view.progress = { ...view.progress, completedChapters: 3, completed: true, completedAt: '2026-11-29T10:00:00.000Z' }
  view.continueChapterId = null
  const { container } = await rendered(view)
  expect(screen.getByText('全书已读完')).toBeTruthy()
  expect(screen.queryByText('继续阅读')).toBeNull()
  expect(chapterRows(container).every((row) => row.classList.contains('chapter--done'))).toBe(true)
})

test('back from the reader, the progress shown follows the server', async () => {
  let view = bookView()
  serve({ getBook: () => ok(view) })
  const { container } = render(<BookPage />)
  await screen.findByText('已完成 1/3 章')
  view = bookView()
  view.chapters[1] = { ...view.chapters[1], progress: chapterProgress({ creditedSeconds: 500, position: 1, reachedEnd: true, completed: true }) }
  view.progress = { ...view.progress, completedChapters: 2 }
  view.continueChapterId = 'chapter-3'
  await act(async () => leaveAndReturn())
  expect(await screen.findByText('已完成 2/3 章')).toBeTruthy()
  expect(chapterRows(container)[1].classList.contains('chapter--done')).toBe(true)
  expect(screen.getByText('第 3 章 无产者和共产党人', { selector: '.book-continue__which' })).toBeTruthy()
})

test('a book that cannot be loaded says why and offers 重试', async () => {
  serve({ getBook: () => fail('NOT_FOUND', '这本书不存在或已下架') })
  render(<BookPage />)
  expect(await screen.findByText('这本书不存在或已下架')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
