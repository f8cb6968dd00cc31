import { archiveUnit } from '../../server/actions/archiveUnit'
import { createInvitation } from '../../server/actions/createInvitation'
import { getGroup } from '../../server/actions/getGroup'
import { listInvitations } from '../../server/actions/listInvitations'
import { listUnits } from '../../server/actions/listUnits'
import { register } from '../../server/actions/register'
import { revokeInvitation } from '../../server/actions/revokeInvitation'
import { saveUnit } from '../../server/actions/saveUnit'
import { AUDIT } from '../../server/audit'
import { CODE_ALPHABET } from '../../server/invitations'
import { MEMBERS } from '../../server/members'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(async () => {
  // Monday 2026-11-23, 10:00 in Shanghai.
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
})
afterEach(() => cloud.close())

const auditActions = async () => (await allDocs(cloud.db, AUDIT)).map((e) => e.action)

describe('listUnits', () => {
  it('gives the 组织管理员 the whole tree with active member counts', async () => {
    await cloud.addMember({ _id: 'gone', status: 'inactive', groupId: 'group-2' })
    const result = await cloud.call(listUnits, 'wx-org', {})
    expect(result).toEqual({
      ok: true,
      // An admin's roles are looked up on every call: no caller pass.
      callerPass: null,
      data: {
        committee: { _id: 'committee', name: '测试党委' },
        branches: [
          {
            _id: 'branch-1',
            kind: 'branch',
            name: '第一党支部',
            parentId: 'committee',
            archived: false,
            memberCount: 6,
            groups: [
              { _id: 'group-1', kind: 'group', name: '第一党小组', parentId: 'branch-1', archived: false, memberCount: 5 },
              { _id: 'group-2', kind: 'group', name: '第二党小组', parentId: 'branch-1', archived: false, memberCount: 1 },
            ],
          },
          {
            _id: 'branch-2',
            kind: 'branch',
            name: '第二党支部',
            parentId: 'committee',
            archived: false,
            memberCount: 2,
            groups: [
              { _id: 'group-3', kind: 'group', name: '第三党小组', parentId: 'branch-2', archived: false, memberCount: 2 },
              { _id: 'group-4', kind: 'group', name: '第四党小组', parentId: 'branch-2', archived: false, memberCount: 0 },
            ],
          },
        ],
      },
    })
  })

  it('gives a 支部管理员 their own branch only', async () => {
    const result = await cloud.call(listUnits, 'wx-ba2', {})
    expect(result.ok && result.data.branches.map((b) => [b._id, b.groups.map((g) => g._id)])).toEqual([['branch-2', ['group-3', 'group-4']]])
  })
})

describe('saveUnit', () => {
  it('creates a group under a branch, then renames it; each change audited', async () => {
    const created = await cloud.call(saveUnit, 'wx-ba1', { kind: 'group', name: ' 第五党小组 ', parentId: 'branch-1' })
    expect(created).toMatchObject({ ok: true, data: { kind: 'group', name: '第五党小组', parentId: 'branch-1', archived: false } })
    const id = created.ok ? created.data._id : ''
    expect(id).toMatch(/^group-/)

    expect(await cloud.call(saveUnit, 'wx-ba1', { id, kind: 'group', name: '青年党小组' })).toMatchObject({ ok: true, data: { _id: id, name: '青年党小组' } })
    const tree = await cloud.call(listUnits, 'wx-ba1', {})
    expect(tree.ok && tree.data.branches[0].groups.map((g) => g.name)).toEqual(['第一党小组', '第二党小组', '青年党小组'])
    expect((await allDocs(cloud.db, AUDIT)).map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['unit.create', null, { kind: 'group', name: '第五党小组', parentId: 'branch-1' }],
        ['unit.rename', { name: '第五党小组' }, { name: '青年党小组' }],
      ]),
    )
  })

  it('the 组织管理员 creates a 党支部 under the 党委', async () => {
    expect(await cloud.call(saveUnit, 'wx-org', { kind: 'branch', name: '第三党支部' })).toMatchObject({
      ok: true,
      data: { kind: 'branch', parentId: 'committee' },
    })
  })

  it.each([
    ['a name already used beside it', { kind: 'group', name: '第二党小组', parentId: 'branch-1' }, 'CONFLICT', '已有「第二党小组」'],
    ['an empty name', { kind: 'group', name: ' ', parentId: 'branch-1' }, 'INVALID_INPUT', '名称不能为空'],
    ['a name over 30 characters', { kind: 'group', name: '党'.repeat(31), parentId: 'branch-1' }, 'INVALID_INPUT', '名称最多 30 个字'],
    ['a group without its branch', { kind: 'group', name: '第五党小组' }, 'INVALID_INPUT', '所属的党支部'],
    ['a group under a group', { kind: 'group', name: '第五党小组', parentId: 'group-1' }, 'NOT_FOUND', '党支部'],
    ['moving a group to another branch', { id: 'group-1', kind: 'group', name: '第一党小组', parentId: 'branch-2' }, 'CONFLICT', '上级单位'],
    ['renaming with the wrong kind', { id: 'group-1', kind: 'branch', name: '改名' }, 'NOT_FOUND', '党支部'],
  ])('refuses %s', async (_case, input, code, message) => {
    expect(await cloud.call(saveUnit, 'wx-org', input)).toMatchObject({ ok: false, code, message: expect.stringContaining(message) })
    expect(await auditActions()).toEqual([])
  })
})

describe('archiveUnit', () => {
  it('archiving a group keeps its members and their records; it takes no new members until restored', async () => {
    await cloud.addInvitation({ _id: 'XXQGAAAA' })
    const membersBefore = await allDocs(cloud.db, MEMBERS)

    expect(await cloud.call(archiveUnit, 'wx-ba1', { id: 'group-1', archived: true })).toMatchObject({ ok: true, data: { archived: true } })

    expect(await allDocs(cloud.db, MEMBERS)).toEqual(membersBefore)
    expect(await cloud.call(getGroup, 'wx-m1', {})).toMatchObject({ ok: true, data: { group: { archived: true } } })
    const tree = await cloud.call(listUnits, 'wx-org', {})
    expect(tree.ok && tree.data.branches[0].groups[0]).toMatchObject({ _id: 'group-1', archived: true, memberCount: 5 })
    expect(await cloud.call(register, 'wx-new', { name: '新人', code: 'XXQGAAAA' })).toMatchObject({ code: 'CONFLICT' })
    expect(await cloud.call(createInvitation, 'wx-ba1', { groupId: 'group-1' })).toMatchObject({ code: 'CONFLICT' })

    expect(await cloud.call(archiveUnit, 'wx-ba1', { id: 'group-1', archived: false })).toMatchObject({ ok: true, data: { archived: false } })
    expect(await cloud.call(register, 'wx-new', { name: '新人', code: 'XXQGAAAA' })).toMatchObject({ ok: true })
    expect(await auditActions()).toEqual(expect.arrayContaining(['unit.archive', 'unit.unarchive', 'member.register']))
  })

  it('a branch is archived after its groups, and a group restored after its branch', async () => {
    expect(await cloud.call(archiveUnit, 'wx-org', { id: 'branch-2', archived: true })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('请先归档'),
    })
    await cloud.call(archiveUnit, 'wx-org', { id: 'group-3', archived: true })
    await cloud.call(archiveUnit, 'wx-org', { id: 'group-4', archived: true })
    expect(await cloud.call(archiveUnit, 'wx-org', { id: 'branch-2', archived: true })).toMatchObject({ ok: true })
    expect(await cloud.call(archiveUnit, 'wx-org', { id: 'group-3', archived: false })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('请先恢复'),
    })
  })

  it('refuses the 党委 and unknown units', async () => {
    expect(await cloud.call(archiveUnit, 'wx-org', { id: 'committee', archived: true })).toMatchObject({ code: 'CONFLICT' })
    expect(await cloud.call(archiveUnit, 'wx-org', { id: 'group-9', archived: true })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('createInvitation', () => {
  it('issues an 8-character code valid through the Shanghai day 14 days on, 30 uses, with a share text', async () => {
    const result = await cloud.call(createInvitation, 'wx-ba1', { groupId: 'group-2' })

    expect(result).toMatchObject({
      ok: true,
      data: {
        invitation: {
          groupId: 'group-2',
          groupName: '第二党小组',
          branchId: 'branch-1',
          maxUses: 30,
          uses: 0,
          expiresAt: '2026-12-07T16:00:00.000Z',
          validThrough: '2026-12-07',
          revoked: false,
          state: 'active',
          createdBy: 'ba1',
          createdAt: '2026-11-23T02:00:00.000Z',
        },
      },
    })
    if (!result.ok) return
    const { code } = result.data.invitation
    expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`))
    expect(result.data.shareText).toBe(
      `邀请你加入「学习圈」第一党支部第二党小组。打开微信小程序「学习圈」，选择实名注册，填写真实姓名和邀请码：${code}，有效期至2026年12月7日。`,
    )
    expect(await allDocs(cloud.db, AUDIT)).toEqual([
      expect.objectContaining({ action: 'invitation.create', targetType: 'invitation', targetId: code, actorId: 'ba1' }),
    ])
    expect(await cloud.call(register, 'wx-new', { name: '新人', code })).toMatchObject({ ok: true, data: { me: { groupId: 'group-2' } } })
  })

  it('takes a use limit and a validity in days', async () => {
    const result = await cloud.call(createInvitation, 'wx-org', { groupId: 'group-3', maxUses: 1, expiresInDays: 1 })
    expect(result).toMatchObject({ ok: true, data: { invitation: { maxUses: 1, validThrough: '2026-11-24' } } })
  })

  it.each([
    [{ groupId: 'group-1', maxUses: 0 }, '至少 1 次'],
    [{ groupId: 'group-1', maxUses: 201 }, '最多 200 次'],
    [{ groupId: 'group-1', maxUses: 2.5 }, '整数'],
    [{ groupId: 'group-1', expiresInDays: 0 }, '至少 1 天'],
    [{ groupId: 'group-1', expiresInDays: 91 }, '最多 90 天'],
  ])('refuses %j', async (input, message) => {
    expect(await cloud.call(createInvitation, 'wx-org', input)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) })
  })

  it('refuses a branch or an unknown group', async () => {
    expect(await cloud.call(createInvitation, 'wx-org', { groupId: 'branch-1' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await cloud.call(createInvitation, 'wx-org', { groupId: 'group-9' })).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('revokeInvitation and listInvitations', () => {
  beforeEach(async () => {
    await cloud.addInvitation({ _id: 'XXQGAAAA', groupId: 'group-1', branchId: 'branch-1', createdAt: new Date('2026-11-01T00:00:00Z') })
    await cloud.addInvitation({ _id: 'XXQGCCCC', groupId: 'group-3', branchId: 'branch-2', createdAt: new Date('2026-11-02T00:00:00Z') })
    await cloud.addInvitation({ _id: 'XXQGBBBB', groupId: 'group-2', branchId: 'branch-1', maxUses: 1, uses: 1, createdAt: new Date('2026-11-03T00:00:00Z') })
  })

  it('a revoked code can no longer be used; revoking twice writes one audit entry', async () => {
    expect(await cloud.call(revokeInvitation, 'wx-ba1', { code: 'xxqgaaaa' })).toMatchObject({
      ok: true,
      data: { code: 'XXQGAAAA', revoked: true, state: 'revoked' },
    })
    expect(await cloud.call(revokeInvitation, 'wx-ba1', { code: 'XXQGAAAA' })).toMatchObject({ ok: true })
    expect(await cloud.call(register, 'wx-new', { name: '新人', code: 'XXQGAAAA' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('已作废'),
    })
    expect(await auditActions()).toEqual(['invitation.revoke'])
    expect(await cloud.call(revokeInvitation, 'wx-ba1', { code: 'ZZZZZZZZ' })).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists the codes within reach, newest first, with their state', async () => {
    const all = await cloud.call(listInvitations, 'wx-org', {})
    expect(all.ok && all.data.items.map((i) => [i.code, i.state])).toEqual([
      ['XXQGBBBB', 'usedUp'],
      ['XXQGCCCC', 'active'],
      ['XXQGAAAA', 'active'],
    ])
    const branch1 = await cloud.call(listInvitations, 'wx-ba1', {})
    expect(branch1.ok && branch1.data.items.map((i) => i.code)).toEqual(['XXQGBBBB', 'XXQGAAAA'])
    const group1 = await cloud.call(listInvitations, 'wx-ba1', { groupId: 'group-1' })
    expect(group1.ok && group1.data.items.map((i) => [i.code, i.groupName])).toEqual([['XXQGAAAA', '第一党小组']])
    cloud.clock.fix(new Date('2027-01-01T00:00:00Z'))
    const later = await cloud.call(listInvitations, 'wx-ba1', { groupId: 'group-1' })
    expect(later.ok && later.data.items[0].state).toBe('expired')
  })

  it('pages 20 at a time, newest first, each code once, codes made at the same instant included', async () => {
    // 42 more codes for group-2, two to a minute, all after XXQGBBBB: 43 in group-2.
    for (let i = 0; i < 42; i++) {
      await cloud.addInvitation({
        _id: `PAGE${String(i).padStart(4, '0')}`,
        groupId: 'group-2',
        createdAt: new Date(Date.UTC(2026, 10, 10, 0, Math.floor(i / 2))),
      })
    }
    const pages: string[][] = []
    let cursor: string | undefined
    do {
      const page = await cloud.call(listInvitations, 'wx-ba1', { groupId: 'group-2', ...(cursor ? { cursor } : {}) })
      if (!page.ok) throw new Error(page.message)
      pages.push(page.data.items.map((i) => i.code))
      cursor = page.data.nextCursor ?? undefined
      // A code made while the admin pages is on the first page next time, not repeated or skipped now.
      if (pages.length === 1) await cloud.addInvitation({ _id: 'XXQGNEWW', groupId: 'group-2', createdAt: new Date('2026-11-23T02:00:00Z') })
    } while (cursor)
    expect(pages.map((p) => p.length)).toEqual([20, 20, 3])
    const newestFirst = Array.from({ length: 42 }, (_, i) => `PAGE${String(41 - i).padStart(4, '0')}`)
    expect(pages.flat()).toEqual([...newestFirst, 'XXQGBBBB'])
  })

  it('refuses a cursor it did not issue', async () => {
    const forged = Buffer.from(JSON.stringify(['not a time', 'XXQGAAAA'])).toString('base64url')
    for (const cursor of ['not-a-cursor', forged]) {
      expect(await cloud.call(listInvitations, 'wx-org', { cursor })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        message: '分页位置无效，请从第一页重新查看',
      })
    }
  })
})
