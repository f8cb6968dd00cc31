import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { leaveAndReturn, navigateTo, pullDownToRefresh, setClipboardData, setRouterParams } from '../support/taro-double'
import { weekMoved } from '../../src/hooks/useSharedWeek'
import HomePage from '../../src/pages/index/index'
import { useAsync } from '../../src/hooks/useAsync'
import { callFunction } from '../../src/services/cloud'
import WeeklyCard from '../../src/components/WeeklyCard'
import WeeklyPage from '../../src/pages/weekly/index'
import WeeklyEditPage from '../../src/packageAdmin/pages/weekly-edit/index'
import WeeklyProgressPage from '../../src/packageAdmin/pages/weekly-progress/index'
import type { ActionOutput, MyWeek, WeeklyItemProgress, WeeklyList } from '../../types'
import { contentRow, typeInto } from '../support/admin-content-fixtures'
import { homeAnswer, orgAdmin, profile, unitTree } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const member = { ...profile, roles: ['member' as const] }

const item = (over: Partial<WeeklyItemProgress> & { key: string }): WeeklyItemProgress => ({
  kind: 'article',
  refId: `a-${over.key}`,
  title: `文章${over.key}`,
  bookTitle: null,
  url: null,
  minutes: 5,
  required: true,
  done: false,
  discussed: false,
  creditedSeconds: 0,
  ...over,
})

function week(over: Partial<MyWeek> = {}): MyWeek {
  return {
    listId: 'weekly-1',
    week: '2025-11-17',
    intro: '本周重点学习党章',
    targetMinutes: 30,
    items: [
      item({ key: 'i1', title: '学习党章', done: true, creditedSeconds: 300 }),
      item({ key: 'i2', kind: 'chapter', refId: 'c-1', title: '第一章', bookTitle: '必读书', creditedSeconds: 120 }),
      item({ key: 'i3', kind: 'link', refId: null, title: '专题网页', url: 'https://example.org/x', minutes: null, required: false }),
    ],
    requiredDone: 1,
    requiredCount: 2,
    weekSeconds: 12 * 60 + 30,
    targetMet: false,
    finished: false,
    ...over,
  }
}

const myWeekly =
  (list: MyWeek | null = week()) =>
  () =>
    ok({ week: '2025-11-17', current: true, list })

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  setClipboardData.mockClear()
  setRouterParams({})
})

/** The card as 学习 shows it: loaded with getMyWeekly. */
function Card() {
  const weekly = useAsync(() => callFunction('getMyWeekly', {}))
  return <WeeklyCard weekly={weekly} />
}

describe('the 每周一学 card on 首页 and 学习', () => {
  test('shows this week’s progress and opens the list', async () => {
    serve({ getMyWeekly: myWeekly() })
    render(<Card />)
    expect(await screen.findByText('本周重点学习党章')).toBeTruthy()
    expect(screen.getByText('11月17日—11月23日')).toBeTruthy()
    expect(screen.getByText('必学 1/2 项')).toBeTruthy()
    expect(screen.getByText('还差 1 项')).toBeTruthy()
    expect(screen.getByText('本周已学 12 分钟')).toBeTruthy()
    fireEvent.click(screen.getByText('查看本周清单 ›'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/weekly/index' })
  })

  test('says so when everything required is done', async () => {
    serve({ getMyWeekly: myWeekly(week({ requiredDone: 2, finished: true, targetMet: true })) })
    render(<Card />)
    expect(await screen.findByText('已完成')).toBeTruthy()
    expect(screen.getByText('已达到目标')).toBeTruthy()
  })

  test('shows nothing in a week without a list', async () => {
    serve({ getMyWeekly: myWeekly(null) })
    const { container } = render(<Card />)
    await waitFor(() => expect(callsTo('getMyWeekly')).toHaveLength(1))
    await act(async () => undefined)
    expect(container.textContent).toBe('')
  })

  test('a failed load shows the message and 重试, which loads again', async () => {
    serve({ getMyWeekly: () => fail('INTERNAL', '系统繁忙，请稍后再试') })
    render(<Card />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    serve({ getMyWeekly: myWeekly() })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('必学 1/2 项')).toBeTruthy()
  })
})

describe('the week shared by 首页 and the 每周一学 page', () => {
  const home = (list: MyWeek) => ok(homeAnswer({ weekly: { week: '2025-11-17', current: true, list } }))
  const weeklyAsked = () => callsTo('getMyWeekly').length

  test('back on 首页 with nothing read, nothing is asked; after reading, the week is asked again', async () => {
    serve({ getHome: () => home(week()), getMyWeekly: myWeekly(week({ requiredDone: 2, finished: true })) })
    render(<HomePage />)
    expect(await screen.findByText('必学 1/2 项')).toBeTruthy()
    await act(async () => leaveAndReturn())
    expect(weeklyAsked()).toBe(0)
    // The reader credited time (or a reply was posted): the week's progress may have moved.
    weekMoved()
    await act(async () => leaveAndReturn())
    expect(await screen.findByText('必学 2/2 项')).toBeTruthy()
    // The card's list refreshed: its progress only.
    expect(callsTo('getMyWeekly').map(([, input]) => input)).toEqual([{ listId: 'weekly-1' }])
  })

  test('back on 首页 after the 每周一学 page asked the week since, its answer is shown without asking again', async () => {
    serve({
      getMe: () => ok(member),
      getHome: () => home(week()),
      getMyWeekly: myWeekly(week({ requiredDone: 2, finished: true })),
      listMyWeeks: () => ok({ items: [], nextCursor: null }),
    })
    const first = render(<HomePage />)
    expect(await within(first.container).findByText('必学 1/2 项')).toBeTruthy()
    weekMoved()
    render(<WeeklyPage />)
    await waitFor(() => expect(weeklyAsked()).toBe(1))
    await act(async () => leaveAndReturn())
    expect(await within(first.container).findByText('必学 2/2 项')).toBeTruthy()
    expect(callsTo('getMyWeekly').map(([, input]) => input)).toEqual([{ reminders: true }])
  })

  test('the 每周一学 page back from reading asks its list’s progress only', async () => {
    let read = 120
    serve({
      getMe: () => ok(member),
      getMyWeekly: () =>
        ok({
          week: '2025-11-17',
          current: true,
          list: week({ items: [item({ key: 'i2', kind: 'chapter', refId: 'c-1', title: '第一章', bookTitle: '必读书', creditedSeconds: read })] }),
        }),
      listMyWeeks: () => ok({ items: [], nextCursor: null }),
    })
    render(<WeeklyPage />)
    expect(await screen.findByText('已学 2 分钟，未读完')).toBeTruthy()
    read = 300
    weekMoved()
    await act(async () => leaveAndReturn())
    expect(await screen.findByText('已学 5 分钟，未读完')).toBeTruthy()
    expect(callsTo('getMyWeekly').map(([, input]) => input)).toEqual([{ reminders: true }, { listId: 'weekly-1' }])
  })
})

describe('the 每周一学 page', () => {
  const history = () =>
    ok({ items: [{ listId: 'weekly-0', week: '2025-11-10', requiredDone: 2, requiredCount: 2, targetMet: true, finished: true }], nextCursor: null })

  test('shows each item with the member’s progress, and past weeks when asked for', async () => {
    serve({ getMe: () => ok(member), getMyWeekly: myWeekly(), listMyWeeks: history })
    render(<WeeklyPage />)
    expect(await screen.findByText('学习党章')).toBeTruthy()
    expect(screen.getByText('学习党章').parentElement?.textContent).toContain('已完成')
    expect(screen.getByText('《必读书》第一章')).toBeTruthy()
    expect(screen.getByText('已学 2 分钟，未读完')).toBeTruthy()
    expect(screen.getByText('点按复制链接；在小组讨论中发言即计为完成')).toBeTruthy()
    expect(screen.getByText('还差 1 项')).toBeTruthy()
    expect(callsTo('listMyWeeks')).toHaveLength(0)
    fireEvent.click(screen.getByText('查看往周记录'))
    expect(await screen.findByText('11月10日—11月16日')).toBeTruthy()
    expect(screen.getByText('必学 2/2 项 · 学时达标')).toBeTruthy()
    // No "mark as done": a plain member has no completion view either.
    expect(screen.queryByText('查看完成情况')).toBeNull()
  })

  test('an article or chapter opens in the reader; a link is copied', async () => {
    serve({ getMe: () => ok(member), getMyWeekly: myWeekly(), listMyWeeks: history })
    render(<WeeklyPage />)
    fireEvent.click(await screen.findByText('《必读书》第一章'))
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/pages/reader/index?kind=chapter&id=c-1' })
    fireEvent.click(screen.getByText('专题网页'))
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'https://example.org/x' })
  })

  test('a leader opens the group’s completion', async () => {
    serve({ getMe: () => ok(profile), getMyWeekly: myWeekly(), listMyWeeks: history })
    render(<WeeklyPage />)
    fireEvent.click(await screen.findByText('查看完成情况'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageAdmin/pages/weekly-progress/index?listId=weekly-1' })
  })

  test('a week without a list says so; pulling down loads again', async () => {
    serve({ getMe: () => ok(member), getMyWeekly: myWeekly(null), listMyWeeks: () => ok({ items: [], nextCursor: null }) })
    render(<WeeklyPage />)
    expect(await screen.findByText('本周还没有发布每周一学清单，可以先到「学习」里自由阅读。')).toBeTruthy()
    fireEvent.click(screen.getByText('查看往周记录'))
    expect(await screen.findByText('还没有往周的学习清单')).toBeTruthy()
    serve({ getMe: () => ok(member), getMyWeekly: myWeekly(), listMyWeeks: history })
    await act(async () => pullDownToRefresh())
    expect(await screen.findByText('学习党章')).toBeTruthy()
  })

  test('a past week opens from its link and shows that week', async () => {
    setRouterParams({ week: '2025-11-10' })
    serve({
      getMe: () => ok(member),
      getMyWeekly: (input: { week?: string }) => ok({ week: input.week, current: false, list: week({ week: '2025-11-10' }) }),
      listMyWeeks: history,
    })
    render(<WeeklyPage />)
    expect(await screen.findByText('往周学习清单')).toBeTruthy()
    expect(callsTo('getMyWeekly').map(([, input]) => input)).toEqual([{ week: '2025-11-10' }])
  })
})

describe('composing a list (组织管理员)', () => {
  const saved = (over: Partial<WeeklyList> = {}): WeeklyList => ({
    _id: 'weekly-new',
    week: '2025-11-24',
    intro: '学习党章',
    targetMinutes: 30,
    branchIds: [],
    audience: '全体党员',
    items: [],
    status: 'draft',
    publishAt: '2025-11-24T00:00:00.000Z',
    publishedTo: null,
    updatedAt: '2025-11-20T02:00:00.000Z',
    ...over,
  })

  test('adds a published article, saves, and 定稿发布 schedules it', async () => {
    serve({
      getMe: () => ok(orgAdmin),
      listUnits: () => ok(unitTree),
      listContent: () => ok({ items: [contentRow({ _id: 'a-9', title: '新时代党的建设', status: 'published' })], nextCursor: null }),
      saveWeeklyList: (input: { week: string }) => ok(saved({ week: input.week })),
      scheduleWeeklyList: () => ok(saved({ status: 'scheduled' })),
    })
    const { container } = render(<WeeklyEditPage />)
    expect(await screen.findByText('学习内容（0 项）')).toBeTruthy()
    await typeInto(container, '导语', '学习党章')
    fireEvent.click(screen.getByText('添加文章'))
    fireEvent.click(await screen.findByText('新时代党的建设'))
    expect(await screen.findByText('学习内容（1 项）')).toBeTruthy()

    fireEvent.click(screen.getByText('定稿发布'))
    await waitFor(() => expect(callsTo('scheduleWeeklyList')).toHaveLength(1))
    const [[, input]] = callsTo('saveWeeklyList')
    expect(input).toMatchObject({ intro: '学习党章', targetMinutes: 30, branchIds: [], items: [{ kind: 'article', refId: 'a-9', required: true }] })
    expect(callsTo('scheduleWeeklyList')[0][1]).toEqual({ id: 'weekly-new', scheduled: true })
    expect(await screen.findByText('已定稿，将于11月24日（周一）08:00 发布')).toBeTruthy()
    expect(screen.getByText('撤回为草稿')).toBeTruthy()
  })

  test('shows the server’s refusal and keeps what was typed', async () => {
    serve({
      getMe: () => ok(orgAdmin),
      listUnits: () => ok(unitTree),
      saveWeeklyList: () => fail('INVALID_INPUT', '请至少添加一项学习内容'),
    })
    const { container } = render(<WeeklyEditPage />)
    await screen.findByText('学习内容（0 项）')
    await typeInto(container, '导语', '学习党章')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('请至少添加一项学习内容')).toBeTruthy()
    expect(container.querySelector('textarea')?.value).toBe('学习党章')
  })

  test('a member who is not 组织管理员 sees 没有权限 and nothing loads', async () => {
    serve({ getMe: () => ok(member) })
    render(<WeeklyEditPage />)
    expect(await screen.findByText('没有权限')).toBeTruthy()
    expect(callsTo('getWeeklyList')).toHaveLength(0)
  })
})

describe('completion (leaders and admins)', () => {
  const list: WeeklyList = {
    _id: 'weekly-1',
    week: '2025-11-17',
    intro: '本周重点',
    targetMinutes: 30,
    branchIds: [],
    audience: '全体党员',
    items: week().items,
    status: 'published',
    publishAt: '2025-11-17T00:00:00.000Z',
    publishedTo: 12,
    updatedAt: '2025-11-17T00:00:00.000Z',
  }
  const unit = (unitId: string, name: string, members: number, finished: number) => ({
    unitId,
    name,
    members,
    finished,
    targetMet: finished,
    itemsDone: [finished, finished, 0],
  })

  test('a leader sees the group’s completion per item and member by member', async () => {
    setRouterParams({ listId: 'weekly-1' })
    const data: ActionOutput<'getWeeklyProgress'> = {
      list,
      total: unit('group-1-1', '第一党小组', 2, 1),
      units: [],
      members: [
        { memberId: 'm-2', name: '李党员', requiredDone: 1, requiredCount: 2, targetMet: false, finished: false, left: ['第一章'] },
        { memberId: 'm-1', name: '王建国', requiredDone: 2, requiredCount: 2, targetMet: true, finished: true, left: [] },
      ],
    }
    serve({ getWeeklyProgress: () => ok(data) })
    render(<WeeklyProgressPage />)
    expect(await screen.findByText('第一党小组')).toBeTruthy()
    expect(screen.getByText('必学全部完成 1 人').previousSibling?.textContent).toBe('50%')
    expect(screen.getAllByText('1/2 人完成（50%）')).toHaveLength(2)
    expect(screen.getByText('链接材料，不统计完成情况')).toBeTruthy()
    expect(screen.getByText('还差：第一章')).toBeTruthy()
    expect(callsTo('getWeeklyProgress')[0][1]).toEqual({ listId: 'weekly-1' })

    // Each item can be put to the group's discussion, the prompt's link already chosen.
    const discuss = screen.getAllByText('发起讨论')
    expect(discuss).toHaveLength(3)
    fireEvent.click(discuss[1])
    expect(navigateTo).toHaveBeenCalledWith({
      url: `/packageGroup/pages/edit/index?groupId=group-1-1&linkKind=weekly&linkId=${encodeURIComponent('weekly-1:i2')}&linkTitle=${encodeURIComponent('《必读书》第一章')}`,
    })
  })

  test('an admin sees branches ranked and opens one', async () => {
    setRouterParams({ listId: 'weekly-1' })
    serve({
      getWeeklyProgress: () =>
        ok({
          list,
          total: unit('organisation', '全组织', 10, 6),
          units: [unit('branch-2', '机关第二党支部', 4, 3), unit('branch-1', '机关第一党支部', 6, 3)],
          members: [],
        }),
    })
    render(<WeeklyProgressPage />)
    expect(await screen.findByText('各党支部（完成率从高到低）')).toBeTruthy()
    // Discussion belongs to groups: nothing to start from the whole organisation.
    expect(screen.queryByText('发起讨论')).toBeNull()
    fireEvent.click(screen.getByText('机关第二党支部'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageAdmin/pages/weekly-progress/index?listId=weekly-1&branchId=branch-2' })
  })

  test('someone without reach is told 没有权限', async () => {
    setRouterParams({ listId: 'weekly-1', branchId: 'branch-2' })
    serve({ getWeeklyProgress: () => fail('FORBIDDEN', '你没有权限查看这些成员的每周一学完成情况') })
    render(<WeeklyProgressPage />)
    expect(await screen.findByText('你没有权限查看这些成员的每周一学完成情况')).toBeTruthy()
  })
})
