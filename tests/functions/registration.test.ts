import { archiveUnit } from '../../server/actions/archiveUnit'
import { confirmSamePerson } from '../../server/actions/confirmSamePerson'
import { getMe } from '../../server/actions/getMe'
import { listMembers } from '../../server/actions/listMembers'
import { reactivateMember } from '../../server/actions/reactivateMember'
import { register } from '../../server/actions/register'
import { AUDIT } from '../../server/audit'
import { INVITATIONS } from '../../server/invitations'
import { MEMBERS } from '../../server/members'
import { OPENIDS } from '../../server/registration'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'

// Monday 2026-11-23, 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(NOW)
  await cloud.addCast()
  await cloud.addInvitation({ _id: 'XXQGA888', groupId: 'group-1', branchId: 'branch-1' })
})
afterEach(() => cloud.close())

const count = async (collection: string) => (await allDocs(cloud.db, collection)).length
const uses = async (code: string) => (await cloud.db.collection(INVITATIONS).doc(code).get()).data.uses as number

/** Everything registration writes, to check that a refused registration wrote nothing. */
async function snapshot() {
  return {
    members: await allDocs(cloud.db, MEMBERS),
    openids: await allDocs(cloud.db, OPENIDS),
    invitations: await allDocs(cloud.db, INVITATIONS),
    audit: await allDocs(cloud.db, AUDIT),
  }
}

describe('register: a new WeChat user', () => {
  it('becomes an active member of the code’s group, bound to their OPENID, and can use the app', async () => {
    const result = await cloud.call(register, 'wx-newcomer', { name: '  陈新来 ', code: 'XXQGA888' })

    expect(result).toEqual({
      ok: true,
      data: {
        status: 'created',
        me: {
          memberId: expect.stringMatching(/^member-/),
          name: '陈新来',
          displayName: null,
          avatarUrl: null,
          largeFont: false,
          groupId: 'group-1',
          groupName: '第一党小组',
          branchId: 'branch-1',
          branchName: '第一党支部',
          roles: ['member'],
        },
      },
    })
    const memberId = result.ok ? result.data.me.memberId : ''
    const { data: member } = await cloud.db.collection(MEMBERS).doc(memberId).get()
    expect(member).toMatchObject({ openid: 'wx-newcomer', status: 'active', groupId: 'group-1', branchId: 'branch-1' })
    expect(await uses('XXQGA888')).toBe(1)
    expect((await cloud.db.collection(OPENIDS).doc('wx-newcomer').get()).data).toMatchObject({ memberId })
    expect(await allDocs(cloud.db, AUDIT)).toEqual([
      expect.objectContaining({ action: 'member.register', actorId: memberId, targetId: memberId, before: null }),
    ])
    expect(await cloud.call(getMe, 'wx-newcomer', {})).toMatchObject({ ok: true, data: { memberId, name: '陈新来' } })
  })

  it('accepts a code typed in lower case or with spaces', async () => {
    const result = await cloud.call(register, 'wx-newcomer', { name: '陈新来', code: ' xxqg a888 ' })
    expect(result).toMatchObject({ ok: true, data: { status: 'created' } })
  })

  it('claims the pre-registered record of the same name in the code’s group instead of creating one', async () => {
    await cloud.addMember({ _id: 'pre-1', openid: '', name: '赵敏', status: 'pending', phone: '13800000001' })
    const before = await count(MEMBERS)

    const result = await cloud.call(register, 'wx-zhao', { name: '赵敏', code: 'XXQGA888' })

    expect(result).toMatchObject({ ok: true, data: { status: 'claimed', me: { memberId: 'pre-1', name: '赵敏' } } })
    expect(await count(MEMBERS)).toBe(before)
    const { data } = await cloud.db.collection(MEMBERS).doc('pre-1').get()
    expect(data).toMatchObject({ openid: 'wx-zhao', status: 'active', phone: '13800000001' })
    expect(await allDocs(cloud.db, AUDIT)).toEqual([expect.objectContaining({ action: 'member.claim', targetId: 'pre-1', before: { status: 'pending' } })])
  })

  it('also claims a record imported without any OPENID field', async () => {
    await cloud.db.collection(MEMBERS).add({
      data: { _id: 'imported', name: '赵敏', groupId: 'group-1', branchId: 'branch-1', roles: ['member'], status: 'pending', largeFont: false },
    })
    const result = await cloud.call(register, 'wx-zhao', { name: '赵敏', code: 'XXQGA888' })
    expect(result).toMatchObject({ ok: true, data: { status: 'claimed', me: { memberId: 'imported' } } })
  })

  it('does not claim a pre-registered record of another group: the registration is held for an admin, not a silent twin', async () => {
    await cloud.addMember({ _id: 'pre-2', openid: '', name: '赵敏', status: 'pending', groupId: 'group-2' })
    const result = await cloud.call(register, 'wx-zhao', { name: '赵敏', code: 'XXQGA888' })
    expect(result).toMatchObject({ ok: true, data: { status: 'held', me: { groupId: 'group-1' } } })
    expect((await cloud.db.collection(MEMBERS).doc('pre-2').get()).data).toMatchObject({ status: 'pending', openid: '' })
    const held = (await allDocs(cloud.db, MEMBERS)).find((m) => m.openid === 'wx-zhao')
    expect(held).toMatchObject({ status: 'review', review: { sameNameAs: [{ _id: 'pre-2', groupId: 'group-2', status: 'pending' }] } })
  })
})

describe('register: real names stay real', () => {
  it('a name the organisation has already is held (待确认): the app stays closed until a branch admin accepts a different person', async () => {
    // 李党员 (m1) is an active member of group-1.
    const first = await cloud.call(register, 'wx-li-2', { name: '李党员', code: 'XXQGA888' })
    expect(first).toMatchObject({ ok: true, data: { status: 'held' } })
    expect(await cloud.call(getMe, 'wx-li-2', {})).toMatchObject({
      ok: false,
      code: 'REGISTRATION_HELD',
      message: expect.stringContaining('等待党支部管理员确认'),
    })
    // Registering again answers the same: held, nothing new written.
    const before = await count(MEMBERS)
    expect(await cloud.call(register, 'wx-li-2', { name: '李党员', code: 'XXQGA888' })).toMatchObject({ ok: true, data: { status: 'held' } })
    expect(await count(MEMBERS)).toBe(before)
    // The admin sees it flagged, with the record of the same name, and accepts a different person.
    const listed = await cloud.call(listMembers, 'wx-ba1', { status: 'review' })
    expect(listed).toMatchObject({
      ok: true,
      data: { items: [{ name: '李党员', status: 'review', sameNameAs: [{ _id: 'm1', groupName: '第一党小组', status: 'active' }] }] },
    })
    const heldId = listed.ok ? listed.data.items[0]._id : ''
    expect(await cloud.call(reactivateMember, 'wx-ba1', { memberId: heldId })).toMatchObject({ ok: true, data: { status: 'active' } })
    expect(await cloud.call(getMe, 'wx-li-2', {})).toMatchObject({ ok: true, data: { name: '李党员' } })
    const audit = (await allDocs(cloud.db, AUDIT)).map((a) => a.action)
    expect(audit).toEqual(expect.arrayContaining(['member.held', 'member.reactivate']))
  })

  it('the admin finds the held registration is the pre-registered person: that record takes the WeChat, the held one goes', async () => {
    await cloud.addMember({ _id: 'pre-2', openid: '', name: '赵敏', status: 'pending', groupId: 'group-2' })
    expect(await cloud.call(register, 'wx-zhao', { name: '赵敏', code: 'XXQGA888' })).toMatchObject({ ok: true, data: { status: 'held' } })
    const heldId = (await allDocs(cloud.db, MEMBERS)).find((m) => m.openid === 'wx-zhao')!._id as string
    // Only into the record the registration was held beside, and only by an admin over both.
    expect(await cloud.call(confirmSamePerson, 'wx-ba1', { memberId: heldId, sameAs: 'm1' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await cloud.call(confirmSamePerson, 'wx-ba2', { memberId: heldId, sameAs: 'pre-2' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const merged = await cloud.call(confirmSamePerson, 'wx-ba1', { memberId: heldId, sameAs: 'pre-2' })
    expect(merged).toMatchObject({ ok: true, data: { _id: 'pre-2', status: 'active', groupId: 'group-2' } })
    expect(await cloud.call(getMe, 'wx-zhao', {})).toMatchObject({ ok: true, data: { memberId: 'pre-2', groupId: 'group-2' } })
    expect((await allDocs(cloud.db, MEMBERS)).filter((m) => m.name === '赵敏')).toHaveLength(1)
    expect((await cloud.db.collection(OPENIDS).doc('wx-zhao').get()).data).toMatchObject({ memberId: 'pre-2' })
    expect((await allDocs(cloud.db, AUDIT)).map((a) => a.action)).toEqual(expect.arrayContaining(['member.held', 'member.merge']))
    // Done once: again, the held record is gone.
    expect(await cloud.call(confirmSamePerson, 'wx-ba1', { memberId: heldId, sameAs: 'pre-2' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('a member who registered again from a new WeChat is the same person: the record keeps its history and moves to the new WeChat', async () => {
    expect(await cloud.call(register, 'wx-li-new', { name: '李党员', code: 'XXQGA888' })).toMatchObject({ ok: true, data: { status: 'held' } })
    const heldId = (await allDocs(cloud.db, MEMBERS)).find((m) => m.openid === 'wx-li-new')!._id as string
    expect(await cloud.call(confirmSamePerson, 'wx-ba1', { memberId: heldId, sameAs: 'm1' })).toMatchObject({ ok: true, data: { _id: 'm1', status: 'active' } })
    expect(await cloud.call(getMe, 'wx-li-new', {})).toMatchObject({ ok: true, data: { memberId: 'm1' } })
    expect(await cloud.call(getMe, 'wx-m1', {})).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
  })

  it.each([['a'], ['12345'], ['😀😀'], ['张'], ['Tom Lee'], ['张三3']])('refuses %s as a real name, and writes nothing', async (name) => {
    const before = await snapshot()
    expect(await cloud.call(register, 'wx-odd', { name, code: 'XXQGA888' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/姓名/),
    })
    expect(await snapshot()).toEqual(before)
  })

  it('takes minority names with ·, however the dot was typed', async () => {
    expect(await cloud.call(register, 'wx-ayi', { name: '阿依古丽•买买提', code: 'XXQGA888' })).toMatchObject({
      ok: true,
      data: { status: 'created', me: { name: '阿依古丽·买买提' } },
    })
  })

  it('a name written otherwise is the admin’s to approve: pre-registered, it is claimed as written', async () => {
    await cloud.addMember({ _id: 'pre-tom', openid: '', name: 'Tom Lee', status: 'pending', groupId: 'group-1' })
    expect(await cloud.call(register, 'wx-tom', { name: 'Tom Lee', code: 'XXQGA888' })).toMatchObject({
      ok: true,
      data: { status: 'claimed', me: { memberId: 'pre-tom' } },
    })
  })
})

describe('register: an OPENID that is already registered', () => {
  it('answers the existing member and writes nothing, whatever the name and code', async () => {
    const before = await snapshot()
    for (const input of [
      { name: '李党员', code: 'XXQGA888' },
      { name: '另一个名字', code: 'ZZZZZZZZ' },
    ]) {
      const result = await cloud.call(register, 'wx-m1', input)
      expect(result).toMatchObject({ ok: true, data: { status: 'already', me: { memberId: 'm1', name: '李党员' } } })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a deactivated member', async () => {
    await cloud.addMember({ _id: 'gone', openid: 'wx-gone', status: 'inactive' })
    expect(await cloud.call(register, 'wx-gone', { name: '成员gone', code: 'XXQGA888' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('停用'),
    })
  })

  it('a second registration right after the first answers the same member', async () => {
    const first = await cloud.call(register, 'wx-newcomer', { name: '陈新来', code: 'XXQGA888' })
    const second = await cloud.call(register, 'wx-newcomer', { name: '陈新来', code: 'XXQGA888' })
    expect(second).toMatchObject({ ok: true, data: { status: 'already' } })
    expect(second.ok && first.ok && second.data.me.memberId).toBe(first.ok && first.data.me.memberId)
    expect(await uses('XXQGA888')).toBe(1)
  })
})

describe('register: refused, with a clear message and nothing written', () => {
  beforeEach(async () => {
    const now = new Date(NOW).getTime()
    await cloud.addInvitation({ _id: 'EXPRD222', expiresAt: new Date(now - 1) })
    await cloud.addInvitation({ _id: 'REVKD222', revoked: true })
    await cloud.addInvitation({ _id: 'FULL2222', maxUses: 2, uses: 2 })
  })

  it.each([
    ['an empty name', { name: '   ', code: 'XXQGA888' }, 'INVALID_INPUT', '姓名不能为空'],
    ['a name over 20 characters', { name: '张'.repeat(21), code: 'XXQGA888' }, 'INVALID_INPUT', '姓名最多 20 个字'],
    ['a missing name', { code: 'XXQGA888' }, 'INVALID_INPUT', ''],
    ['a malformed code', { name: '陈新来', code: 'ABC' }, 'INVALID_INPUT', '邀请码应为 8 位'],
    ['an unknown code', { name: '陈新来', code: 'ZZZZZZZZ' }, 'NOT_FOUND', '邀请码不存在'],
    ['an expired code', { name: '陈新来', code: 'EXPRD222' }, 'CONFLICT', '已过期'],
    ['a revoked code', { name: '陈新来', code: 'REVKD222' }, 'CONFLICT', '已作废'],
    ['a used-up code', { name: '陈新来', code: 'FULL2222' }, 'CONFLICT', '使用次数已满'],
    ['an identity field in the payload', { name: '陈新来', code: 'XXQGA888', openid: 'wx-x' }, 'INVALID_INPUT', ''],
  ])('%s', async (_case, input, code, message) => {
    const before = await snapshot()
    const result = await cloud.call(register, 'wx-newcomer', input)
    expect(result).toMatchObject({ ok: false, code, message: expect.stringContaining(message) })
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await snapshot()).toEqual(before)
  })

  it('a code works until the instant it expires', async () => {
    const expiresAt = new Date('2026-11-30T16:00:00Z')
    await cloud.addInvitation({ _id: 'EDGE2222', expiresAt })
    cloud.clock.fix(new Date(expiresAt.getTime() - 1))
    expect(await cloud.call(register, 'wx-a', { name: '甲一', code: 'EDGE2222' })).toMatchObject({ ok: true })
    cloud.clock.fix(expiresAt)
    expect(await cloud.call(register, 'wx-b', { name: '乙二', code: 'EDGE2222' })).toMatchObject({ code: 'CONFLICT' })
  })

  it('a code of an archived group', async () => {
    await cloud.call(archiveUnit, 'wx-org', { id: 'group-1', archived: true })
    const before = await snapshot()
    expect(await cloud.call(register, 'wx-newcomer', { name: '陈新来', code: 'XXQGA888' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('已归档'),
    })
    expect(await snapshot()).toEqual(before)
  })

  it('a call with no OPENID in the context', async () => {
    expect(await cloud.call(register, undefined, { name: '陈新来', code: 'XXQGA888' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    })
  })
})

describe('register: concurrency', () => {
  it('at the use limit, exactly maxUses of many concurrent registrations succeed', async () => {
    await cloud.addInvitation({ _id: 'LIMIT333', maxUses: 3 })
    const membersBefore = await count(MEMBERS)

    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => cloud.call(register, `wx-rush-${i}`, { name: `抢注${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, code: 'LIMIT333' })),
    )

    const created = results.filter((r) => r.ok && r.data.status === 'created')
    const refused = results.filter((r) => !r.ok)
    expect(created).toHaveLength(3)
    expect(refused).toHaveLength(9)
    for (const r of refused) expect(r).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('使用次数已满') })
    expect(await uses('LIMIT333')).toBe(3)
    expect(await count(MEMBERS)).toBe(membersBefore + 3)
    expect((await allDocs(cloud.db, OPENIDS)).filter((g) => String(g._id).startsWith('wx-rush-'))).toHaveLength(3)
  })

  it('the same OPENID registering many times at once gets one member; the others answer it', async () => {
    const membersBefore = await count(MEMBERS)

    const results = await Promise.all(Array.from({ length: 10 }, () => cloud.call(register, 'wx-twice', { name: '陈新来', code: 'XXQGA888' })))

    expect(results.every((r) => r.ok)).toBe(true)
    const statuses = results.map((r) => (r.ok ? r.data.status : r.code))
    expect(statuses.filter((s) => s === 'created')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'already')).toHaveLength(9)
    expect(new Set(results.map((r) => r.ok && r.data.me.memberId)).size).toBe(1)
    expect(await count(MEMBERS)).toBe(membersBefore + 1)
    // Uses taken by the losers were given back.
    expect(await uses('XXQGA888')).toBe(1)
    expect((await allDocs(cloud.db, AUDIT)).filter((e) => e.action === 'member.register')).toHaveLength(1)
  })

  it('two people claiming the same pre-registered record at once: one claims it, the other is refused and undone', async () => {
    await cloud.addMember({ _id: 'pre-1', openid: '', name: '赵敏', status: 'pending' })

    const [a, b] = await Promise.all([
      cloud.call(register, 'wx-zhao-a', { name: '赵敏', code: 'XXQGA888' }),
      cloud.call(register, 'wx-zhao-b', { name: '赵敏', code: 'XXQGA888' }),
    ])

    const outcomes = [a, b].map((r) => (r.ok ? r.data.status : r.code)).sort()
    expect(outcomes).toEqual(['CONFLICT', 'claimed'])
    expect(await uses('XXQGA888')).toBe(1)
    const winner = (await cloud.db.collection(MEMBERS).doc('pre-1').get()).data.openid
    const guards = (await allDocs(cloud.db, OPENIDS)).map((g) => g._id)
    expect(guards).toContain(winner)
    expect(guards.filter((g) => String(g).startsWith('wx-zhao-'))).toHaveLength(1)
  })
})
