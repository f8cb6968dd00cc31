import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, pullDownToRefresh, stopPullDownRefresh } from '../support/taro-double'
import GroupPage from '../../src/pages/group/index'
import type { ActionOutput, GroupMember } from '../../types'
import { groupWeek, promptSummary } from '../support/discussion-fixtures'
import { profile } from '../support/ui-fixtures'
import { composed, callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const person = (id: string, name: string, over: Partial<GroupMember> = {}): GroupMember => ({
  _id: id,
  name,
  displayName: null,
  avatarUrl: null,
  roles: ['member'],
  isLeader: false,
  ...over,
})

const view = (members: GroupMember[]): ActionOutput<'getGroup'> => ({
  group: { _id: 'group-1-1', name: '第一党小组', archived: false, branchId: 'branch-1', branchName: '机关第一党支部' },
  members,
  prompts: { items: [], nextCursor: null },
})

const members = [
  person('m-2', '陈立新', { roles: ['member', 'leader'], isLeader: true }),
  person('m-1', '王建国'),
  person('m-3', '刘晓燕', { displayName: '燕子' }),
]

/** A plain member: no week view, no posting. */
const member = { ...profile, roles: ['member' as const] }
const noPrompts = () => ok({ items: [], nextCursor: null })
/**
 * The group page's calls, for a member or (with the week) a leader. getGroup answers the first page
 * of prompts as the server does, from the listPrompts handler.
 */
const groupCalls = (over: Handlers = {}): Handlers => {
  const handlers: Handlers = {
    getMe: () => ok(member),
    getGroup: () => ok(view(members)),
    listPrompts: noPrompts,
    getGroupWeek: () => ok(groupWeek()),
    ...over,
  }
  return {
    ...handlers,
    getGroup: (input) =>
      composed({ view: handlers.getGroup!(input), prompts: handlers.listPrompts!({}) }, ({ view, prompts }) => ({ ...(view as object), prompts })),
  }
}

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  stopPullDownRefresh.mockClear()
})

test("shows the member's group: name, branch, count and members, leaders first and marked", async () => {
  serve(groupCalls())
  const { container } = render(<GroupPage />)
  expect(screen.getByText('正在加载小组…')).toBeTruthy()
  expect(await screen.findByText('第一党小组')).toBeTruthy()
  expect(screen.getByText('机关第一党支部')).toBeTruthy()
  expect(screen.getByText('共 3 名党员，党小组长 陈立新')).toBeTruthy()
  expect(callsTo('getGroup')).toEqual([['getGroup', {}]])

  const rows = Array.from(container.querySelectorAll('.group-member'))
  expect(rows.map((r) => r.querySelector('.group-member__name')?.textContent)).toEqual(['陈立新', '王建国', '燕子'])
  expect(rows[0].textContent).toContain('党小组长')
  expect(rows[1].textContent).not.toContain('党小组长')
  // The member themself is marked; a display name comes with the real name under it.
  expect(rows[1].textContent).toContain('我')
  expect(rows[2].textContent).toContain('刘晓燕')
  // A plain member sees the discussion, not the week view, and cannot post.
  expect(await screen.findByText('还没有讨论题')).toBeTruthy()
  expect(screen.queryByText('本周学习')).toBeNull()
  expect(screen.queryByText('发布讨论题')).toBeNull()
  expect(callsTo('getGroupWeek')).toEqual([])
})

test('an empty group says so', async () => {
  serve(groupCalls({ getGroup: () => ok(view([])) }))
  render(<GroupPage />)
  expect(await screen.findByText('这个党小组还没有成员')).toBeTruthy()
  expect(screen.getByText('共 0 名党员')).toBeTruthy()
})

test('a failure shows the message and 重试, which loads again', async () => {
  let attempts = 0
  serve(groupCalls({ getGroup: () => (++attempts === 1 ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(view(members))) }))
  render(<GroupPage />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByText('重试')))
  expect(await screen.findByText('共 3 名党员，党小组长 陈立新')).toBeTruthy()
})

test('pulling down reloads the group', async () => {
  let list = members.slice(0, 2)
  serve(groupCalls({ getGroup: () => ok(view(list)) }))
  render(<GroupPage />)
  expect(await screen.findByText('共 2 名党员，党小组长 陈立新')).toBeTruthy()
  list = members
  await act(async () => pullDownToRefresh())
  expect(await screen.findByText('共 3 名党员，党小组长 陈立新')).toBeTruthy()
  await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1))
})

test('someone not registered is sent to register', async () => {
  serve({
    getMe: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册'),
    getGroup: () => fail('NOT_REGISTERED', '你还没有注册，请先完成实名注册'),
  })
  render(<GroupPage />)
  expect(await screen.findByText('你还没有注册')).toBeTruthy()
  await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' }))
  expect(screen.queryByText('你还没有注册，请先完成实名注册')).toBeNull()
})

test("the group's prompts: pinned first as the server orders them, with replies and participation; tapping opens the thread", async () => {
  serve(
    groupCalls({
      listPrompts: () =>
        ok({
          items: [
            promptSummary({ _id: 'p-2', title: '置顶的讨论题', pinned: true, replyCount: 4, participantCount: 3 }),
            promptSummary({ _id: 'p-1', title: '上周的讨论题', status: 'closed', closesOn: '2025-11-16' }),
          ],
          nextCursor: null,
        }),
    }),
  )
  const { container } = render(<GroupPage />)
  expect(await screen.findByText('置顶的讨论题')).toBeTruthy()
  const cards = Array.from(container.querySelectorAll('.prompt-card'))
  expect(cards.map((c) => c.querySelector('.prompt-card__title')?.textContent)).toEqual(['置顶的讨论题', '上周的讨论题'])
  expect(cards[0].textContent).toContain('置顶')
  expect(cards[0].textContent).toContain('4 条回复 · 3 人参与')
  expect(cards[1].textContent).toContain('已结束')
  expect(cards[1].textContent).toContain('11月16日截止')
  await act(async () => fireEvent.click(screen.getByText('上周的讨论题')))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageGroup/pages/prompt/index?id=p-1' })
})

test('more prompts load page by page', async () => {
  serve(
    groupCalls({
      listPrompts: (input: { cursor?: string }) =>
        ok(
          input.cursor === 'c-1'
            ? { items: [promptSummary({ _id: 'p-old', title: '更早的讨论题' })], nextCursor: null }
            : { items: [promptSummary({ _id: 'p-new', title: '最新的讨论题' })], nextCursor: 'c-1' },
        ),
    }),
  )
  render(<GroupPage />)
  expect(await screen.findByText('最新的讨论题')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByText('加载更多')))
  expect(await screen.findByText('更早的讨论题')).toBeTruthy()
  expect(callsTo('listPrompts').map(([, input]) => input)).toEqual([{ cursor: 'c-1' }])
  expect(screen.getByText('已经到底了，共 2 条')).toBeTruthy()
})

test('a leader sees the week: who checked in which days, minutes against the target, open prompts; and may post and nudge', async () => {
  serve(groupCalls({ getMe: () => ok(profile) }))
  const { container } = render(<GroupPage />)
  expect(await screen.findByText('每周目标 30 分钟，到今天应达 13 分钟；1 人落后。')).toBeTruthy()
  const rows = Array.from(container.querySelectorAll('.week-member'))
  expect(rows.map((r) => r.querySelector('.week-member__name')?.textContent)).toEqual(['陈立新', '王建国'])
  expect(rows[0].querySelector('.week-member__minutes')?.textContent).toBe('35/30 分钟')
  expect(rows[1].querySelector('.week-member__minutes')?.textContent).toBe('5/30 分钟 · 落后')
  // 陈立新 checked in Monday and Tuesday; 王建国 on Monday only.
  expect(rows[0].querySelectorAll('.week-day--done')).toHaveLength(2)
  expect(rows[1].querySelectorAll('.week-day--done')).toHaveLength(1)
  expect(screen.getByText('进行中的讨论')).toBeTruthy()
  expect(screen.getByText(/1\/2 人参与/)).toBeTruthy()

  await act(async () => fireEvent.click(screen.getByText('提醒落后的成员')))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageGroup/pages/nudge/index' })
  await act(async () => fireEvent.click(screen.getByText('发布讨论题')))
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageGroup/pages/edit/index' })
})

test('archived prompts are one tap away, and back', async () => {
  serve(
    groupCalls({
      listPrompts: (input: { archived?: boolean }) =>
        ok({ items: input.archived ? [promptSummary({ _id: 'p-a', title: '去年的讨论题', status: 'archived' })] : [], nextCursor: null }),
    }),
  )
  render(<GroupPage />)
  expect(await screen.findByText('还没有讨论题')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByText('查看已归档的讨论题')))
  expect(await screen.findByText('去年的讨论题')).toBeTruthy()
  expect(screen.getByText('已归档的讨论题')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByText('返回进行中的讨论')))
  expect(await screen.findByText('还没有讨论题')).toBeTruthy()
  expect(callsTo('listPrompts').map(([, input]) => input)).toEqual([{ archived: true }, {}])
})
