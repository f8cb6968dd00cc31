import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setRouterParams, showModal } from '../support/taro-double'
import ArticleEditorPage from '../../src/packageAdmin/pages/article/index'
import type { AdminArticle } from '../../types'
import { adminArticle, categories, field, typeInto } from '../support/admin-content-fixtures'
import { orgAdmin } from '../support/ui-fixtures'
import { actionsSent, callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'
import { fixClock } from '../support/fixed-clock'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const NOW = new Date('2025-11-20T02:00:00.000Z')

/** saveArticle answers what was sent, as a stored draft (or the edited article). */
function editor(initial: AdminArticle | null, over: Handlers = {}): Handlers {
  let stored = initial
  return {
    getMe: () => ok(orgAdmin),
    listCategories: () => ok(categories),
    getContent: () => (stored ? ok({ kind: 'article', article: stored }) : fail('NOT_FOUND', '没有找到这篇文章')),
    saveArticle: (input) => {
      const { id: _id, audioUrl, videoUrl, ...fields } = input
      stored = adminArticle({ ...stored, ...fields, _id: stored?._id ?? 'article-new', status: stored?.status ?? 'draft' })
      if (audioUrl) stored.audioUrl = audioUrl
      if (videoUrl) stored.videoUrl = videoUrl
      return ok(stored)
    },
    ...over,
  }
}

const calls = (name: 'saveArticle' | 'scheduleArticle' | 'retireArticle' | 'setRecommended') => callsTo(name).map(([, input]) => input)

beforeEach(() => {
  sendMock.mockReset()
  showModal.mockClear()
  setRouterParams({})
  fixClock(NOW)
})

afterEach(() => {
  jest.useRealTimers()
})

async function openNew(handlers: Handlers) {
  serve(handlers)
  const view = render(<ArticleEditorPage />)
  await screen.findByText('新建文章')
  await screen.findByText('政治理论')
  return view
}

async function openExisting(article: AdminArticle, over: Handlers = {}) {
  setRouterParams({ id: article._id })
  serve(editor(article, over))
  const view = render(<ArticleEditorPage />)
  await screen.findByText('编辑文章')
  return view
}

/** The date picker answers as the platform does when a day is chosen. */
function pickDay(container: HTMLElement, day: string) {
  const picker = container.querySelector('taro-picker-core')!
  act(() => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: day } }))
  })
}

test('a new article: the body is built block by block and saved as a draft', async () => {
  const { container } = await openNew(editor(null))
  await typeInto(container, '标题', '在学思践悟中坚定理想信念')
  await typeInto(container, '摘要', '读原著、学原文、悟原理。')
  await typeInto(container, '来源', '学习圈编辑部')
  fireEvent.click(screen.getByText('历史文化'))
  await typeInto(container, '音频地址（可不填）', 'https://media.example.cn/a.mp3')

  // The first paragraph is there to type into; then a heading, a quote and an image are added.
  await typeInto(container, '段落', '理想信念是共产党人精神上的钙。')
  fireEvent.click(screen.getByText('+ 小标题'))
  await typeInto(container, '小标题', '一、学而信')
  fireEvent.click(screen.getByText('+ 引用'))
  await typeInto(container, '引用的话', '学习是文明传承之途。')
  await typeInto(container, '出处（可不填）', '《论学习》')
  fireEvent.click(screen.getByText('+ 图片'))
  await typeInto(container, '图片地址', ' https://media.example.cn/p.jpg ')
  fireEvent.click(screen.getByText('+ 段落'))
  await typeInto(container, '段落', '不用的段落', 1)

  // The heading goes first; the spare paragraph is removed (it has text: asked first).
  fireEvent.click(screen.getByLabelText('第 2 块上移'))
  fireEvent.click(screen.getByLabelText('删除第 5 块'))
  await waitFor(() => expect(screen.queryByText('第 5 块 · 段落')).toBeNull())
  expect(showModal.mock.calls[0][0]).toMatchObject({ title: '删除这一块', confirmText: '删除' })
  expect(Array.from(container.querySelectorAll('.body-block__name')).map((n) => n.textContent)).toEqual([
    '第 1 块 · 小标题',
    '第 2 块 · 段落',
    '第 3 块 · 引用',
    '第 4 块 · 图片',
  ])

  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('已保存为草稿')).toBeTruthy()
  expect(calls('saveArticle')).toEqual([
    {
      title: '在学思践悟中坚定理想信念',
      summary: '读原著、学原文、悟原理。',
      source: '学习圈编辑部',
      categoryId: 'history',
      body: [
        { type: 'heading', text: '一、学而信' },
        { type: 'paragraph', text: '理想信念是共产党人精神上的钙。' },
        { type: 'quote', text: '学习是文明传承之途。', cite: '《论学习》' },
        { type: 'image', url: 'https://media.example.cn/p.jpg' },
      ],
      audioUrl: 'https://media.example.cn/a.mp3',
      videoUrl: null,
      videoSeconds: null,
      videoCoverUrl: null,
    },
  ])
  // Now it exists: the next save edits it, and it can be scheduled.
  expect(screen.getByText('编辑文章')).toBeTruthy()
  expect(screen.getByText('草稿：还没有安排推送。')).toBeTruthy()
  await typeInto(container, '标题', '坚定理想信念')
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('已保存')).toBeTruthy()
  expect(calls('saveArticle')[1]).toMatchObject({ id: 'article-new', title: '坚定理想信念' })
})

test('a block left empty is named, and nothing is sent', async () => {
  const { container } = await openNew(editor(null))
  await typeInto(container, '段落', '第一段。')
  fireEvent.click(screen.getByText('+ 段落'))
  fireEvent.click(screen.getByText('+ 图片'))
  await typeInto(container, '段落', '第二段。', 1)
  await typeInto(container, '图片地址', 'ftp://media.example.cn/p.jpg')
  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('正文第 3 块（图片）的图片地址应以 http:// 或 https:// 开头')).toBeTruthy()

  await typeInto(container, '图片地址', 'https://media.example.cn/p.jpg')
  fireEvent.click(screen.getByText('+ 小标题'))
  await typeInto(container, '小标题', '题'.repeat(101))
  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('正文第 4 块（小标题）的文字最多 100 个字')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('删除第 4 块'))
  await waitFor(() => expect(container.querySelectorAll('.body-block')).toHaveLength(3))

  await typeInto(container, '段落', '   ', 1)
  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('正文第 2 块（段落）的文字不能为空')).toBeTruthy()

  // Removing the last block leaves no body at all.
  for (const n of [3, 2, 1]) {
    fireEvent.click(screen.getByLabelText(`删除第 ${n} 块`))
    await waitFor(() => expect(container.querySelectorAll('.body-block')).toHaveLength(n - 1))
  }
  expect(screen.getByText('还没有正文，请在下面添加段落。')).toBeTruthy()
  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('正文不能为空，请至少添加一段')).toBeTruthy()
  expect(calls('saveArticle')).toEqual([])
})

test("the server's validation message is shown by the form, and everything typed stays", async () => {
  const { container } = await openNew(editor(null, { saveArticle: () => fail('INVALID_INPUT', '没有这个分类，请重新选择') }))
  await typeInto(container, '标题', '在学思践悟中坚定理想信念')
  await typeInto(container, '摘要', '读原著、学原文、悟原理。')
  await typeInto(container, '来源', '学习圈编辑部')
  fireEvent.click(screen.getByText('经济管理'))
  await typeInto(container, '段落', '理想信念是共产党人精神上的钙。')
  fireEvent.click(screen.getByText('保存为草稿'))

  const message = await screen.findByText('没有这个分类，请重新选择')
  expect(message.className).toContain('message--error')
  expect((await field(container, '标题')).value).toBe('在学思践悟中坚定理想信念')
  expect((await field(container, '摘要')).value).toBe('读原著、学原文、悟原理。')
  expect((await field(container, '来源')).value).toBe('学习圈编辑部')
  expect((await field(container, '段落')).value).toBe('理想信念是共产党人精神上的钙。')
  expect(screen.getByText('经济管理').className).toContain('chip--picked')
  expect(screen.getByText('新建文章')).toBeTruthy()
})

test('a title over the limit is refused with the contract message before sending', async () => {
  const { container } = await openNew(editor(null))
  await typeInto(container, '标题', '长'.repeat(65))
  await typeInto(container, '摘要', '摘要')
  await typeInto(container, '来源', '来源')
  fireEvent.click(screen.getByText('政治理论'))
  await typeInto(container, '段落', '正文')
  fireEvent.click(screen.getByText('保存为草稿'))
  expect(await screen.findByText('标题最多 64 个字')).toBeTruthy()
  expect((await field(container, '标题')).value).toBe('长'.repeat(65))
  expect(calls('saveArticle')).toEqual([])
})

test('an article loads into the form, and a cleared audio link is removed on saving', async () => {
  const { container } = await openExisting(adminArticle({ audioUrl: 'https://media.example.cn/a.mp3' }))
  expect((await field(container, '标题')).value).toBe('在学思践悟中坚定理想信念')
  expect((await field(container, '小标题')).value).toBe('一、学而信')
  expect((await field(container, '段落')).value).toBe('理想信念是共产党人精神上的钙。')
  expect(screen.getByText('政治理论').className).toContain('chip--picked')
  expect(screen.getByText('状态：草稿 · 预计阅读 1 分钟')).toBeTruthy()
  await typeInto(container, '音频地址（可不填）', '')
  fireEvent.click(screen.getByText('保存'))
  expect(await screen.findByText('已保存')).toBeTruthy()
  expect(calls('saveArticle')[0]).toMatchObject({ id: 'article-1', audioUrl: null, videoUrl: null })
})

describe('推送', () => {
  const scheduled = (input: { id: string; day: string | null }) =>
    ok(input.day ? adminArticle({ status: 'scheduled', scheduledFor: input.day }) : adminArticle({ status: 'queued' }))

  test('scheduling for a Beijing day from today on, then back into the queue', async () => {
    const { container } = await openExisting(adminArticle(), { scheduleArticle: scheduled })
    const picker = container.querySelector('taro-picker-core') as HTMLElement & { start?: string }
    // 2025-11-20 02:00 UTC is 10:00 in Beijing: today is the 20th there.
    expect(picker.start).toBe('2025-11-20')

    pickDay(container, '2025-11-25')
    expect(await screen.findByText('已排在 2025年11月25日 推送')).toBeTruthy()
    expect(calls('scheduleArticle')).toEqual([{ id: 'article-1', day: '2025-11-25' }])
    expect(screen.getByText('已排期：2025年11月25日 早上 7:30 推送。')).toBeTruthy()
    // Nothing was changed: nothing saved first.
    expect(calls('saveArticle')).toEqual([])

    fireEvent.click(screen.getByText('取消排期，放入待推送队列'))
    expect(await screen.findByText('已放入待推送队列')).toBeTruthy()
    expect(calls('scheduleArticle')[1]).toEqual({ id: 'article-1', day: null })
    expect(screen.getByText(/^在待推送队列中/)).toBeTruthy()
    expect(screen.queryByText('放入待推送队列')).toBeNull()
  })

  test('Beijing today after 16:00 UTC is already the next day', async () => {
    jest.setSystemTime(new Date('2025-11-20T16:30:00.000Z'))
    const { container } = await openExisting(adminArticle())
    const picker = container.querySelector('taro-picker-core') as HTMLElement & { start?: string }
    expect(picker.start).toBe('2025-11-21')
  })

  test('changes not yet saved are saved before scheduling', async () => {
    const { container } = await openExisting(adminArticle(), { scheduleArticle: scheduled })
    await typeInto(container, '标题', '新的标题')
    expect(screen.getByText('有未保存的修改：安排推送时会先保存。')).toBeTruthy()
    fireEvent.click(screen.getByText('放入待推送队列'))
    expect(await screen.findByText('已放入待推送队列')).toBeTruthy()
    expect(calls('saveArticle')).toEqual([expect.objectContaining({ id: 'article-1', title: '新的标题' })])
    expect(
      actionsSent()
        .map(([n]) => n)
        .filter((n) => n === 'saveArticle' || n === 'scheduleArticle'),
    ).toEqual(['saveArticle', 'scheduleArticle'])
    expect(screen.queryByText('有未保存的修改：安排推送时会先保存。')).toBeNull()
  })

  test('a refused schedule says why, next to the schedule', async () => {
    const { container } = await openExisting(adminArticle(), {
      scheduleArticle: () => fail('CONFLICT', '今天的推送已经发布，请排到明天或以后'),
    })
    pickDay(container, '2025-11-20')
    const message = await screen.findByText('今天的推送已经发布，请排到明天或以后')
    expect(message.className).toContain('message--error')
    expect(screen.getByText('草稿：还没有安排推送。')).toBeTruthy()
  })

  test('recommending and no longer recommending', async () => {
    await openExisting(adminArticle({ status: 'published', publishedOn: '2025-11-18' }), {
      setRecommended: (input) => ok(input),
    })
    expect(screen.getByText('已发布：2025年11月18日 推送。')).toBeTruthy()
    // A published article is not scheduled again.
    expect(screen.queryByText('排到某一天推送')).toBeNull()
    fireEvent.click(screen.getByText('推荐'))
    expect(await screen.findByText('已推荐，将显示在首页的「推荐阅读」')).toBeTruthy()
    fireEvent.click(screen.getByText('推荐'))
    expect(await screen.findByText('已取消推荐')).toBeTruthy()
    expect(calls('setRecommended')).toEqual([
      { kind: 'article', id: 'article-1', recommended: true },
      { kind: 'article', id: 'article-1', recommended: false },
    ])
  })

  test('retiring asks first; once retired the article can no longer be changed', async () => {
    await openExisting(adminArticle({ status: 'queued' }), {
      retireArticle: () => ok(adminArticle({ status: 'retired' })),
    })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(screen.getByText('下线这篇文章'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '下线文章', confirmText: '下线' })
    expect(calls('retireArticle')).toEqual([])

    fireEvent.click(screen.getByText('下线这篇文章'))
    expect(await screen.findByText('已下线')).toBeTruthy()
    expect(calls('retireArticle')).toEqual([{ id: 'article-1' }])
    expect(screen.getByText('这篇文章已下线，不能再修改。')).toBeTruthy()
    for (const gone of ['保存', '下线这篇文章', '推荐', '放入待推送队列', '+ 段落']) expect(screen.queryByText(gone)).toBeNull()
  })
})

test('an article that cannot be found says so', async () => {
  setRouterParams({ id: 'article-9' })
  serve(editor(null))
  render(<ArticleEditorPage />)
  expect(await screen.findByText('没有找到这篇文章')).toBeTruthy()
  expect(screen.getByText('重试')).toBeTruthy()
})
