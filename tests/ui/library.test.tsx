import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, pullDownToRefresh, scrollToBottom, leaveAndReturn } from '../support/taro-double'
import Study from '../../src/pages/study/index'
import { weekMoved } from '../../src/hooks/useSharedWeek'
import type { ActionInput, LibraryItem } from '../../types'
import { profile } from '../support/ui-fixtures'
import { continueItem, libraryArticle, libraryBook, libraryPage } from '../support/library-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const books: LibraryItem[] = [
  libraryBook({ _id: 'book-1', title: '共产党宣言导读', requirement: 'required', completedChapters: 3, chapterCount: 8 }),
  libraryBook({ _id: 'book-2', title: '中国共产党简史', requirement: 'elective', recommended: true, completed: true, completedChapters: 5, chapterCount: 5 }),
]

const member: Handlers = {
  getMe: () => ok(profile),
  // No 每周一学 this week: the tab shows the library alone.
  getMyWeekly: () => ok({ week: '2026-11-30', current: true, list: null }),
  getContinueReading: () => ok({ items: [] }),
  listLibrary: () => ok(libraryPage(books)),
}

const libraryInputs = () => callsTo('listLibrary').map(([, input]) => input as ActionInput<'listLibrary'>)
const rows = (container: HTMLElement) => Array.from(container.querySelectorAll('.library-row'))
const chip = (label: string) => screen.getByText(label, { selector: '.chip' })

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

async function rendered() {
  const view = render(<Study />)
  await screen.findByText('共产党宣言导读')
  return view
}

async function searchFor(container: HTMLElement, words: string) {
  await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
  fireEvent.input(container.querySelector('input')!, { target: { value: words } })
  fireEvent.click(screen.getByText('搜索'))
}

test('opens on all books, with each book’s badges and the member’s progress', async () => {
  serve(member)
  const { container } = await rendered()
  expect(libraryInputs()).toEqual([{ kind: 'book', shelf: 'all' }])
  const [first, second] = rows(container)
  expect(first.textContent).toContain('必修')
  expect(first.textContent).toContain('李明 · 政治理论 · 8 章 · 约 120 分钟')
  expect(first.textContent).toContain('已读 3/8 章')
  expect(second.textContent).toContain('选修')
  expect(second.textContent).toContain('推荐')
  expect(second.textContent).toContain('已读完')
  expect(second.textContent).not.toContain('已读 5/5 章')
  // The categories come with the page.
  expect(chip('全部分类')).toBeTruthy()
  expect(chip('历史文化')).toBeTruthy()
})

test('each shelf and category asks for its own books', async () => {
  serve(member)
  await rendered()
  for (const [label, shelf] of [
    ['必修', 'required'],
    ['选修', 'elective'],
    ['热门', 'hot'],
    ['上新', 'new'],
    ['推荐', 'recommended'],
  ] as const) {
    fireEvent.click(chip(label))
    await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf }))
  }
  fireEvent.click(chip('历史文化'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'recommended', categoryId: 'cat-history' }))
  fireEvent.click(chip('全部分类'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'recommended' }))
})

test('articles have no 必修 or 选修: switching from those shelves shows all articles', async () => {
  serve(member)
  await rendered()
  fireEvent.click(chip('必修'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'required' }))
  fireEvent.click(chip('文章'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'article', shelf: 'all' }))
  expect(screen.queryByText('必修', { selector: '.chip' })).toBeNull()
  expect(screen.queryByText('选修', { selector: '.chip' })).toBeNull()

  // A shelf both have is kept.
  fireEvent.click(chip('上新'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'article', shelf: 'new' }))
  fireEvent.click(chip('书目'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'new' }))
})

test('searching by title sends the words on the shelf shown; clearing lists the shelf again', async () => {
  serve(member)
  const { container } = await rendered()
  fireEvent.click(chip('推荐'))
  await searchFor(container, ' 宣言 ')
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'recommended', search: '宣言' }))
  expect(screen.getByText('正在搜索「宣言」')).toBeTruthy()
  fireEvent.click(screen.getByText('清除'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'recommended' }))
  expect(screen.queryByText('正在搜索「宣言」')).toBeNull()
})

test('热门 is ranked by readers, not searched: a search there looks through 全部, and 热门 ends a search', async () => {
  serve({ ...member, listLibrary: () => ok(libraryPage(books.map((b, i) => ({ ...b, readers30d: 12 - i })))) })
  const { container } = await rendered()
  fireEvent.click(chip('热门'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'hot' }))
  expect(await screen.findByText('近 30 天 12 人次学习')).toBeTruthy()

  await searchFor(container, '简史')
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'all', search: '简史' }))
  fireEvent.click(chip('热门'))
  await waitFor(() => expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'hot' }))
  expect(screen.queryByText('正在搜索「简史」')).toBeNull()
  await waitFor(() => expect(container.querySelector('input')?.value).toBe(''))
})

test('「加载更多」 and scrolling to the bottom append the next pages of the same shelf', async () => {
  const more = [libraryBook({ _id: 'book-3', title: '党的建设' }), libraryBook({ _id: 'book-4', title: '乡村振兴读本' })]
  const pages: Record<string, ReturnType<typeof libraryPage>> = {
    first: libraryPage(books, 'c1'),
    c1: libraryPage(more.slice(0, 1), 'c2'),
    c2: libraryPage(more.slice(1)),
  }
  serve({ ...member, listLibrary: (input: { cursor?: string }) => ok(pages[input.cursor ?? 'first']) })
  const { container } = await rendered()
  fireEvent.click(chip('选修'))
  await waitFor(() => expect(libraryInputs()).toHaveLength(2))
  await screen.findByText('加载更多')

  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText('党的建设')).toBeTruthy()
  expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'elective', cursor: 'c1' })

  await act(async () => scrollToBottom())
  expect(await screen.findByText('乡村振兴读本')).toBeTruthy()
  expect(libraryInputs().at(-1)).toEqual({ kind: 'book', shelf: 'elective', cursor: 'c2' })
  expect(rows(container).map((r) => r.querySelector('.library-row__title')!.textContent)).toEqual([
    '共产党宣言导读',
    '中国共产党简史',
    '党的建设',
    '乡村振兴读本',
  ])
  expect(screen.getByText('已经到底了，共 4 条')).toBeTruthy()
})

test('an empty shelf and a search without results say so', async () => {
  serve({ ...member, listLibrary: () => ok(libraryPage([])) })
  const { container } = render(<Study />)
  expect(await screen.findByText('这里还没有书')).toBeTruthy()
  fireEvent.click(chip('必修'))
  expect(await screen.findByText('今年没有布置必读书目')).toBeTruthy()
  await searchFor(container, '党章')
  expect(await screen.findByText('没有找到书名或标题含「党章」的书')).toBeTruthy()
})

test('a library that fails to load says why and tries again on 重试', async () => {
  let failing = true
  serve({ ...member, listLibrary: () => (failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(libraryPage(books))) })
  render(<Study />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  failing = false
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('共产党宣言导读')).toBeTruthy()
})

test('a book opens its page, an article opens the reader', async () => {
  serve({ ...member, listLibrary: (input: { kind: string }) => ok(libraryPage(input.kind === 'book' ? books : [libraryArticle({ hasAudio: true })])) })
  await rendered()
  fireEvent.click(screen.getByText('中国共产党简史'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/book/index?id=book-2' })

  fireEvent.click(chip('文章'))
  const article = await screen.findByText('把学习成果转化为工作实效')
  expect(screen.getByText('政治理论 · 2026年11月20日 · 约 6 分钟')).toBeTruthy()
  expect(screen.getByText('可收听')).toBeTruthy()
  fireEvent.click(article)
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=article&id=article-1' })
})

describe('继续学习', () => {
  const started = [
    continueItem(),
    continueItem({
      kind: 'article',
      _id: 'article-7',
      title: '新时代的奋斗姿态',
      bookId: null,
      bookTitle: null,
      chapterOrder: null,
      position: 0.75,
      creditedSeconds: 119,
    }),
  ]

  test('what the member started comes first and opens in the reader where it belongs', async () => {
    serve({ ...member, getContinueReading: () => ok({ items: started }) })
    await rendered()
    expect(screen.getByText('《共产党宣言导读》第 3 章 · 读到 40% · 已学 3 分钟')).toBeTruthy()
    // 119 seconds are 1 minute, as everywhere.
    expect(screen.getByText('文章 · 读到 75% · 已学 1 分钟')).toBeTruthy()

    fireEvent.click(screen.getByText('阶级斗争的历史'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=chapter-3' })
    fireEvent.click(screen.getByText('新时代的奋斗姿态'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=article&id=article-7' })
  })

  test('nothing started shows no card; back from the reader, the list follows', async () => {
    let items = [] as typeof started
    serve({ ...member, getContinueReading: () => ok({ items }) })
    await rendered()
    expect(screen.queryByText('继续学习')).toBeNull()
    items = started.slice(0, 1)
    // The reader credited time.
    weekMoved()
    await act(async () => leaveAndReturn())
    expect(await screen.findByText('继续学习')).toBeTruthy()
    expect(screen.getByText('阶级斗争的历史')).toBeTruthy()
  })

  test('pulling down reloads it and the library', async () => {
    serve(member)
    await rendered()
    expect(callsTo('getContinueReading')).toHaveLength(1)
    await act(async () => pullDownToRefresh())
    await waitFor(() => expect(callsTo('getContinueReading')).toHaveLength(2))
    expect(libraryInputs()).toEqual([
      { kind: 'book', shelf: 'all' },
      { kind: 'book', shelf: 'all' },
    ])
  })

  test('a failure is shown with 重试', async () => {
    let failing = true
    serve({ ...member, getContinueReading: () => (failing ? fail('INTERNAL', '继续学习没有加载成功') : ok({ items: started })) })
    await rendered()
    expect(screen.getByText('继续学习没有加载成功')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('阶级斗争的历史')).toBeTruthy()
  })
})

test('我的学习 is one tap away', async () => {
  serve(member)
  await rendered()
  fireEvent.click(screen.getByText('我的学习'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/my-study/index' })
})

test('someone not registered is offered registration instead of the library', async () => {
  serve({ ...member, getMe: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册') })
  render(<Study />)
  expect(await screen.findByText('你还没有注册')).toBeTruthy()
  expect(screen.queryByText('书架')).toBeNull()
})
