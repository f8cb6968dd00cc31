import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, pullDownToRefresh, stopPullDownRefresh } from '../support/taro-double'
import GroupPage from '../../src/pages/group/index'
import type { FunctionOutput, GroupMember } from '../../types'
import { profile } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const member = (id: string, name: string, over: Partial<GroupMember> = {}): GroupMember => ({
  _id: id,
  name,
  displayName: null,
  avatarUrl: null,
  roles: ['member'],
  isLeader: false,
  ...over,
})

const view = (members: GroupMember[]): FunctionOutput<'getGroup'> => ({
  group: { _id: 'group-1-1', name: '第一党小组', archived: false, branchId: 'branch-1', branchName: '机关第一党支部' },
  members,
})

const members = [
  member('m-2', '陈立新', { roles: ['member', 'leader'], isLeader: true }),
  member('m-1', '王建国'),
  member('m-3', '刘晓燕', { displayName: '燕子' }),
]

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  stopPullDownRefresh.mockClear()
})

test("shows the member's group: name, branch, count and members, leaders first and marked", async () => {
  serve({ getMe: () => ok(profile), getGroup: () => ok(view(members)) })
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
  // Discussions and progress are not built yet, and the page says so.
  expect(screen.getByText(/小组讨论题和大家的学习进度还在开发中/)).toBeTruthy()
})

test('an empty group says so', async () => {
  serve({ getMe: () => ok(profile), getGroup: () => ok(view([])) })
  render(<GroupPage />)
  expect(await screen.findByText('这个党小组还没有成员')).toBeTruthy()
  expect(screen.getByText('共 0 名党员')).toBeTruthy()
})

test('a failure shows the message and 重试, which loads again', async () => {
  let attempts = 0
  serve({
    getMe: () => ok(profile),
    getGroup: () => (++attempts === 1 ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(view(members))),
  })
  render(<GroupPage />)
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  await act(async () => fireEvent.click(screen.getByText('重试')))
  expect(await screen.findByText('共 3 名党员，党小组长 陈立新')).toBeTruthy()
})

test('pulling down reloads the group', async () => {
  let list = members.slice(0, 2)
  serve({ getMe: () => ok(profile), getGroup: () => ok(view(list)) })
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
