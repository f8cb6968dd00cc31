import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { leaveAndReturn, navigateTo, setRouterParams, showModal } from '../support/taro-double'
import BookEditorPage from '../../src/packageAdmin/pages/book/index'
import ChapterEditorPage from '../../src/packageAdmin/pages/chapter/index'
import type { AdminBook, Chapter } from '../../types'
import { adminBook, categories, chapter, field, typeInto } from '../support/admin-content-fixtures'
import { orgAdmin, unitTree } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

/** A server holding one book: saveChapter puts a chapter at its order and renumbers, as the real one does. */
function library(book: AdminBook | null, chapters: Chapter[] = [], over: Handlers = {}): Handlers {
  let stored = book
  let list = [...chapters]
  return {
    getMe: () => ok(orgAdmin),
    listCategories: () => ok(categories),
    listUnits: () => ok(unitTree),
    getContent: () => (stored ? ok({ kind: 'book', book: stored, chapters: list }) : fail('NOT_FOUND', '没有找到这本书')),
    saveBook: (input) => {
      const { id: _id, coverUrl, status, ...fields } = input
      stored = adminBook({ ...stored, ...fields, ...(status ? { status } : {}), _id: stored?._id ?? 'book-new', chapterCount: list.length })
      if (coverUrl) stored.coverUrl = coverUrl
      return ok(stored)
    },
    saveChapter: (input) => {
      const before = list.find((c) => c._id === input.id)
      const others = list.filter((c) => c !== before)
      const saved = chapter(0, { ...before, _id: before?._id ?? 'chapter-new', title: input.title, body: input.body, minutes: 1 })
      others.splice((input.order ?? before?.order ?? others.length + 1) - 1, 0, saved)
      list = others.map((c, i) => ({ ...c, order: i + 1 }))
      stored = { ...stored!, chapterCount: list.length }
      return ok({ chapter: list.find((c) => c._id === saved._id)!, book: stored })
    },
    setBookRequirement: (input) => {
      stored = adminBook({ ...stored, required: input.year === null ? undefined : { year: input.year, branchIds: input.branchIds } })
      return ok(stored)
    },
    setRecommended: (input) => ok(input),
    ...over,
  }
}

const inputs = (name: 'saveBook' | 'saveChapter' | 'setBookRequirement' | 'setRecommended') => callsTo(name).map(([, input]) => input)
const chapterTitles = (container: HTMLElement) => Array.from(container.querySelectorAll('.chapter-row .row__title')).map((t) => t.textContent)

beforeEach(() => {
  sendMock.mockReset()
  showModal.mockClear()
  navigateTo.mockClear()
  setRouterParams({})
})

async function openBook(handlers: Handlers, id = 'book-1') {
  setRouterParams({ id })
  serve(handlers)
  const view = render(<BookEditorPage />)
  await screen.findByText('编辑书目')
  return view
}

describe('书目', () => {
  test('loads the book into the form with its chapters in order', async () => {
    const { container } = await openBook(library(adminBook(), [chapter(1), chapter(2, { audioUrl: 'https://media.example.cn/2.mp3' }), chapter(3)]))
    expect((await field(container, '书名')).value).toBe('中国共产党简史')
    expect((await field(container, '作者')).value).toBe('学习圈编写组')
    expect((await screen.findByText('历史文化')).className).toContain('chip--picked')
    expect(screen.getByText('状态：草稿 · 3 章 · 共 9 分钟')).toBeTruthy()
    expect(screen.getByText('章节（3）')).toBeTruthy()
    expect(chapterTitles(container)).toEqual(['第一章', '第二章', '第三章'])
    expect(screen.getByText('3 分钟 · 有音频 · 点按编辑')).toBeTruthy()
  })

  test('moving a chapter sends its new position, and the list shows the renumbered order', async () => {
    const chapters = [chapter(1), chapter(2), chapter(3)]
    const { container } = await openBook(library(adminBook(), chapters))
    // The first has no 上移, the last no 下移.
    expect(screen.queryByLabelText('第 1 章上移')).toBeNull()
    expect(screen.queryByLabelText('第 3 章下移')).toBeNull()

    fireEvent.click(screen.getByLabelText('第 1 章下移'))
    expect(await screen.findByText('「第一章」已移到第 2 章')).toBeTruthy()
    expect(inputs('saveChapter')).toEqual([{ id: 'chapter-1', bookId: 'book-1', title: '第一章', body: chapters[0].body, order: 2 }])
    await waitFor(() => expect(chapterTitles(container)).toEqual(['第二章', '第一章', '第三章']))

    fireEvent.click(screen.getByLabelText('第 3 章上移'))
    await waitFor(() => expect(chapterTitles(container)).toEqual(['第二章', '第三章', '第一章']))
    expect(inputs('saveChapter')[1]).toMatchObject({ id: 'chapter-3', order: 2 })
  })

  test('chapters open in the chapter editor; coming back shows the chapter added there', async () => {
    const handlers = library(adminBook(), [chapter(1)])
    const { container } = await openBook(handlers)
    fireEvent.click(screen.getByText('第一章'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/chapter/index?bookId=book-1&id=chapter-1' })
    fireEvent.click(screen.getByText('添加章节'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/chapter/index?bookId=book-1' })

    // Meanwhile the chapter editor saved a second chapter.
    await handlers.saveChapter!({ bookId: 'book-1', title: '第二章', body: [{ type: 'paragraph', text: '新的一章。' }] })
    await act(async () => leaveAndReturn())
    await waitFor(() => expect(chapterTitles(container)).toEqual(['第一章', '第二章']))
    expect(screen.getByText('章节（2）')).toBeTruthy()
  })

  test('必修 for a year for chosen 党支部, for all of them, then 选修 again', async () => {
    const { container } = await openBook(library(adminBook(), [chapter(1)]))
    expect(screen.getByText('选修').className).toContain('chip--picked')
    fireEvent.click(screen.getByText('必修'))
    await typeInto(container, '必修年份', '2026')
    fireEvent.click(screen.getByText('部分党支部'))
    // Only open 党支部 are offered.
    expect(await screen.findByText('机关第二党支部')).toBeTruthy()

    fireEvent.click(screen.getByText('保存必修设置'))
    expect(await screen.findByText('请至少选择一个党支部')).toBeTruthy()
    expect(inputs('setBookRequirement')).toEqual([])

    fireEvent.click(screen.getByText('机关第二党支部'))
    fireEvent.click(screen.getByText('保存必修设置'))
    expect(await screen.findByText('已设为 2026 年必修：机关第二党支部')).toBeTruthy()

    fireEvent.click(screen.getByText('全部党支部'))
    fireEvent.click(screen.getByText('保存必修设置'))
    expect(await screen.findByText('已设为 2026 年必修：全部党支部')).toBeTruthy()

    fireEvent.click(screen.getByText('选修'))
    fireEvent.click(screen.getByText('保存必修设置'))
    expect(await screen.findByText('已设为选修')).toBeTruthy()
    expect(inputs('setBookRequirement')).toEqual([
      { bookId: 'book-1', year: 2026, branchIds: ['branch-2'] },
      { bookId: 'book-1', year: 2026, branchIds: [] },
      { bookId: 'book-1', year: null, branchIds: [] },
    ])
  })

  test('a requirement already set shows its year and 党支部', async () => {
    const { container } = await openBook(library(adminBook({ required: { year: 2025, branchIds: ['branch-1'] } }), [chapter(1)]))
    expect(screen.getByText('必修').className).toContain('chip--picked')
    expect((await field(container, '必修年份')).value).toBe('2025')
    expect(screen.getByText('部分党支部').className).toContain('chip--picked')
    expect((await screen.findByLabelText('机关第一党支部，已开启')).className).toContain('toggle--on')
    expect(screen.getByLabelText('机关第二党支部，已关闭')).toBeTruthy()
  })

  test('a year the server refuses is said, and the choice stays', async () => {
    const { container } = await openBook(library(adminBook(), [chapter(1)]))
    fireEvent.click(screen.getByText('必修'))
    await typeInto(container, '必修年份', '1999')
    fireEvent.click(screen.getByText('保存必修设置'))
    expect(await screen.findByText('年份无效')).toBeTruthy()
    expect((await field(container, '必修年份')).value).toBe('1999')
    expect(screen.getByText('必修').className).toContain('chip--picked')
  })

  test('上架 saves the form with the new status; a refusal is shown; 下架 asks first', async () => {
    let refuse = true
    const handlers = library(adminBook(), [chapter(1)])
    const { container } = await openBook({
      ...handlers,
      saveBook: (input) => (refuse ? fail('CONFLICT', '这本书还没有章节，至少添加一章后才能上架') : handlers.saveBook!(input)),
    })
    await typeInto(container, '简介', '新的简介。')
    fireEvent.click(screen.getByText('保存并上架'))
    expect(await screen.findByText('这本书还没有章节，至少添加一章后才能上架')).toBeTruthy()
    expect((await field(container, '简介')).value).toBe('新的简介。')

    refuse = false
    fireEvent.click(screen.getByText('保存并上架'))
    expect(await screen.findByText('已上架，党员可以在学习页看到这本书')).toBeTruthy()
    expect(inputs('saveBook').at(-1)).toEqual({
      id: 'book-1',
      title: '中国共产党简史',
      author: '学习圈编写组',
      summary: '新的简介。',
      categoryId: 'history',
      coverUrl: null,
      status: 'published',
    })
    expect(screen.getByText('状态：已发布 · 1 章 · 共 9 分钟')).toBeTruthy()

    fireEvent.click(screen.getByText('下架这本书'))
    expect(await screen.findByText('已下架')).toBeTruthy()
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '下架书目', confirmText: '下架' })
    expect(inputs('saveBook').at(-1)).toMatchObject({ id: 'book-1', status: 'retired' })
    expect(screen.getByText('上架')).toBeTruthy()
  })

  test('recommending a book', async () => {
    await openBook(library(adminBook({ status: 'published' }), [chapter(1)]))
    fireEvent.click(screen.getByText('推荐'))
    expect(await screen.findByText('已推荐，将显示在学习页的推荐栏目')).toBeTruthy()
    expect(inputs('setRecommended')).toEqual([{ kind: 'book', id: 'book-1', recommended: true }])
  })

  test('a new book is saved as a draft, then offers 必修 and chapters', async () => {
    serve(library(null))
    const { container } = render(<BookEditorPage />)
    await screen.findByText('新建书目')
    expect(screen.queryByText('必修与选修')).toBeNull()
    await typeInto(container, '书名', '平凡的坚守')
    await typeInto(container, '作者', '学习圈编写组')
    await typeInto(container, '简介', '基层党员的故事。')
    fireEvent.click(await screen.findByText('励志修养'))
    await typeInto(container, '封面图片地址（可不填）', 'https://media.example.cn/cover.jpg')
    fireEvent.click(screen.getByText('保存为草稿'))
    expect(await screen.findByText('已保存为草稿，接下来请添加章节')).toBeTruthy()
    expect(inputs('saveBook')).toEqual([
      {
        title: '平凡的坚守',
        author: '学习圈编写组',
        summary: '基层党员的故事。',
        categoryId: 'cultivation',
        coverUrl: 'https://media.example.cn/cover.jpg',
      },
    ])
    expect(screen.getByText('必修与选修')).toBeTruthy()
    expect(screen.getByText('还没有章节。至少添加一章后，这本书才能上架。')).toBeTruthy()
    fireEvent.click(screen.getByText('添加章节'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/chapter/index?bookId=book-new' })
  })
})

describe('章节', () => {
  async function openChapter(handlers: Handlers, params: Record<string, string>) {
    setRouterParams(params)
    serve(handlers)
    const view = render(<ChapterEditorPage />)
    await screen.findByText(/^(添加章节|编辑第 \d 章)$/)
    return view
  }

  test('a new chapter goes at the end of the book, with the same block editor', async () => {
    const { container } = await openChapter(library(adminBook(), [chapter(1), chapter(2), chapter(3)]), { bookId: 'book-1' })
    expect(screen.getByText('《中国共产党简史》的第 4 章')).toBeTruthy()
    await typeInto(container, '章节标题', '第四章')
    await typeInto(container, '段落', '改革开放和社会主义现代化建设新时期。')
    fireEvent.click(screen.getByText('+ 引用'))
    await typeInto(container, '引用的话', '实践是检验真理的唯一标准。')
    fireEvent.click(screen.getByLabelText('第 2 块上移'))
    expect(screen.getByText('预计阅读 1 分钟（按字数估算）')).toBeTruthy()
    fireEvent.click(screen.getByText('保存章节'))
    expect(await screen.findByText('已保存：第 4 章，预计 1 分钟')).toBeTruthy()
    expect(inputs('saveChapter')).toEqual([
      {
        bookId: 'book-1',
        title: '第四章',
        body: [
          { type: 'quote', text: '实践是检验真理的唯一标准。' },
          { type: 'paragraph', text: '改革开放和社会主义现代化建设新时期。' },
        ],
        audioUrl: null,
      },
    ])
    expect(screen.getByText('编辑第 4 章')).toBeTruthy()
    fireEvent.click(screen.getByText('保存章节'))
    await waitFor(() => expect(inputs('saveChapter')).toHaveLength(2))
    expect(inputs('saveChapter')[1]).toMatchObject({ id: 'chapter-new', title: '第四章' })
  })

  test('an existing chapter loads, and a failed save keeps what was typed', async () => {
    const { container } = await openChapter(
      library(adminBook(), [chapter(1), chapter(2, { audioUrl: 'https://media.example.cn/2.mp3' })], {
        saveChapter: () => fail('CONFLICT', '这本书刚刚被修改过，请刷新后重试'),
      }),
      { bookId: 'book-1', id: 'chapter-2' },
    )
    expect(screen.getByText('编辑第 2 章')).toBeTruthy()
    expect((await field(container, '章节标题')).value).toBe('第二章')
    expect((await field(container, '音频地址（可不填，用于听书）')).value).toBe('https://media.example.cn/2.mp3')
    await typeInto(container, '段落', '改过的正文。')
    fireEvent.click(screen.getByText('保存章节'))
    expect(await screen.findByText('这本书刚刚被修改过，请刷新后重试')).toBeTruthy()
    expect((await field(container, '段落')).value).toBe('改过的正文。')
  })

  test('a chapter that is no longer there says so', async () => {
    setRouterParams({ bookId: 'book-1', id: 'chapter-9' })
    serve(library(adminBook(), [chapter(1)]))
    render(<ChapterEditorPage />)
    expect(await screen.findByText('没有找到这一章，可能已被删除，请回到书目刷新')).toBeTruthy()
  })
})
