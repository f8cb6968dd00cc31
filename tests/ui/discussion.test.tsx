import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { navigateBack, navigateTo, redirectTo, requestSubscribeMessage, setClipboardData, setRouterParams, showModal, showToast } from '../support/taro-double'
import PromptPage from '../../src/packageGroup/pages/prompt/index'
import EditPromptPage from '../../src/packageGroup/pages/edit/index'
import NudgePage from '../../src/packageGroup/pages/nudge/index'
import type { MyWeek, ReplyThread } from '../../types'
import { groupWeek, promptDetail, replyOf, threadOf } from '../support/discussion-fixtures'
import { bookView, libraryBook, libraryPage } from '../support/library-fixtures'
import { profile, today as todayFeed } from '../support/ui-fixtures'
import { callsTo, composed, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
// The mini-program's way of asking: WeChat's requestSubscribeMessage.
jest.mock('../../src/services/subscribe', () => jest.requireActual('../../src/services/subscribe.weapp'))

beforeEach(() => {
  sendMock.mockReset()
  showModal.mockClear()
  showToast.mockClear()
  redirectTo.mockClear()
  navigateBack.mockClear()
  setRouterParams({ id: 'p-1' })
})

const page = (threads: ReplyThread[], nextCursor: string | null = null) => ok({ items: threads, nextCursor })
const today = { today: '2025-11-19', push: null, recent: [], recommended: [] }

/**
 * The thread page's calls for a member; `over` changes some. getThread answers the prompt and the
 * first page of replies as the server does, from the getPrompt and listReplies handlers.
 */
const threadCalls = (over: Handlers = {}): Handlers => {
  const handlers: Handlers = {
    getMe: () => ok(profile),
    getPrompt: () => ok(promptDetail()),
    listReplies: () => page([threadOf(replyOf(), [replyOf({ _id: 'r-2', parentId: 'r-1', authorName: '王建国', body: '同意。', mine: true })])]),
    ...over,
  }
  return {
    ...handlers,
    getThread: (input: { id: string }) =>
      composed({ prompt: handlers.getPrompt!(input), replies: handlers.listReplies!({ promptId: input.id }) }, (data) => ({ ...data, subscriptions: [] })),
  }
}

async function typeReply(container: HTMLElement, text: string) {
  await waitFor(() => expect(container.querySelector('textarea')).not.toBeNull())
  fireEvent.input(container.querySelector('textarea')!, { target: { value: text } })
}

const replyBox = (container: HTMLElement, id: string) => {
  const body = Array.from(container.querySelectorAll('.reply')).find((el) => el.querySelector('.reply__body')?.textContent && el.textContent?.includes(id))
  if (!body) throw new Error(`no reply containing ${id}`)
  return within(body as HTMLElement)
}

describe('the prompt thread', () => {
  test('shows the prompt, who took part and who has not, and the replies with their answers nested', async () => {
    serve(threadCalls())
    const { container } = render(<PromptPage />)
    expect(await screen.findByText('学习全会精神的体会')).toBeTruthy()
    expect(screen.getByText('1/2 人已参与')).toBeTruthy()
    expect(screen.getByText('还没参与：刘晓燕')).toBeTruthy()
    expect(await screen.findByText('要把学习成果转化为工作动力。')).toBeTruthy()
    const answer = container.querySelector('.reply--answer')
    expect(answer?.textContent).toContain('同意。')
    // The page is one call: the prompt with its first page of replies.
    expect(callsTo('getThread')).toEqual([['getThread', { id: 'p-1' }]])
    expect(callsTo('listReplies')).toEqual([])
    // A member has no leader tools.
    expect(screen.queryByText('精选')).toBeNull()
    expect(screen.queryByText('置顶')).toBeNull()
  })

  test('a reply is sent and shows at once, with the counts; a refusal from the server stays readable on the page', async () => {
    let replies: ReplyThread[] = []
    let attempt = 0
    serve(
      threadCalls({
        listReplies: () => page(replies),
        postReply: (input: { body: string }) => {
          if (++attempt === 1) return fail('INVALID_INPUT', '内容含有不适宜发布的信息，请修改后再提交')
          replies = [threadOf(replyOf({ _id: 'r-9', body: input.body, mine: true, authorName: '王建国' }))]
          return ok(replies[0])
        },
      }),
    )
    const { container } = render(<PromptPage />)
    expect(await screen.findByText('还没有回复，来说说你的看法吧')).toBeTruthy()

    await typeReply(container, '有问题的话')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(await screen.findByText('内容含有不适宜发布的信息，请修改后再提交')).toBeTruthy()

    await typeReply(container, '学以致用，知行合一。')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(await screen.findByText('学以致用，知行合一。')).toBeTruthy()
    const sent = callsTo('postReply').map(([, input]) => input as { body: string; requestKey: string })
    expect(sent.map((i) => i.body)).toEqual(['有问题的话', '学以致用，知行合一。'])
    // The refused text and its fixed version are one post: the same key goes with both attempts.
    expect(sent[0].requestKey).toMatch(/^[a-z0-9-]{8,64}$/)
    expect(sent[1].requestKey).toBe(sent[0].requestKey)
    expect(screen.queryByText('内容含有不适宜发布的信息，请修改后再提交')).toBeNull()
    // Shown from the server's answer to the post: nothing is loaded again.
    expect(callsTo('getThread')).toHaveLength(1)
    expect(callsTo('listReplies')).toHaveLength(0)
    expect(screen.getByText('回复 2')).toBeTruthy()
  })

  test('小组有新讨论题时提醒我 asks WeChat for the group’s prompt reminder and records it', async () => {
    const groupPrompt = { templateKey: 'groupPrompt' as const, templateId: 'tmpl-prompt', title: '小组讨论提醒', available: 0 }
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-prompt': 'accept' })
    const handlers = threadCalls({ recordSubscription: () => ok({ ...groupPrompt, available: 1 }) })
    serve({
      ...handlers,
      getThread: (input: { id: string }) =>
        composed({ prompt: handlers.getPrompt!(input), replies: handlers.listReplies!({ promptId: input.id }) }, (data) => ({
          ...data,
          subscriptions: [groupPrompt],
        })),
    })
    render(<PromptPage />)
    fireEvent.click(await screen.findByText('小组有新讨论题时提醒我'))
    expect(await screen.findByText('好的，已开启：小组讨论提醒（还可提醒 1 次）')).toBeTruthy()
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-prompt'], entityIds: [] })
    expect(callsTo('recordSubscription')).toEqual([['recordSubscription', { templateKey: 'groupPrompt', accepted: true }]])
  })

  test('发得太快了 from the rate limit is shown as the server says it', async () => {
    serve(threadCalls({ postReply: () => fail('RATE_LIMITED', '发得太快了，请休息一会儿，一分钟后再发') }))
    const { container } = render(<PromptPage />)
    await typeReply(container, '再发一条')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(await screen.findByText('发得太快了，请休息一会儿，一分钟后再发')).toBeTruthy()
  })

  test('answering a reply sends its id; the heading says whom, and after sending it is a plain reply again', async () => {
    serve(threadCalls({ postReply: (input) => ok(replyOf({ _id: 'r-3', parentId: input.parentId, body: input.body })) }))
    const { container } = render(<PromptPage />)
    await screen.findByText('要把学习成果转化为工作动力。')
    await act(async () => fireEvent.click(replyBox(container, '要把学习成果').getByText('回复')))
    expect(screen.getByText('回复 陈立新')).toBeTruthy()
    await typeReply(container, '赞同你的看法')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    await waitFor(() => expect(callsTo('postReply')[0][1]).toEqual({ promptId: 'p-1', parentId: 'r-1', body: '赞同你的看法', requestKey: expect.any(String) }))
    expect(await screen.findByText('写下你的看法')).toBeTruthy()
  })

  test('a like counts once and can be taken back; one’s own reply cannot be liked', async () => {
    serve(threadCalls({ likeReply: (input: { liked: boolean }) => ok(replyOf({ likedByMe: input.liked, likeCount: input.liked ? 1 : 0 })) }))
    const { container } = render(<PromptPage />)
    await screen.findByText('要把学习成果转化为工作动力。')
    await act(async () => fireEvent.click(replyBox(container, '要把学习成果').getByText('点赞 0')))
    expect(await screen.findByText('已赞 1')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('已赞 1')))
    expect(await replyBox(container, '要把学习成果').findByText('点赞 0')).toBeTruthy()
    expect(callsTo('likeReply').map(([, input]) => input)).toEqual([
      { id: 'r-1', liked: true },
      { id: 'r-1', liked: false },
    ])
    expect(replyBox(container, '同意。').queryByText('点赞 0')).toBeNull()
    expect(replyBox(container, '同意。').getByText('获赞 0')).toBeTruthy()
  })

  test('the author edits their reply (marked 已编辑) and deletes it after confirming: 该回复已删除 stays in place', async () => {
    const mine = replyOf({ _id: 'r-2', parentId: 'r-1', authorName: '王建国', body: '同意。', mine: true })
    serve(
      threadCalls({
        editReply: (input: { body: string }) => ok({ ...mine, body: input.body, editedAt: '2025-11-17T04:00:00.000Z' }),
        deleteReply: () => ok({ ...mine, body: '该回复已删除', status: 'deleted' }),
      }),
    )
    const { container } = render(<PromptPage />)
    await screen.findByText('同意。')
    await act(async () => fireEvent.click(replyBox(container, '同意。').getByText('修改')))
    expect(screen.getByText('修改我的回复')).toBeTruthy()
    await waitFor(() => expect(container.querySelector('textarea')?.value).toBe('同意。'))
    await typeReply(container, '完全同意。')
    await act(async () => fireEvent.click(screen.getByText('保存修改')))
    expect(await screen.findByText('完全同意。')).toBeTruthy()
    expect(replyBox(container, '完全同意。').getByText(/已编辑/)).toBeTruthy()

    await act(async () => fireEvent.click(replyBox(container, '完全同意。').getByText('删除')))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '删除回复', confirmText: '删除' })
    expect(await screen.findByText('该回复已删除')).toBeTruthy()
    expect(callsTo('deleteReply')).toEqual([['deleteReply', { id: 'r-2' }]])
  })

  test('a leader features a reply and hides one with a reason the members see', async () => {
    serve(
      threadCalls({
        getPrompt: () => ok(promptDetail({ canModerate: true })),
        featureReply: () => ok(replyOf({ featured: true })),
        hideReply: (input: { reason: string }) => ok(replyOf({ status: 'hidden', body: '该回复已被隐藏', hiddenReason: input.reason })),
      }),
    )
    const { container } = render(<PromptPage />)
    await screen.findByText('要把学习成果转化为工作动力。')
    await act(async () => fireEvent.click(replyBox(container, '要把学习成果').getByText('精选')))
    expect(await replyBox(container, '要把学习成果').findByText('取消精选')).toBeTruthy()
    expect(callsTo('featureReply')).toEqual([['featureReply', { id: 'r-1', featured: true }]])

    await act(async () => fireEvent.click(replyBox(container, '要把学习成果').getByText('隐藏')))
    await waitFor(() => expect(container.querySelector('.reply__hide input')).not.toBeNull())
    fireEvent.input(container.querySelector('.reply__hide input')!, { target: { value: '与讨论无关' } })
    await act(async () => fireEvent.click(screen.getByText('确认隐藏')))
    expect(await screen.findByText('该回复已被隐藏')).toBeTruthy()
    expect(screen.getByText('隐藏理由：与讨论无关')).toBeTruthy()
    expect(callsTo('hideReply')).toEqual([['hideReply', { id: 'r-1', reason: '与讨论无关' }]])
  })

  test('a leader pins and closes the prompt; a closed prompt takes no replies', async () => {
    let prompt = promptDetail({ canModerate: true })
    serve(
      threadCalls({
        getPrompt: () => ok(prompt),
        setPromptState: (input: { pinned?: boolean; status?: 'closed' }) => {
          prompt = {
            ...prompt,
            ...(input.pinned !== undefined ? { pinned: input.pinned } : {}),
            ...(input.status ? { status: input.status, canReply: false } : {}),
          }
          return ok(prompt)
        },
      }),
    )
    const { container } = render(<PromptPage />)
    await screen.findByText('结束讨论')
    await act(async () => fireEvent.click(screen.getByText('置顶')))
    expect(await screen.findByText('取消置顶')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('结束讨论')))
    expect(await screen.findByText('这个讨论题已结束，不能再回复')).toBeTruthy()
    expect(container.querySelector('textarea')).toBeNull()
    expect(screen.getByText('重新开放')).toBeTruthy()
    expect(callsTo('setPromptState').map(([, input]) => input)).toEqual([
      { id: 'p-1', pinned: true },
      { id: 'p-1', status: 'closed' },
    ])
  })

  test('a prompt of another group answers 没有权限: the page shows the server’s message', async () => {
    serve(
      threadCalls({
        getPrompt: () => fail('FORBIDDEN', '你没有权限查看这个党小组的讨论'),
        listReplies: () => fail('FORBIDDEN', '你没有权限查看这个党小组的讨论'),
      }),
    )
    render(<PromptPage />)
    expect(await screen.findByText('你没有权限查看这个党小组的讨论')).toBeTruthy()
    expect(screen.queryByText('发送')).toBeNull()
  })

  test('a prompt about an article opens it in the reader', async () => {
    serve(threadCalls({ getPrompt: () => ok(promptDetail({ link: { kind: 'article', id: 'a-1', title: '全会公报' } })) }))
    render(<PromptPage />)
    const link = await screen.findByText('关联学习：全会公报 ›')
    await act(async () => fireEvent.click(link))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/reader/index?kind=article&id=a-1' })
  })

  test('more replies load page by page', async () => {
    serve(
      threadCalls({
        listReplies: (input: { cursor?: string }) =>
          input.cursor
            ? page([threadOf(replyOf({ _id: 'r-old', body: '更早的回复' }))])
            : page([threadOf(replyOf({ _id: 'r-new', body: '最新的回复' }))], 'c-1'),
      }),
    )
    render(<PromptPage />)
    expect(await screen.findByText('最新的回复')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('加载更多')))
    expect(await screen.findByText('更早的回复')).toBeTruthy()
  })
})

describe('posting and editing a prompt', () => {
  test('a leader posts a prompt and lands on its thread; the server’s refusal is shown', async () => {
    setRouterParams({})
    let attempt = 0
    serve({
      getToday: () => ok(today),
      savePrompt: (input) =>
        ++attempt === 1
          ? fail('UNAVAILABLE', '内容安全检查暂时不可用，没有保存，请稍后再试')
          : ok(promptDetail({ _id: 'p-new', title: input.title, body: input.body })),
    })
    const { container } = render(<EditPromptPage />)
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '本周讨论：如何学以致用' } })
    fireEvent.input(container.querySelector('textarea')!, { target: { value: '请每人谈一点体会。' } })
    await act(async () => fireEvent.click(screen.getByText('发布')))
    expect(await screen.findByText('内容安全检查暂时不可用，没有保存，请稍后再试')).toBeTruthy()
    expect(redirectTo).not.toHaveBeenCalled()

    await act(async () => fireEvent.click(screen.getByText('发布')))
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packageGroup/pages/prompt/index?id=p-new' }))
    const [first, second] = callsTo('savePrompt').map(([, input]) => input as { requestKey?: string })
    expect(second).toEqual({ title: '本周讨论：如何学以致用', body: '请每人谈一点体会。', closesOn: null, link: null, requestKey: first.requestKey })
  })

  test('after posting, the leader sees what became of each member’s notice and can copy the words for those it missed', async () => {
    setRouterParams({})
    const announced = [
      { _id: 'm1', name: '李党员', result: 'sent' },
      { _id: 'm2', name: '王二', result: 'deferred' },
      { _id: 'm3', name: '赵三', result: 'noGrant' },
      { _id: 'm4', name: '钱四', result: 'dailyCap' },
    ]
    serve({ getToday: () => ok(today), savePrompt: (input) => ok({ ...promptDetail({ _id: 'p-new', title: input.title }), announced }) })
    const { container } = render(<EditPromptPage />)
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '本周讨论：如何学以致用' } })
    fireEvent.input(container.querySelector('textarea')!, { target: { value: '请每人谈一点体会。' } })
    await act(async () => fireEvent.click(screen.getByText('发布')))
    expect(await screen.findByText('已发送 1 人，稍后发送 1 人，2 人收不到')).toBeTruthy()
    expect(screen.getByText('夜间免打扰，早上 7:30 发送')).toBeTruthy()
    expect(screen.getByText('未订阅，没有发送')).toBeTruthy()
    expect(screen.getByText('已达当天上限，没有发送')).toBeTruthy()
    expect(redirectTo).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('复制提醒文字'))
    expect(setClipboardData).toHaveBeenCalledWith({ data: '赵三、钱四：小组发布了新的讨论题「本周讨论：如何学以致用」，请打开「学习圈」→「小组」参与讨论。' })
    fireEvent.click(screen.getByText('查看讨论'))
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packageGroup/pages/prompt/index?id=p-new' }))
  })

  test('an empty title is caught before anything is sent', async () => {
    setRouterParams({})
    serve({ getToday: () => ok(today) })
    const { container } = render(<EditPromptPage />)
    // The form's pickers have settled (their overlays must not outlive the test).
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    await act(async () => fireEvent.click(screen.getByText('发布')))
    expect(await screen.findByText('标题不能为空')).toBeTruthy()
    expect(callsTo('savePrompt')).toEqual([])
  })

  test('editing loads the prompt, saves the changes and goes back', async () => {
    const link = { kind: 'article' as const, id: 'a-1', title: '全会公报' }
    serve({ getToday: () => ok(today), getPrompt: () => ok(promptDetail({ link })), savePrompt: (input) => ok(promptDetail({ title: input.title })) })
    const { container } = render(<EditPromptPage />)
    await waitFor(() => expect((container.querySelector('input') as HTMLInputElement | null)?.value).toBe('学习全会精神的体会'))
    fireEvent.input(container.querySelector('input')!, { target: { value: '修改后的标题' } })
    await act(async () => fireEvent.click(screen.getByText('保存修改')))
    await waitFor(() => expect(navigateBack).toHaveBeenCalled())
    // The link it had stays.
    expect(callsTo('savePrompt')[0][1]).toEqual({ id: 'p-1', title: '修改后的标题', body: '请结合本职工作谈谈体会。', closesOn: null, link })
  })
})

describe('what a prompt is about (关联学习)', () => {
  const thisWeek: MyWeek = {
    listId: 'weekly-1',
    week: '2025-11-17',
    intro: '本周重点学习党章',
    targetMinutes: 30,
    items: [
      {
        key: 'i1',
        kind: 'article',
        refId: 'a-9',
        title: '学习党章',
        bookTitle: null,
        url: null,
        minutes: 5,
        required: true,
        done: false,
        discussed: false,
        creditedSeconds: 0,
      },
      {
        key: 'i2',
        kind: 'chapter',
        refId: 'c-1',
        title: '第一章',
        bookTitle: '必读书',
        url: null,
        minutes: 10,
        required: false,
        done: false,
        discussed: false,
        creditedSeconds: 0,
      },
    ],
    requiredDone: 0,
    requiredCount: 1,
    weekSeconds: 0,
    targetMet: false,
    finished: false,
  }
  const sources = {
    getMyWeekly: () => ok({ week: '2025-11-17', current: true, list: thisWeek }),
    listLibrary: () => ok(libraryPage([libraryBook({ requirement: 'required' })])),
    getBook: () => ok(bookView()),
    getToday: () => ok(todayFeed()),
    savePrompt: (input: { title: string }) => ok(promptDetail({ _id: 'p-new', title: input.title })),
  }
  const pickers = (container: HTMLElement) => container.querySelectorAll('taro-picker-core')
  /** Chooses the `index`-th entry of the `nth` picker on the page, as the platform answers. */
  const choose = (container: HTMLElement, nth: number, index: number) =>
    act(() => {
      pickers(container)[nth].dispatchEvent(new CustomEvent('change', { detail: { value: index } }))
    })

  /** What the link field shows as chosen. */
  const expectChosen = (container: HTMLElement, text: string) => waitFor(() => expect(container.querySelector('.link-picker__item')?.textContent).toBe(text))

  async function post(container: HTMLElement) {
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '谈谈体会' } })
    fireEvent.input(container.querySelector('textarea')!, { target: { value: '请每人谈一点体会。' } })
    await act(async () => fireEvent.click(screen.getByText('发布')))
    await waitFor(() => expect(redirectTo).toHaveBeenCalled())
    return callsTo('savePrompt')[0][1] as { link: unknown; groupId?: string }
  }

  test('offers this week’s 每周一学 items; the chosen item is posted as the weekly link that counts replies as discussed', async () => {
    setRouterParams({})
    serve(sources)
    const { container } = render(<EditPromptPage />)
    expect(await screen.findByText('不关联')).toBeTruthy()
    // Nothing is fetched before a kind is chosen.
    expect(sendMock).not.toHaveBeenCalled()

    choose(container, 0, 1)
    await expectChosen(container, '从本周每周一学中选择')
    choose(container, 1, 1)
    await expectChosen(container, '《必读书》第一章')
    const input = await post(container)
    expect(input.link).toEqual({ kind: 'weekly', id: 'weekly-1:i2', title: '《必读书》第一章' })
    expect(input.groupId).toBeUndefined()
  })

  test('offers the required books’ chapters and the recent articles; switching kinds drops a link of the other kind', async () => {
    setRouterParams({})
    serve(sources)
    const { container } = render(<EditPromptPage />)
    await screen.findByText('不关联')

    choose(container, 0, 2)
    await expectChosen(container, '从必读书目章节中选择')
    expect(callsTo('listLibrary')).toEqual([['listLibrary', { kind: 'book', shelf: 'required' }]])
    expect(callsTo('getBook')).toEqual([['getBook', { id: 'book-1' }]])
    choose(container, 1, 2)
    await expectChosen(container, '《共产党宣言导读》无产者和共产党人')

    choose(container, 0, 3)
    await expectChosen(container, '从近期文章中选择')
    choose(container, 1, 1)
    await expectChosen(container, '读原著要“慢”下来')
    expect((await post(container)).link).toEqual({ kind: 'article', id: 'a-2', title: '读原著要“慢”下来' })
  })

  test('says when there is nothing to choose, and shows a failed load with a retry', async () => {
    setRouterParams({})
    let attempts = 0
    serve({
      ...sources,
      getMyWeekly: () => ok({ week: '2025-11-17', current: true, list: null }),
      listLibrary: () => (++attempts === 1 ? fail('UNAVAILABLE', '网络不太好，请稍后再试') : ok(libraryPage([]))),
    })
    const { container } = render(<EditPromptPage />)
    await screen.findByText('不关联')
    choose(container, 0, 1)
    expect(await screen.findByText('本周还没有发给本组的每周一学清单')).toBeTruthy()
    choose(container, 0, 2)
    expect(await screen.findByText('网络不太好，请稍后再试')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('重试')))
    expect(await screen.findByText('今年还没有必读书目')).toBeTruthy()
  })

  test('started from a 每周一学 item, the form comes with the group and the link filled in', async () => {
    setRouterParams({ groupId: 'group-1-1', linkKind: 'weekly', linkId: encodeURIComponent('weekly-1:i1'), linkTitle: encodeURIComponent('学习党章') })
    serve(sources)
    const { container } = render(<EditPromptPage />)
    expect(await screen.findByText('本周每周一学')).toBeTruthy()
    await expectChosen(container, '学习党章')
    expect(await post(container)).toMatchObject({ groupId: 'group-1-1', link: { kind: 'weekly', id: 'weekly-1:i1', title: '学习党章' } })
  })

  test('a malformed link in the address is ignored', async () => {
    setRouterParams({ linkKind: 'book', linkId: 'x', linkTitle: '无效' })
    serve(sources)
    const { container } = render(<EditPromptPage />)
    expect(await screen.findByText('不关联')).toBeTruthy()
    expect((await post(container)).link).toBeNull()
  })
})

describe('nudging', () => {
  const leader = { ...profile, memberId: 'm-2', name: '陈立新' }

  test('lists the members behind (not the leader) and says what each reminder did: only a sent one counts as reminded', async () => {
    let week = groupWeek({
      members: [...groupWeek().members, { memberId: 'm-2b', name: '孙浩然', isLeader: false, checkedDays: [], minutes: 0, behind: true, nudge: null }],
    })
    serve({
      getMe: () => ok(leader),
      getGroupWeek: () => ok(week),
      nudgeMembers: () => {
        week = groupWeek({
          members: week.members.map((m) =>
            m.memberId === 'm-1' ? { ...m, nudge: 'sent' as const } : m.memberId === 'm-2b' ? { ...m, nudge: 'noGrant' as const } : m,
          ),
        })
        return ok({
          results: [
            { _id: 'm-1', name: '王建国', result: 'sent', repeated: false },
            { _id: 'm-2b', name: '孙浩然', result: 'noGrant', repeated: false },
          ],
        })
      },
    })
    const { container } = render(<NudgePage />)
    expect(await screen.findByText('王建国')).toBeTruthy()
    expect(container.querySelectorAll('.nudge-row')).toHaveLength(2)
    expect(screen.getByText('5 分钟 · 待提醒')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('提醒 2 人')))
    expect(await screen.findByText('5 分钟 · 今天的提醒已发送')).toBeTruthy()
    expect(screen.getByText('0 分钟 · 今天的提醒未订阅，没有发送')).toBeTruthy()
    expect(screen.getByText('已发送 1 人，1 人收不到')).toBeTruthy()
    fireEvent.click(screen.getByText('复制提醒文字'))
    expect(setClipboardData).toHaveBeenCalledWith({ data: expect.stringMatching(/^孙浩然：本周学习还没有跟上（每周目标 30 分钟，到今天应学 13 分钟）/) })
    expect(screen.getByText('今天都已提醒过')).toBeTruthy()
    expect(callsTo('nudgeMembers')).toEqual([['nudgeMembers', {}]])
  })

  test('the leader, behind too, is not on their own list', async () => {
    serve({ getMe: () => ok({ ...profile, memberId: 'm-1' }), getGroupWeek: () => ok(groupWeek()) })
    render(<NudgePage />)
    expect(await screen.findByText('本周大家都跟上了进度')).toBeTruthy()
  })
})
