import { archiveUnit } from '../../server/actions/archiveUnit'
import { createInvitation } from '../../server/actions/createInvitation'
import { deactivateMember } from '../../server/actions/deactivateMember'
import { getMe } from '../../server/actions/getMe'
import { listAudit } from '../../server/actions/listAudit'
import { moveMember } from '../../server/actions/moveMember'
import { revokeInvitation } from '../../server/actions/revokeInvitation'
import { saveUnit } from '../../server/actions/saveUnit'
import { setRoles } from '../../server/actions/setRoles'
import { AUDIT } from '../../server/audit'
import { MEMBERS } from '../../server/members'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
})
afterEach(() => cloud.close())

const rolesOf = async (id: string) => (await cloud.db.collection(MEMBERS).doc(id).get()).data.roles
const auditEntries = () => allDocs(cloud.db, AUDIT)

describe('setRoles', () => {
  it('grants a role, takes effect at once, and writes one audit entry with who, when and before/after', async () => {
    const result = await cloud.call(setRoles, 'wx-ba1', { memberId: 't1', roles: ['leader', 'member'] })

    expect(result).toMatchObject({ ok: true, data: { _id: 't1', roles: ['member', 'leader'], groupName: '第一党小组' } })
    expect(await rolesOf('t1')).toEqual(['member', 'leader'])
    expect(await cloud.call(getMe, 'wx-t1', {})).toMatchObject({ data: { roles: ['member', 'leader'] } })
    expect(await auditEntries()).toEqual([
      expect.objectContaining({
        at: new Date('2026-11-23T02:00:00Z'),
        actorId: 'ba1',
        actorName: '吴支部',
        action: 'member.roles',
        targetType: 'member',
        targetId: 't1',
        before: { roles: ['member'] },
        after: { roles: ['member', 'leader'] },
        unitIds: ['group-1', 'branch-1'],
      }),
    ])
  })

  it('revokes a role and always keeps 党员', async () => {
    await cloud.call(setRoles, 'wx-org', { memberId: 'lead1', roles: [] })
    expect(await rolesOf('lead1')).toEqual(['member'])
    expect(await auditEntries()).toEqual([expect.objectContaining({ before: { roles: ['member', 'leader'] }, after: { roles: ['member'] } })])
  })

  it('writes nothing when nothing changes', async () => {
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 'lead1', roles: ['leader'] })).toMatchObject({ ok: true })
    expect(await auditEntries()).toHaveLength(0)
  })

  it('only an 组织管理员 grants or revokes 组织管理员, even inside a 支部管理员’s branch', async () => {
    expect(await cloud.call(setRoles, 'wx-ba1', { memberId: 't1', roles: ['member', 'orgAdmin'] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '你没有权限设置组织管理员角色',
    })
    expect(await cloud.call(setRoles, 'wx-ba1', { memberId: 'org', roles: ['member'] })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 't1', roles: ['member', 'orgAdmin'] })).toMatchObject({ ok: true })
    expect(await rolesOf('org')).toEqual(['member', 'orgAdmin'])
  })

  it('a 支部管理员 appoints another 支部管理员 in their branch, not in another', async () => {
    expect(await cloud.call(setRoles, 'wx-ba1', { memberId: 't2', roles: ['member', 'branchAdmin'] })).toMatchObject({ ok: true })
    expect(await cloud.call(setRoles, 'wx-ba1', { memberId: 't3', roles: ['member', 'branchAdmin'] })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await cloud.call(setRoles, 'wx-ba2', { memberId: 't3', roles: ['member', 'leader'] })).toMatchObject({ ok: true })
  })

  it('refuses to take away the caller’s own last admin role, but lets them drop one of two', async () => {
    expect(await cloud.call(setRoles, 'wx-ba1', { memberId: 'ba1', roles: ['member'] })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('最后一个管理员角色'),
    })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 'org', roles: ['member', 'leader'] })).toMatchObject({ code: 'CONFLICT' })
    expect(await rolesOf('org')).toEqual(['member', 'orgAdmin'])

    await cloud.call(setRoles, 'wx-org', { memberId: 'org', roles: ['member', 'branchAdmin', 'orgAdmin'] })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 'org', roles: ['member', 'branchAdmin'] })).toMatchObject({ ok: true })
  })

  it('refuses a deactivated member, an unknown member and an unknown role', async () => {
    await cloud.addMember({ _id: 'gone', status: 'inactive' })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 'gone', roles: ['member', 'leader'] })).toMatchObject({ code: 'CONFLICT' })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 'nobody', roles: ['member'] })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await cloud.call(setRoles, 'wx-org', { memberId: 't1', roles: ['member', 'king'] })).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await auditEntries()).toHaveLength(0)
  })
})

describe('listAudit', () => {
  /** Makes `n` role changes a minute apart, alternating between a member of each branch. */
  async function changes(n: number) {
    for (let i = 0; i < n; i++) {
      cloud.clock.fix(new Date(Date.UTC(2026, 10, 23, 2, i)))
      const memberId = i % 2 === 0 ? 't1' : 't3'
      await cloud.call(setRoles, 'wx-org', { memberId, roles: i % 4 < 2 ? ['member', 'leader'] : ['member'] })
    }
  }

  it('pages through the whole log newest first, 20 at a time, for the 组织管理员', async () => {
    await changes(25)
    const first = await cloud.call(listAudit, 'wx-org', {})
    expect(first).toMatchObject({ ok: true, data: { nextCursor: expect.any(String) } })
    if (!first.ok) return
    expect(first.data.items).toHaveLength(20)
    expect(first.data.items[0]).toMatchObject({
      at: '2026-11-23T02:24:00.000Z',
      actorId: 'org',
      actorName: '周组织',
      action: 'member.roles',
      targetId: 't1',
    })
    const second = await cloud.call(listAudit, 'wx-org', { cursor: first.data.nextCursor! })
    expect(second).toMatchObject({ ok: true, data: { nextCursor: null } })
    if (!second.ok) return
    const ats = [...first.data.items, ...second.data.items].map((e) => e.at)
    expect(ats).toHaveLength(25)
    expect(ats).toEqual([...ats].sort().reverse())
    expect(new Set(ats).size).toBe(25)
  })

  it('shows a 支部管理员 only the entries about their branch', async () => {
    await changes(6)
    const result = await cloud.call(listAudit, 'wx-ba2', {})
    expect(result.ok && result.data.items.map((e) => e.targetId)).toEqual(['t3', 't3', 't3'])
  })

  it('filters by the object changed', async () => {
    await changes(4)
    const result = await cloud.call(listAudit, 'wx-org', { targetId: 't1' })
    expect(result.ok && result.data.items.map((e) => [e.targetId, e.after])).toEqual([
      ['t1', { roles: ['member'] }],
      ['t1', { roles: ['member', 'leader'] }],
    ])
  })

  it('names each target as it was called when the change was made', async () => {
    // A minute between changes: the log orders them by time.
    let minute = 0
    const nextMinute = () => cloud.clock.fix(new Date(Date.UTC(2026, 10, 23, 2, ++minute)))
    nextMinute()
    await cloud.call(setRoles, 'wx-org', { memberId: 't1', roles: ['member', 'leader'] })
    nextMinute()
    await cloud.call(moveMember, 'wx-org', { memberId: 't2', groupId: 'group-1' })
    nextMinute()
    await cloud.call(deactivateMember, 'wx-org', { memberId: 't3' })
    nextMinute()
    await cloud.call(saveUnit, 'wx-org', { id: 'group-4', kind: 'group', name: '四组' })
    nextMinute()
    await cloud.call(archiveUnit, 'wx-org', { id: 'group-4', archived: true })
    nextMinute()
    await cloud.call(saveUnit, 'wx-org', { id: 'group-4', kind: 'group', name: '原第四党小组' })
    nextMinute()
    const created = await cloud.call(createInvitation, 'wx-org', { groupId: 'group-2' })
    if (!created.ok) throw new Error(created.message)
    const code = created.data.invitation.code
    nextMinute()
    await cloud.call(revokeInvitation, 'wx-org', { code })
    // Renamed since: the log keeps the names of the time.
    await cloud.db
      .collection(MEMBERS)
      .doc('t1')
      .update({ data: { name: '赵壹' } })
    nextMinute()
    await cloud.call(saveUnit, 'wx-org', { id: 'group-2', kind: 'group', name: '二组' })

    const result = await cloud.call(listAudit, 'wx-org', {})
    expect(result.ok && result.data.items.map((e) => [e.action, e.targetName]).reverse()).toEqual([
      ['member.roles', '赵一'],
      ['member.move', '钱二'],
      ['member.deactivate', '孙三'],
      ['unit.rename', '四组'],
      ['unit.archive', '四组'],
      ['unit.rename', '原第四党小组'],
      ['invitation.create', `第二党小组邀请码 ${code}`],
      ['invitation.revoke', `第二党小组邀请码 ${code}`],
      ['unit.rename', '二组'],
    ])
  })

  it('an entry written before names were kept has none', async () => {
    await cloud.db.collection(AUDIT).add({
      data: {
        _id: '2026-11-01T00:00:00.000Z_0000',
        at: new Date('2026-11-01T00:00:00Z'),
        actorId: 'org',
        actorName: '周组织',
        action: 'member.roles',
        targetType: 'member',
        targetId: 't1',
        before: null,
        after: null,
        unitIds: ['group-1', 'branch-1'],
      },
    })
    const result = await cloud.call(listAudit, 'wx-org', {})
    expect(result.ok && result.data.items.map((e) => [e.targetId, e.targetName])).toEqual([['t1', null]])
  })

  it('refuses a cursor it did not issue', async () => {
    expect(await cloud.call(listAudit, 'wx-org', { cursor: 'not-a-cursor' })).toMatchObject({ code: 'INVALID_INPUT' })
  })
})
