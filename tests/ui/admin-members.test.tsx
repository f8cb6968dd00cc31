import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, scrollToBottom } from '../support/taro-double'
import MembersPage from '../../src/packageAdmin/pages/members/index'
import type { MemberSummary } from '../../types'
import { memberSummary, orgAdmin, profile, unitTree } from '../support/ui-fixtures'
import { callsTo, deferred, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const roster: MemberSummary[] = [
  memberSummary({ _id: 'member-01', name: '陈立新', roles: ['member', 'leader'] }),
  memberSummary({ _id: 'member-02', name: '刘晓燕', roles: ['member', 'branchAdmin'], displayName: '燕子' }),
  memberSummary({ _id: 'member-41', name: '欧阳宁', status: 'pending', phone: '13800000041' }),
  memberSummary({ _id: 'member-09', name: '黄志强', status: 'inactive', groupId: 'group-1-2', groupName: '第二党小组' }),
]

const admin: Handlers = {
  getMe: () => ok(orgAdmin),
  listUnits: () => ok(unitTree),
  listMembers: () => ok({ items: roster, nextCursor: null }),
}

const listInputs = () => callsTo('listMembers').map(([, input]) => input)

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

async function rendered() {
  const view = render(<MembersPage />)
  await screen.findByText('陈立新')
  return view
}

/** Taro's input renders its real <input> a moment after mounting. */
async function searchBox(container: HTMLElement): Promise<HTMLInputElement> {
  await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
  return container.querySelector('input')!
}

test('lists the members with group, roles and unusual states', async () => {
  serve(admin)
  const { container } = await rendered()
  const rows = Array.from(container.querySelectorAll('.member-row'))
  expect(rows).toHaveLength(4)
  expect(rows[0].textContent).toContain('第一党小组 · 机关第一党支部')
  expect(rows[0].textContent).toContain('党小组长')
  expect(rows[1].textContent).toContain('（燕子）')
  expect(rows[1].textContent).toContain('支部管理员')
  expect(rows[2].textContent).toContain('待认领')
  expect(rows[3].textContent).toContain('已停用')
  expect(screen.getByText('已经到底了，共 4 条')).toBeTruthy()
  expect(listInputs()).toEqual([{}])
})

test('searching sends the words typed; clearing lists everyone again', async () => {
  serve(admin)
  const { container } = await rendered()
  fireEvent.input(await searchBox(container), { target: { value: ' 陈 ' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(listInputs()).toEqual([{}, { search: '陈' }]))
  expect(screen.getByText('正在搜索「陈」')).toBeTruthy()

  fireEvent.click(screen.getByText('清除'))
  await waitFor(() => expect(listInputs()).toEqual([{}, { search: '陈' }, {}]))
})

test('filters by 党支部, then its 党小组, 角色 and 状态', async () => {
  serve(admin)
  await rendered()
  expect(screen.getByText('全部成员')).toBeTruthy()
  fireEvent.click(screen.getByText('更改'))
  // 党小组 choices appear once a 党支部 is chosen.
  expect(screen.queryByText('第三党小组')).toBeNull()
  fireEvent.click(screen.getByText('机关第二党支部'))
  await waitFor(() => expect(listInputs().at(-1)).toEqual({ branchId: 'branch-2' }))

  fireEvent.click(await screen.findByText('第三党小组'))
  await waitFor(() => expect(listInputs().at(-1)).toEqual({ branchId: 'branch-2', groupId: 'group-2-1' }))

  fireEvent.click(screen.getByText('党小组长', { selector: '.chip' }))
  await waitFor(() => expect(listInputs().at(-1)).toEqual({ branchId: 'branch-2', groupId: 'group-2-1', role: 'leader' }))

  fireEvent.click(screen.getByText('待认领', { selector: '.chip' }))
  await waitFor(() => expect(listInputs().at(-1)).toEqual({ branchId: 'branch-2', groupId: 'group-2-1', role: 'leader', status: 'pending' }))
  expect(screen.getByText('第三党小组 · 党小组长 · 待认领')).toBeTruthy()

  // Another 党支部 drops the 党小组 of the first.
  fireEvent.click(screen.getByText('机关第一党支部', { selector: '.chip' }))
  await waitFor(() => expect(listInputs().at(-1)).toEqual({ branchId: 'branch-1', role: 'leader', status: 'pending' }))
})

test('no match says so', async () => {
  serve({ ...admin, listMembers: () => ok({ items: [], nextCursor: null }) })
  render(<MembersPage />)
  expect(await screen.findByText('没有符合条件的成员')).toBeTruthy()
})

test('「加载更多」 and scrolling to the bottom load the next pages', async () => {
  const pages: Record<string, { items: MemberSummary[]; nextCursor: string | null }> = {
    first: { items: roster.slice(0, 2), nextCursor: 'c1' },
    c1: { items: roster.slice(2, 3), nextCursor: 'c2' },
    c2: { items: roster.slice(3), nextCursor: null },
  }
  serve({ ...admin, listMembers: (input: { cursor?: string }) => ok(pages[input.cursor ?? 'first']) })
  const { container } = await rendered()
  expect(container.querySelectorAll('.member-row')).toHaveLength(2)

  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText('欧阳宁')).toBeTruthy()
  expect(listInputs().at(-1)).toEqual({ cursor: 'c1' })

  await act(async () => scrollToBottom())
  expect(await screen.findByText('黄志强')).toBeTruthy()
  expect(listInputs().at(-1)).toEqual({ cursor: 'c2' })
  expect(container.querySelectorAll('.member-row')).toHaveLength(4)
  expect(screen.getByText('已经到底了，共 4 条')).toBeTruthy()
  expect(screen.queryByText('加载更多')).toBeNull()

  // At the end, scrolling asks for nothing more.
  await act(async () => scrollToBottom())
  expect(listInputs()).toHaveLength(3)
})

test('a page that fails to load keeps the members so far and offers 重试', async () => {
  let failNext = true
  serve({
    ...admin,
    listMembers: (input: { cursor?: string }) => {
      if (!input.cursor) return ok({ items: roster.slice(0, 2), nextCursor: 'c1' })
      if (failNext) {
        failNext = false
        return fail('INTERNAL', '服务暂时出了点问题，请稍后重试')
      }
      return ok({ items: roster.slice(2), nextCursor: null })
    },
  })
  const { container } = await rendered()
  fireEvent.click(screen.getByText('加载更多'))
  expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  expect(container.querySelectorAll('.member-row')).toHaveLength(2)
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('黄志强')).toBeTruthy()
})

test('an answer to an older search is not shown over the newer one', async () => {
  const slow = deferred<unknown>()
  serve({
    ...admin,
    listMembers: (input: { search?: string }) => (input.search === '陈' ? slow.promise : ok({ items: input.search ? [roster[1]] : roster, nextCursor: null })),
  })
  const { container } = await rendered()
  const input = await searchBox(container)
  fireEvent.input(input, { target: { value: '陈' } })
  fireEvent.click(screen.getByText('搜索'))
  fireEvent.input(input, { target: { value: '刘' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(container.querySelectorAll('.member-row')).toHaveLength(1))
  await act(async () => slow.resolve(ok({ items: [roster[0]], nextCursor: null })))
  expect(container.querySelectorAll('.member-row')).toHaveLength(1)
  expect(screen.getByText('刘晓燕')).toBeTruthy()
})

test('tapping a member opens their page; 预登记新成员 opens the form', async () => {
  serve(admin)
  await rendered()
  fireEvent.click(screen.getByText('欧阳宁'))
  expect(navigateTo).toHaveBeenCalledWith({
    url: `/packageAdmin/pages/member/index?id=member-41&name=${encodeURIComponent('欧阳宁')}`,
  })
  fireEvent.click(screen.getByText('预登记新成员'))
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packageAdmin/pages/preregister/index' })
})

test('a member who is not an admin sees 没有权限, and the roster is never asked for', async () => {
  serve({ ...admin, getMe: () => ok(profile) })
  render(<MembersPage />)
  expect(await screen.findByText('没有权限')).toBeTruthy()
  expect(screen.getByText(/只对支部管理员和组织管理员开放/)).toBeTruthy()
  expect(callsTo('listMembers')).toHaveLength(0)
  expect(callsTo('listUnits')).toHaveLength(0)
})

test('when the server refuses (FORBIDDEN), its message shows as 没有权限', async () => {
  serve({ ...admin, listMembers: () => fail('FORBIDDEN', '你没有权限查看这些成员') })
  render(<MembersPage />)
  expect(await screen.findByText('没有权限')).toBeTruthy()
  expect(screen.getByText('你没有权限查看这些成员')).toBeTruthy()
})
