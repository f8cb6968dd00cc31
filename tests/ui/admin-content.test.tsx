import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { leaveAndReturn, navigateTo, pullDownToRefresh, scrollToBottom, setRouterParams } from '../support/taro-double'
import AdminHome from '../../src/packageAdmin/pages/index/index'
import ContentPage from '../../src/packageAdmin/pages/content/index'
import ArticleEditorPage from '../../src/packageAdmin/pages/article/index'
import BookEditorPage from '../../src/packageAdmin/pages/book/index'
import ChapterEditorPage from '../../src/packageAdmin/pages/chapter/index'
import OutboxPage from '../../src/packageAdmin/pages/outbox/index'
import type { ContentRow, Role } from '../../types'
import { contentRow } from '../support/admin-content-fixtures'
import { orgAdmin, profile } from '../support/ui-fixtures'
import { actionsSent, callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const branchAdmin = { ...orgAdmin, memberId: 'member-02', name: '刘晓燕', roles: ['member', 'branchAdmin'] as Role[] }

const articles: ContentRow[] = [
  contentRow({ _id: 'article-3', title: '明天推送的文章', status: 'scheduled', scheduledFor: '2025-11-21', recommended: true }),
  contentRow({ _id: 'article-2', title: '排队的文章', status: 'queued' }),
  contentRow({ _id: 'article-1', title: '已经推送的文章', status: 'published', publishedOn: '2025-11-18', categoryName: '历史文化' }),
]
const books: ContentRow[] = [
  contentRow({
    kind: 'book',
    _id: 'book-1',
    title: '中国共产党简史',
    status: 'published',
    categoryName: '历史文化',
    minutes: 42,
    chapterCount: 6,
    required: { year: 2025, branchIds: [] },
  }),
]

const admin: Handlers = {
  getMe: () => ok(orgAdmin),
  listContent: (input: { kind: string }) => ok({ items: input.kind === 'article' ? articles : books, nextCursor: null }),
}

const listInputs = () => callsTo('listContent').map(([, input]) => input)

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  setRouterParams({})
})

async function rendered() {
  const view = render(<ContentPage />)
  await screen.findByText('明天推送的文章')
  return view
}

describe('内容管理 list', () => {
  test('lists articles, last changed first, with status, schedule and picks', async () => {
    serve(admin)
    const { container } = await rendered()
    expect(listInputs()).toEqual([{ kind: 'article' }])
    const rows = Array.from(container.querySelectorAll('.content-row'))
    expect(rows.map((r) => r.querySelector('.row__title')?.textContent)).toEqual(['明天推送的文章', '排队的文章', '已经推送的文章'])
    expect(rows[0].textContent).toContain('政治理论 · 3 分钟 · 2025年11月21日 推送')
    expect(rows[0].textContent).toContain('已排期')
    expect(rows[0].textContent).toContain('推荐')
    expect(rows[1].textContent).toContain('待推送')
    expect(rows[2].textContent).toContain('历史文化 · 3 分钟 · 2025年11月18日 已推送')
    expect(rows[2].textContent).toContain('已发布')
  })

  test('the status filter asks the server for that status; books offer only their statuses', async () => {
    serve(admin)
    await rendered()
    fireEvent.click(screen.getByText('已排期', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'article', status: 'scheduled' }))
    fireEvent.click(screen.getByText('全部', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'article' }))

    fireEvent.click(screen.getByText('已下线', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'article', status: 'retired' }))
    // 已下线 is a book status too: it stays.
    fireEvent.click(screen.getByText('书目', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'book', status: 'retired' }))
    expect(screen.queryByText('待推送', { selector: '.chip' })).toBeNull()
    expect(screen.queryByText('已排期', { selector: '.chip' })).toBeNull()
    for (const s of ['草稿', '已发布', '已下线']) expect(screen.getByText(s, { selector: '.chip' })).toBeTruthy()

    const row = (await screen.findByText('中国共产党简史')).closest('.content-row')!
    expect(row.textContent).toContain('历史文化 · 6 章 · 共 42 分钟')
    expect(row.textContent).toContain('2025 年必修')
  })

  test('a status books lack is dropped when switching to books', async () => {
    serve(admin)
    await rendered()
    fireEvent.click(screen.getByText('待推送', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'article', status: 'queued' }))
    fireEvent.click(screen.getByText('书目', { selector: '.chip' }))
    await waitFor(() => expect(listInputs().at(-1)).toEqual({ kind: 'book' }))
  })

  test('pages on with the cursor, by 「加载更多」 and by scrolling', async () => {
    const pages: Record<string, { items: ContentRow[]; nextCursor: string | null }> = {
      first: { items: articles.slice(0, 1), nextCursor: 'c1' },
      c1: { items: articles.slice(1, 2), nextCursor: 'c2' },
      c2: { items: articles.slice(2), nextCursor: null },
    }
    serve({ ...admin, listContent: (input: { cursor?: string }) => ok(pages[input.cursor ?? 'first']) })
    const { container } = await rendered()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('排队的文章')).toBeTruthy()
    expect(listInputs().at(-1)).toEqual({ kind: 'article', cursor: 'c1' })
    await act(async () => scrollToBottom())
    expect(await screen.findByText('已经推送的文章')).toBeTruthy()
    expect(listInputs().at(-1)).toEqual({ kind: 'article', cursor: 'c2' })
    expect(container.querySelectorAll('.content-row')).toHaveLength(3)
    expect(screen.getByText('已经到底了，共 3 条')).toBeTruthy()
  })

  test('pulling down and coming back from an editor load the first page again', async () => {
    let version = 0
    serve({
      ...admin,
      listContent: () => ok({ items: [contentRow({ title: version === 0 ? '明天推送的文章' : `改过的标题 ${version}` })], nextCursor: null }),
    })
    await rendered()
    version = 1
    await act(async () => pullDownToRefresh())
    expect(await screen.findByText('改过的标题 1')).toBeTruthy()
    version = 2
    await act(async () => leaveAndReturn())
    expect(await screen.findByText('改过的标题 2')).toBeTruthy()
    expect(listInputs()).toEqual([{ kind: 'article' }, { kind: 'article' }, { kind: 'article' }])
  })

  test('新建 and tapping a row open the editor of the tab', async () => {
    serve(admin)
    await rendered()
    fireEvent.click(screen.getByText('新建文章'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/article/index' })
    fireEvent.click(screen.getByText('排队的文章'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/article/index?id=article-2' })
    fireEvent.click(screen.getByText('书目', { selector: '.chip' }))
    fireEvent.click(await screen.findByText('新建书目'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/book/index' })
    fireEvent.click(await screen.findByText('中国共产党简史'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/book/index?id=book-1' })
  })

  test('nothing matching says so; a failed load offers 重试', async () => {
    let failing = true
    serve({
      ...admin,
      listContent: () => (failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok({ items: [], nextCursor: null })),
    })
    render(<ContentPage />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('没有符合条件的文章')).toBeTruthy()
  })
})

describe('who may manage content', () => {
  test('the 组织管理员 finds 内容管理 and 推送记录 on 组织管理', async () => {
    serve({ getMe: () => ok(orgAdmin) })
    render(<AdminHome />)
    fireEvent.click(await screen.findByText('内容管理'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/content/index' })
    fireEvent.click(screen.getByText('推送记录'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/outbox/index' })
  })

  test('a 支部管理员 is not offered them', async () => {
    serve({ getMe: () => ok(branchAdmin) })
    render(<AdminHome />)
    expect(await screen.findByText('成员管理')).toBeTruthy()
    expect(screen.queryByText('内容管理')).toBeNull()
    expect(screen.queryByText('推送记录')).toBeNull()
  })

  const pages = [
    ['内容管理', ContentPage, {}],
    ['文章编辑', ArticleEditorPage, { id: 'article-1' }],
    ['书目编辑', BookEditorPage, { id: 'book-1' }],
    ['章节编辑', ChapterEditorPage, { bookId: 'book-1', id: 'chapter-1' }],
    ['推送记录', OutboxPage, {}],
  ] as const

  for (const [name, Page, params] of pages) {
    for (const [who, me] of [
      ['支部管理员', branchAdmin],
      ['党员', profile],
    ] as const) {
      test(`a ${who} opening ${name} sees 没有权限, and nothing is loaded`, async () => {
        setRouterParams(params)
        serve({ getMe: () => ok(me) })
        render(<Page />)
        expect(await screen.findByText('没有权限')).toBeTruthy()
        expect(screen.getByText(/由组织管理员管理/)).toBeTruthy()
        expect(actionsSent().map(([n]) => n)).toEqual(['getMe'])
      })
    }
  }

  test('when the server refuses (FORBIDDEN), its message shows as 没有权限', async () => {
    serve({ getMe: () => ok(orgAdmin), listContent: () => fail('FORBIDDEN', '你没有权限管理学习内容') })
    render(<ContentPage />)
    expect(await screen.findByText('没有权限')).toBeTruthy()
    expect(screen.getByText('你没有权限管理学习内容')).toBeTruthy()
  })
})
