import { checkIn } from '../../server/actions/checkIn'
import { deactivateMember } from '../../server/actions/deactivateMember'
import { getGroup } from '../../server/actions/getGroup'
import { getMe } from '../../server/actions/getMe'
import { listAudit } from '../../server/actions/listAudit'
import { listMembers } from '../../server/actions/listMembers'
import { moveMember } from '../../server/actions/moveMember'
import { preregisterMember } from '../../server/actions/preregisterMember'
import { reactivateMember } from '../../server/actions/reactivateMember'
import { updateProfile } from '../../server/actions/updateProfile'
import { AUDIT } from '../../server/audit'
import { CHECKINS } from '../../server/checkin'
import { MEMBERS } from '../../server/members'
import { byName, keyMemberNames } from '../../server/name-order'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { recordTrips } from '../support/interrupt'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
})
afterEach(() => cloud.close())

const memberDoc = async (id: string) => (await cloud.db.collection(MEMBERS).doc(id).get()).data
const auditEntries = () => allDocs(cloud.db, AUDIT)

describe('moveMember', () => {
  it('moves a member within the branch; a 党小组长 stops leading the group they left; audited', async () => {
    const result = await cloud.call(moveMember, 'wx-ba1', { memberId: 'lead1', groupId: 'group-2' })

    expect(result).toMatchObject({
      ok: true,
      data: { _id: 'lead1', groupId: 'group-2', groupName: '第二党小组', branchId: 'branch-1', roles: ['member'] },
    })
    expect(await memberDoc('lead1')).toMatchObject({ groupId: 'group-2', branchId: 'branch-1', roles: ['member'] })
    expect(await auditEntries()).toEqual([
      expect.objectContaining({
        action: 'member.move',
        actorId: 'ba1',
        targetId: 'lead1',
        before: { groupId: 'group-1', branchId: 'branch-1', roles: ['member', 'leader'] },
        after: { groupId: 'group-2', branchId: 'branch-1', roles: ['member'] },
      }),
    ])
  })

  it('across branches: only the 组织管理员, and a 支部管理员 stops administering the branch they left', async () => {
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 't1', groupId: 'group-3' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await cloud.call(moveMember, 'wx-org', { memberId: 'ba1', groupId: 'group-3' })).toMatchObject({
      ok: true,
      data: { groupId: 'group-3', branchId: 'branch-2', roles: ['member'] },
    })
    // The entry belongs to both branches: the new branch's admin sees it too.
    const log = await cloud.call(listAudit, 'wx-ba2', {})
    expect(log.ok && log.data.items.map((e) => [e.action, e.targetId])).toEqual([['member.move', 'ba1']])
  })

  it('refuses a 支部管理员 moving the 组织管理员 who sits in their branch', async () => {
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 'org', groupId: 'group-2' })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses an archived destination, an unknown member or group; the same group changes nothing', async () => {
    await cloud.db
      .collection('units')
      .doc('group-2')
      .update({ data: { archived: true } })
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 't1', groupId: 'group-2' })).toMatchObject({ code: 'CONFLICT' })
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 'nobody', groupId: 'group-1' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 't1', groupId: 'group-9' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await cloud.call(moveMember, 'wx-ba1', { memberId: 't1', groupId: 'group-1' })).toMatchObject({ ok: true })
    expect(await auditEntries()).toHaveLength(0)
  })
})

describe('deactivateMember and reactivateMember', () => {
  it('a deactivated member’s next call is FORBIDDEN; their records stay; reactivation restores access', async () => {
    await cloud.call(checkIn, 'wx-t1', { reflection: '离开前的最后一次打卡' })

    const result = await cloud.call(deactivateMember, 'wx-ba1', { memberId: 't1' })

    expect(result).toMatchObject({ ok: true, data: { _id: 't1', status: 'inactive' } })
    expect(await cloud.call(getMe, 'wx-t1', {})).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('停用') })
    expect(await cloud.call(checkIn, 'wx-t1', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await allDocs(cloud.db, CHECKINS)).toEqual([expect.objectContaining({ memberId: 't1' })])
    expect(await memberDoc('t1')).toMatchObject({ name: '赵一', openid: 'wx-t1', status: 'inactive' })

    expect(await cloud.call(reactivateMember, 'wx-ba1', { memberId: 't1' })).toMatchObject({ ok: true, data: { status: 'active' } })
    expect(await cloud.call(getMe, 'wx-t1', {})).toMatchObject({ ok: true })
    expect((await auditEntries()).map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['member.deactivate', { status: 'active' }, { status: 'inactive' }],
        ['member.reactivate', { status: 'inactive' }, { status: 'active' }],
      ]),
    )
  })

  it('repeating a deactivation changes nothing more', async () => {
    await cloud.call(deactivateMember, 'wx-ba1', { memberId: 't1' })
    expect(await cloud.call(deactivateMember, 'wx-ba1', { memberId: 't1' })).toMatchObject({ ok: true, data: { status: 'inactive' } })
    expect(await auditEntries()).toHaveLength(1)
  })

  it('an unclaimed pre-registered record goes back to pending when reactivated', async () => {
    await cloud.addMember({ _id: 'pre', openid: '', status: 'pending' })
    await cloud.call(deactivateMember, 'wx-ba1', { memberId: 'pre' })
    expect(await cloud.call(reactivateMember, 'wx-ba1', { memberId: 'pre' })).toMatchObject({ data: { status: 'pending' } })
  })

  it('nobody deactivates themself, and a 支部管理员 cannot deactivate the 组织管理员', async () => {
    expect(await cloud.call(deactivateMember, 'wx-ba1', { memberId: 'ba1' })).toMatchObject({ code: 'CONFLICT' })
    expect(await cloud.call(deactivateMember, 'wx-ba1', { memberId: 'org' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await memberDoc('org')).toMatchObject({ status: 'active' })
  })
})

describe('preregisterMember', () => {
  it('records a pending member with name and phone, no OPENID; audited', async () => {
    const result = await cloud.call(preregisterMember, 'wx-ba1', { name: ' 欧阳宁 ', phone: '13800000041', groupId: 'group-2' })
    expect(result).toMatchObject({
      ok: true,
      data: { name: '欧阳宁', phone: '13800000041', status: 'pending', groupId: 'group-2', branchId: 'branch-1', roles: ['member'] },
    })
    const id = result.ok ? result.data._id : ''
    expect(await memberDoc(id)).toMatchObject({ openid: '', status: 'pending' })
    expect(await auditEntries()).toEqual([expect.objectContaining({ action: 'member.preregister', targetId: id, before: null })])
  })

  it.each([
    ['a phone that is not a mainland mobile', { name: '欧阳宁', phone: '23800000041', groupId: 'group-1' }, 'INVALID_INPUT', '11 位手机号码'],
    ['a too short phone', { name: '欧阳宁', phone: '1380000', groupId: 'group-1' }, 'INVALID_INPUT', '11 位手机号码'],
    ['an empty name', { name: '', phone: '13800000041', groupId: 'group-1' }, 'INVALID_INPUT', '姓名不能为空'],
    ['a phone already on record', { name: '欧阳宁', phone: '13800000001', groupId: 'group-1' }, 'CONFLICT', '已经登记'],
    ['an unknown group', { name: '欧阳宁', phone: '13800000041', groupId: 'group-9' }, 'NOT_FOUND', '党小组'],
  ])('refuses %s', async (_case, input, code, message) => {
    await cloud.addMember({ _id: 'has-phone', phone: '13800000001' })
    const before = await allDocs(cloud.db, MEMBERS)
    expect(await cloud.call(preregisterMember, 'wx-org', input)).toMatchObject({ ok: false, code, message: expect.stringContaining(message) })
    expect(await allDocs(cloud.db, MEMBERS)).toEqual(before)
  })
})

describe('listMembers', () => {
  beforeEach(async () => {
    // 45 more members in group-2, with names that sort in a known order.
    for (let i = 0; i < 45; i++) {
      await cloud.addMember({ _id: `p${String(i).padStart(2, '0')}`, name: `党员${String(i).padStart(2, '0')}`, groupId: 'group-2' })
    }
    await cloud.addMember({ _id: 'pre', openid: '', name: '欧阳宁', status: 'pending', phone: '13800000041', groupId: 'group-3', branchId: 'branch-2' })
  })

  it('pages by name in 拼音 order, 20 at a time, with no repeats or gaps', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page++) {
      const result = await cloud.call(listMembers, 'wx-ba1', { groupId: 'group-2', ...(cursor ? { cursor } : {}) })
      if (!result.ok) throw new Error(result.message)
      seen.push(...result.data.items.map((m) => m.name))
      cursor = result.data.nextCursor ?? undefined
      if (!cursor) break
    }
    expect(seen).toHaveLength(46) // t2 and the 45
    expect(seen).toEqual(
      seen
        .map((name) => ({ name }))
        .sort(byName)
        .map((r) => r.name),
    )
    expect(new Set(seen).size).toBe(46)
  })

  it('lists names in 拼音 order, as a Chinese roster is read: 李 before 王 before 张, 曾 read as a surname', async () => {
    for (const [_id, name] of [
      ['zhang', '张三'],
      ['wang', '王五'],
      ['li', '李四'],
      ['zeng', '曾国平'],
      ['ouyang', '欧阳修'],
    ])
      await cloud.addMember({ _id, name, groupId: 'group-4', branchId: 'branch-2' })
    const result = await cloud.call(listMembers, 'wx-ba2', { groupId: 'group-4' })
    if (!result.ok) throw new Error(result.message)
    expect(result.data.items.map((m) => m.name)).toEqual(['李四', '欧阳修', '王五', '曾国平', '张三'])
  })

  it('keys a record stored before names were keyed once (as the local cloud does on start), which then lists in its place', async () => {
    await cloud.db.collection(MEMBERS).add({
      data: { _id: 'old', openid: 'wx-old', name: '赵安', groupId: 'group-4', branchId: 'branch-2', roles: ['member'], status: 'active', largeFont: false },
    })
    await cloud.addMember({ _id: 'li', name: '李四', groupId: 'group-4', branchId: 'branch-2' })
    expect(await keyMemberNames(cloud.db)).toBe(1)
    expect(await keyMemberNames(cloud.db)).toBe(0)
    const result = await cloud.call(listMembers, 'wx-ba2', { groupId: 'group-4' })
    if (!result.ok) throw new Error(result.message)
    expect(result.data.items.map((m) => m.name)).toEqual(['李四', '赵安'])
  })

  it('searches real names and phone numbers, and filters by role, status and branch', async () => {
    const names = async (input: object, caller = 'wx-org') => {
      const r = await cloud.call(listMembers, caller, input)
      return r.ok ? r.data.items.map((m) => m.name) : r.code
    }
    expect(await names({ search: '党员4' })).toEqual(['党员40', '党员41', '党员42', '党员43', '党员44'])
    expect(await names({ search: '138000000' })).toEqual(['欧阳宁'])
    expect(await names({ search: '.*' })).toEqual([])
    expect(await names({ role: 'branchAdmin' })).toEqual(['吴支部', '郑支部'])
    expect(await names({ status: 'pending' })).toEqual(['欧阳宁'])
    expect(await names({ branchId: 'branch-2' })).toEqual(['欧阳宁', '孙三', '郑支部'])
  })

  it('keeps a 支部管理员 inside their branch, with phones; the 组织管理员 sees all', async () => {
    const ba2 = await cloud.call(listMembers, 'wx-ba2', {})
    expect(ba2.ok && ba2.data.items.map((m) => m._id).sort()).toEqual(['ba2', 'pre', 't3'])
    expect(ba2.ok && ba2.data.items.find((m) => m._id === 'pre')).toMatchObject({ phone: '13800000041', status: 'pending' })
    expect(await cloud.call(listMembers, 'wx-ba2', { groupId: 'group-1' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await cloud.call(listMembers, 'wx-ba2', { branchId: 'branch-1' })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['x'])).toString('base64url')
    expect(await cloud.call(listMembers, 'wx-org', { cursor: forged })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('分页') })
  })
})

describe('getGroup', () => {
  it('shows a member their group: active members, leaders first, display names, no phones or OPENIDs', async () => {
    await cloud.addMember({ _id: 'pre', openid: '', name: '欧阳宁', status: 'pending', phone: '13800000041' })
    await cloud.addMember({ _id: 'gone', name: '已离开', status: 'inactive' })
    await cloud.db
      .collection(MEMBERS)
      .doc('t1')
      .update({ data: { displayName: '小赵', phone: '13800000001' } })

    // The environment's signing key (caller passes) is made on its first use: not the page's cost.
    await cloud.call(getGroup, 'wx-m1', {})
    const { result: result, trips } = await recordTrips(cloud, () => cloud.call(getGroup, 'wx-m1', {}))

    expect(result).toMatchObject({ ok: true, data: { group: { _id: 'group-1', name: '第一党小组', archived: false, branchName: '第一党支部' } } })
    // The page in four reads: the caller, the group with its branch (the caller's), its members (once for the
    // list and the prompts' participation), its prompts (none yet, so no replies to count).
    expect(trips.sort()).toEqual(['get members', 'get members', 'get prompts', 'get units'])
    if (!result.ok) return
    expect(result.data.members[0]).toMatchObject({ _id: 'lead1', isLeader: true, roles: ['member', 'leader'] })
    expect(result.data.members.map((m) => m._id).sort()).toEqual(['ba1', 'lead1', 'm1', 'org', 't1'])
    expect(result.data.members.find((m) => m._id === 't1')).toEqual({
      _id: 't1',
      name: '赵一',
      displayName: '小赵',
      avatarUrl: null,
      roles: ['member'],
      isLeader: false,
    })
    expect(JSON.stringify(result)).not.toMatch(/1380000|openid|wx-/)
  })

  it('refuses another group to a plain member and to a 党小组长', async () => {
    expect(await cloud.call(getGroup, 'wx-m1', { groupId: 'group-2' })).toMatchObject({ code: 'FORBIDDEN', message: '你没有权限查看这个党小组' })
    expect(await cloud.call(getGroup, 'wx-lead1', { groupId: 'group-2' })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('shows an admin a group of another branch with that branch’s name; a branch is not a group', async () => {
    expect(await cloud.call(getGroup, 'wx-org', { groupId: 'group-3' })).toMatchObject({
      ok: true,
      data: { group: { _id: 'group-3', name: '第三党小组', branchId: 'branch-2', branchName: '第二党支部' } },
    })
    expect(await cloud.call(getGroup, 'wx-org', { groupId: 'branch-1' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '没有找到这个党小组' })
  })
})

describe('updateProfile', () => {
  it('sets and clears the caller’s display name, avatar and large-font preference', async () => {
    const set = await cloud.call(updateProfile, 'wx-m1', {
      displayName: ' 小李 ',
      avatarUrl: 'cloud://env-1.bucket/avatars/m1-1764800000000.png',
      largeFont: true,
    })
    expect(set).toMatchObject({
      ok: true,
      data: { memberId: 'm1', name: '李党员', displayName: '小李', avatarUrl: 'cloud://env-1.bucket/avatars/m1-1764800000000.png', largeFont: true },
    })
    // Only a picture uploaded for this member: not another member's, nor any address on the web.
    for (const avatarUrl of ['https://evil.example/a.png', 'cloud://env-1.bucket/avatars/t1-1764800000000.png', 'cloud://env-1.bucket/other/m1-1.png']) {
      expect(await cloud.call(updateProfile, 'wx-m1', { avatarUrl })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: '头像只能使用在小程序里上传的图片',
      })
    }
    const cleared = await cloud.call(updateProfile, 'wx-m1', { displayName: null, avatarUrl: null })
    expect(cleared).toMatchObject({ ok: true, data: { displayName: null, avatarUrl: null, largeFont: true } })
    const doc = await memberDoc('m1')
    expect(doc).not.toHaveProperty('displayName')
    expect(doc).toMatchObject({ name: '李党员', roles: ['member'], groupId: 'group-1' })
  })

  it.each([
    ['nothing to change', {}, '没有要修改的内容'],
    ['an empty display name', { displayName: '  ' }, '显示名称不能为空'],
    ['a display name over 20 characters', { displayName: '名'.repeat(21) }, '显示名称最多 20 个字'],
    ['an avatar on the web', { avatarUrl: 'https://example.com/a.png' }, '头像只能使用在小程序里上传的图片'],
    ['a field it does not edit', { name: '改名' }, ''],
    ['another member’s id', { memberId: 't1', largeFont: true }, ''],
  ])('refuses %s', async (_case, input, message) => {
    expect(await cloud.call(updateProfile, 'wx-m1', input)).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining(message) })
    expect(await memberDoc('m1')).toMatchObject({ name: '李党员', largeFont: false })
  })
})
