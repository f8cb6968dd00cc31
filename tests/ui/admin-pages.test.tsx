import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { setClipboardData, setRouterParams, showModal } from '../support/taro-double'
import AdminHome from '../../src/packageAdmin/pages/index/index'
import MemberPage from '../../src/packageAdmin/pages/member/index'
import InvitationsPage from '../../src/packageAdmin/pages/invitations/index'
import UnitsPage from '../../src/packageAdmin/pages/units/index'
import AuditPage from '../../src/packageAdmin/pages/audit/index'
import type { AuditEntry, Invitation, Role } from '../../types'
import { memberSummary, orgAdmin, profile, unitTree } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve, type Handlers } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))

const branchAdmin = { ...orgAdmin, memberId: 'member-02', name: '刘晓燕', roles: ['member', 'branchAdmin'] as Role[] }

beforeEach(() => {
  sendMock.mockReset()
  showModal.mockClear()
  setClipboardData.mockClear()
  setRouterParams({})
})

describe('组织管理', () => {
  test('offers the four admin pages and says what the admin may manage', async () => {
    serve({ getMe: () => ok(branchAdmin) })
    render(<AdminHome />)
    expect(await screen.findByText('你是支部管理员，可以管理机关第一党支部。')).toBeTruthy()
    for (const title of ['组织架构', '成员管理', '邀请码', '操作记录']) expect(screen.getByText(title)).toBeTruthy()
  })

  test('a member who is not an admin sees 没有权限', async () => {
    serve({ getMe: () => ok(profile) })
    render(<AdminHome />)
    expect(await screen.findByText('没有权限')).toBeTruthy()
    expect(screen.queryByText('成员管理')).toBeNull()
  })
})

describe('成员详情', () => {
  const sun = memberSummary({ roles: ['member'] })
  const detail = (over: Handlers = {}): Handlers => ({
    getMe: () => ok(orgAdmin),
    listUnits: () => ok(unitTree),
    listMembers: () => ok({ items: [memberSummary({ _id: 'member-99', name: '孙浩然' }), sun], nextCursor: null }),
    setRoles: (input: { roles: Role[] }) => ok({ ...sun, roles: input.roles }),
    moveMember: (input: { groupId: string }) => ok({ ...sun, groupId: input.groupId, groupName: '第三党小组', branchName: '机关第二党支部' }),
    deactivateMember: () => ok({ ...sun, status: 'inactive' }),
    ...over,
  })

  async function open(handlers: Handlers) {
    setRouterParams({ id: 'member-05', name: encodeURIComponent('孙浩然') })
    serve(handlers)
    const view = render(<MemberPage />)
    await screen.findByText('状态：正常')
    return view
  }

  test('finds the member by name and id and shows what an admin may change', async () => {
    await open(detail())
    expect(callsTo('listMembers')).toEqual([['listMembers', { search: '孙浩然' }]])
    expect(screen.getByText('身份：党员')).toBeTruthy()
    for (const role of ['党小组长', '支部管理员', '组织管理员']) expect(screen.getByText(role)).toBeTruthy()
    expect(screen.getByText('现在在「第一党小组」（机关第一党支部）。')).toBeTruthy()
    expect(screen.getByText('停用这位成员')).toBeTruthy()
  })

  test('a 支部管理员 is not offered 组织管理员', async () => {
    await open(detail({ getMe: () => ok(branchAdmin) }))
    expect(screen.getByText('支部管理员')).toBeTruthy()
    expect(screen.queryByText('组织管理员')).toBeNull()
  })

  test('making someone 党小组长 asks first and sends the whole set of roles', async () => {
    await open(detail())
    fireEvent.click(screen.getByText('党小组长'))
    await waitFor(() => expect(callsTo('setRoles')).toEqual([['setRoles', { memberId: 'member-05', roles: ['member', 'leader'] }]]))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '任命党小组长', content: '确定任命孙浩然为党小组长吗？', confirmText: '任命' })
    expect(await screen.findByText('已任命孙浩然为党小组长')).toBeTruthy()
    expect(screen.getByText('身份：党员、党小组长')).toBeTruthy()
  })

  test('cancelling the dialog changes nothing', async () => {
    await open(detail())
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    fireEvent.click(screen.getByText('停用这位成员'))
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1))
    await act(async () => {})
    expect(callsTo('deactivateMember')).toHaveLength(0)
    expect(screen.getByText('状态：正常')).toBeTruthy()
  })

  test('停用 after confirming; the page then offers 恢复', async () => {
    await open(detail())
    fireEvent.click(screen.getByText('停用这位成员'))
    expect(await screen.findByText('已停用孙浩然')).toBeTruthy()
    expect(callsTo('deactivateMember')).toEqual([['deactivateMember', { memberId: 'member-05' }]])
    expect(screen.getByText('状态：已停用')).toBeTruthy()
    expect(screen.getByText('恢复这位成员')).toBeTruthy()
  })

  test('moving to another group: pick it, confirm, and the page shows the new group', async () => {
    await open(detail())
    fireEvent.click(screen.getByText('调到其他党小组'))
    // The current group and archived ones are not offered.
    expect(screen.queryByText('第一党小组', { selector: '.chip' })).toBeNull()
    expect(screen.queryByText('第四党小组')).toBeNull()
    fireEvent.click(screen.getByText('第三党小组'))
    expect(await screen.findByText('已把孙浩然调到「第三党小组」')).toBeTruthy()
    expect(callsTo('moveMember')).toEqual([['moveMember', { memberId: 'member-05', groupId: 'group-2-1' }]])
    expect(screen.getByText('现在在「第三党小组」（机关第二党支部）。')).toBeTruthy()
  })

  test("the server's refusal is shown", async () => {
    await open(detail({ setRoles: () => fail('FORBIDDEN', '你没有权限设置组织管理员角色') }))
    fireEvent.click(screen.getByText('组织管理员'))
    expect(await screen.findByText('你没有权限设置组织管理员角色')).toBeTruthy()
  })

  test('a member no longer in reach is explained', async () => {
    setRouterParams({ id: 'member-77', name: '不存在' })
    serve(detail({ listMembers: () => ok({ items: [], nextCursor: null }) }))
    render(<MemberPage />)
    expect(await screen.findByText(/没有找到这位成员/)).toBeTruthy()
  })
})

describe('邀请码', () => {
  const invitation = (over: Partial<Invitation> = {}): Invitation => ({
    code: 'ABCD2345',
    groupId: 'group-1-1',
    groupName: '第一党小组',
    branchId: 'branch-1',
    maxUses: 30,
    uses: 3,
    expiresAt: '2026-12-07T16:00:00.000Z',
    validThrough: '2026-12-07',
    revoked: false,
    state: 'active',
    createdBy: 'member-03',
    createdAt: '2026-11-23T08:00:00.000Z',
    ...over,
  })
  const shareText =
    '邀请你加入「学习圈」机关第一党支部第二党小组。打开微信小程序「学习圈」，选择实名注册，填写真实姓名和邀请码：NEWC0DE9，有效期至2026年12月7日。'
  const handlers: Handlers = {
    getMe: () => ok(orgAdmin),
    listUnits: () => ok(unitTree),
    listInvitations: () =>
      ok({ items: [invitation(), invitation({ code: 'OLDX2345', state: 'expired', groupName: '第三党小组', uses: 9 })], nextCursor: null }),
    createInvitation: (input: { groupId: string; maxUses: number; expiresInDays: number }) =>
      ok({ invitation: invitation({ code: 'NEWC0DE9', groupId: input.groupId, groupName: '第二党小组', maxUses: input.maxUses, uses: 0 }), shareText }),
    revokeInvitation: (input: { code: string }) => ok(invitation({ code: input.code, revoked: true, state: 'revoked' })),
  }

  test('lists codes with their state, uses and last valid day', async () => {
    serve(handlers)
    render(<InvitationsPage />)
    expect(await screen.findByText('ABCD2345')).toBeTruthy()
    expect(screen.getByText('第一党小组 · 已用 3/30 次 · 有效期至 2026年12月7日')).toBeTruthy()
    expect(screen.getByText('已过期')).toBeTruthy()
  })

  test('pages on with 加载更多; a code on a later page can be revoked too', async () => {
    serve({
      ...handlers,
      listInvitations: (input: { cursor?: string }) =>
        input.cursor
          ? ok({ items: [invitation({ code: 'OLDX2345', groupName: '第三党小组' })], nextCursor: null })
          : ok({ items: [invitation()], nextCursor: 'next' }),
    })
    render(<InvitationsPage />)
    await screen.findByText('ABCD2345')
    expect(screen.queryByText('OLDX2345')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('OLDX2345')).toBeTruthy()
    expect(callsTo('listInvitations').map(([, i]) => i)).toEqual([{}, { cursor: 'next' }])
    expect(screen.queryByText('加载更多')).toBeNull()

    fireEvent.click(screen.getAllByText('作废')[1])
    await waitFor(() => expect(callsTo('revokeInvitation')).toEqual([['revokeInvitation', { code: 'OLDX2345' }]]))
    expect(await screen.findByText('已作废')).toBeTruthy()
    expect(screen.getByText('ABCD2345')).toBeTruthy()
  })

  test('no codes yet says so', async () => {
    serve({ ...handlers, listInvitations: () => ok({ items: [], nextCursor: null }) })
    render(<InvitationsPage />)
    expect(await screen.findByText('还没有邀请码')).toBeTruthy()
  })

  test('creating a code for a group shows it big with the text to share, and copies that text', async () => {
    serve(handlers)
    const { container } = render(<InvitationsPage />)
    fireEvent.click(await screen.findByText('第二党小组'))
    await waitFor(() => expect(container.querySelectorAll('input')).toHaveLength(2))
    fireEvent.input(container.querySelectorAll('input')[0], { target: { value: '50' } })
    fireEvent.click(screen.getByText('生成邀请码', { selector: '.big-button' }))
    expect(await screen.findByText('NEWC0DE9')).toBeTruthy()
    expect(callsTo('createInvitation')).toEqual([['createInvitation', { groupId: 'group-1-2', maxUses: 50, expiresInDays: 14 }]])
    expect(screen.getByText(shareText)).toBeTruthy()
    fireEvent.click(screen.getByText('复制邀请文字'))
    await waitFor(() => expect(setClipboardData).toHaveBeenCalledWith({ data: shareText }))
  })

  test('a number out of range is explained', async () => {
    serve(handlers)
    const { container } = render(<InvitationsPage />)
    fireEvent.click(await screen.findByText('第二党小组'))
    await waitFor(() => expect(container.querySelectorAll('input')).toHaveLength(2))
    fireEvent.input(container.querySelectorAll('input')[1], { target: { value: '365' } })
    fireEvent.click(screen.getByText('生成邀请码', { selector: '.big-button' }))
    expect(await screen.findByText('有效期最多 90 天')).toBeTruthy()
    expect(callsTo('createInvitation')).toHaveLength(0)
  })

  test('作废 asks first, then shows the code as 已作废', async () => {
    serve(handlers)
    render(<InvitationsPage />)
    await screen.findByText('ABCD2345')
    fireEvent.click(screen.getByText('作废'))
    await waitFor(() => expect(callsTo('revokeInvitation')).toEqual([['revokeInvitation', { code: 'ABCD2345' }]]))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '作废邀请码', confirmText: '作废' })
    expect(await screen.findByText('已作废')).toBeTruthy()
  })
})

describe('组织架构', () => {
  const handlers: Handlers = {
    getMe: () => ok(orgAdmin),
    listUnits: () => ok(unitTree),
    saveUnit: (input: { id?: string; kind: 'branch' | 'group'; name: string; parentId?: string }) =>
      ok({ _id: input.id ?? 'group-new', kind: input.kind, name: input.name, parentId: input.parentId ?? 'branch-1', archived: false }),
    archiveUnit: (input: { id: string; archived: boolean }) =>
      ok({ _id: input.id, kind: 'group', name: '第一党小组', parentId: 'branch-1', archived: input.archived }),
  }

  test('shows 党委 → 党支部 → 党小组 with member counts and archived units', async () => {
    serve(handlers)
    render(<UnitsPage />)
    expect(await screen.findByText('示范单位机关党委')).toBeTruthy()
    expect(screen.getByText('机关第一党支部')).toBeTruthy()
    expect(screen.getByText('第三党小组')).toBeTruthy()
    expect(screen.getByText('20 人')).toBeTruthy()
    expect(screen.getByText('已归档')).toBeTruthy()
    expect(screen.getByText('新建党支部')).toBeTruthy()
  })

  test('adding a group under a branch sends its name and 党支部', async () => {
    serve(handlers)
    const { container } = render(<UnitsPage />)
    await screen.findByText('示范单位机关党委')
    fireEvent.click(screen.getAllByText('新建党小组')[0])
    await waitFor(() => expect(container.querySelector('input')).not.toBeNull())
    fireEvent.input(container.querySelector('input')!, { target: { value: '第五党小组' } })
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsTo('saveUnit')).toEqual([['saveUnit', { kind: 'group', name: '第五党小组', parentId: 'branch-1' }]]))
  })

  test('archiving asks first', async () => {
    serve(handlers)
    render(<UnitsPage />)
    await screen.findByText('示范单位机关党委')
    // The first 归档 belongs to 机关第一党支部, the second to its first group.
    fireEvent.click(screen.getAllByText('归档')[1])
    await waitFor(() => expect(callsTo('archiveUnit')).toEqual([['archiveUnit', { id: 'group-1-1', archived: true }]]))
    expect(showModal.mock.calls[0][0]).toMatchObject({ title: '归档党小组' })
  })

  test('a 支部管理员 manages groups only', async () => {
    serve({ ...handlers, getMe: () => ok(branchAdmin), listUnits: () => ok({ ...unitTree, branches: unitTree.branches.slice(0, 1) }) })
    render(<UnitsPage />)
    await screen.findByText('示范单位机关党委')
    expect(screen.queryByText('新建党支部')).toBeNull()
    // 改名 for the two groups only, not for the branch.
    expect(screen.getAllByText('改名')).toHaveLength(2)
  })
})

describe('操作记录', () => {
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({
    _id: 'a-1',
    at: '2026-11-23T11:49:00.000Z',
    actorId: 'member-03',
    actorName: '张文博',
    action: 'member.roles',
    targetType: 'member',
    targetId: 'member-05',
    targetName: null,
    before: null,
    after: null,
    ...over,
  })

  test('names each target as the entry recorded it, whatever it is called now', async () => {
    serve({
      getMe: () => ok(orgAdmin),
      listUnits: () => ok(unitTree),
      listAudit: () =>
        ok({
          items: [
            entry({ _id: 'a-4', action: 'member.roles', targetName: '周慧玲', before: { roles: ['member'] }, after: { roles: ['member', 'leader'] } }),
            entry({
              _id: 'a-3',
              action: 'unit.archive',
              targetType: 'unit',
              targetId: 'group-1-1',
              targetName: '老一组',
              before: { archived: false },
              after: { archived: true },
            }),
            entry({
              _id: 'a-2',
              action: 'reply.hide',
              targetType: 'reply',
              targetId: 'r-1',
              targetName: '李明：我觉得每天读二十分钟…',
              after: { title: '如何坚持学习' },
            }),
            entry({ _id: 'a-1', action: 'invitation.revoke', targetType: 'invitation', targetId: 'XXQGA888', targetName: '第一党小组邀请码 XXQGA888' }),
            entry({ _id: 'a-0', action: 'scoreRules.save', targetType: 'scoreRules', targetId: '2026-01-01', targetName: '2026-01-01 起施行的积分规则' }),
          ],
          nextCursor: null,
        }),
    })
    render(<AuditPage />)
    expect(await screen.findByText('周慧玲')).toBeTruthy()
    // group-1-1 is 第一党小组 in today's tree; the entry keeps the name it had.
    expect(screen.getByText('「老一组」')).toBeTruthy()
    expect(screen.getByText('「李明：我觉得每天读二十分钟…」')).toBeTruthy()
    expect(screen.getByText('第一党小组邀请码 XXQGA888')).toBeTruthy()
    expect(screen.getByText('2026-01-01 起施行的积分规则')).toBeTruthy()
  })

  test('says who did what and when, before → after, in plain Chinese; pages on', async () => {
    serve({
      getMe: () => ok(orgAdmin),
      listUnits: () => ok(unitTree),
      listAudit: (input: { cursor?: string }) =>
        input.cursor
          ? ok({
              items: [
                entry({
                  _id: 'a-3',
                  action: 'unit.rename',
                  targetType: 'unit',
                  targetId: 'group-1-2',
                  before: { name: '二组' },
                  after: { name: '第二党小组' },
                }),
              ],
              nextCursor: null,
            })
          : ok({
              items: [
                entry({ _id: 'a-1', before: { roles: ['member'] }, after: { roles: ['member', 'leader'] } }),
                entry({
                  _id: 'a-2',
                  action: 'member.move',
                  targetId: 'member-06',
                  before: { groupId: 'group-1-1', roles: ['member'] },
                  after: { groupId: 'group-2-1', roles: ['member'] },
                }),
                entry({
                  _id: 'a-0',
                  action: 'member.register',
                  targetId: 'member-05',
                  after: { name: '孙浩然', groupId: 'group-1-1', status: 'active', code: 'XXQGA888' },
                }),
              ],
              nextCursor: 'next',
            }),
    })
    render(<AuditPage />)
    expect(await screen.findByText('身份：党员 → 党员、党小组长')).toBeTruthy()
    expect(screen.getAllByText('2026年11月23日 19:49 · 操作人 张文博')).toHaveLength(3)
    expect(screen.getByText('党小组：第一党小组 → 第三党小组')).toBeTruthy()
    // The registration names member-05: the role change above is about 孙浩然.
    await waitFor(() => expect(screen.getAllByText('孙浩然')).toHaveLength(2))
    expect(screen.getByText('使用邀请码：XXQGA888')).toBeTruthy()

    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('名称：二组 → 第二党小组')).toBeTruthy()
    expect(callsTo('listAudit').map(([, i]) => i)).toEqual([{}, { cursor: 'next' }])
  })

  test("from a member's page: only their entries, named", async () => {
    setRouterParams({ targetId: 'member-06', name: '周慧玲' })
    serve({
      getMe: () => ok(orgAdmin),
      listUnits: () => ok(unitTree),
      listAudit: () =>
        ok({
          items: [entry({ targetId: 'member-06', action: 'member.deactivate', before: { status: 'active' }, after: { status: 'inactive' } })],
          nextCursor: null,
        }),
    })
    render(<AuditPage />)
    expect(await screen.findByText('状态：正常 → 已停用')).toBeTruthy()
    expect(screen.getByText('只看与「周慧玲」有关的记录')).toBeTruthy()
    expect(screen.getByText('周慧玲')).toBeTruthy()
    expect(callsTo('listAudit')).toEqual([['listAudit', { targetId: 'member-06' }]])
  })
})
