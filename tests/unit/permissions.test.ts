import type { Member } from '../../server/members'
import { authorize, authorizeGuest, PERMISSIONS, reachOf, scopeOf, type Action } from '../../server/permissions'

const ROLE_ORDER = ['member', 'leader', 'branchAdmin', 'orgAdmin'] as const
const WIDTH = { none: 0, self: 1, ownGroup: 2, ownBranch: 3, all: 4 }

const person = (roles: Member['roles']): Member => ({
  _id: 'me',
  openid: 'wx-me',
  name: '我',
  groupId: 'g1',
  branchId: 'b1',
  roles,
  status: 'active',
  largeFont: false,
})

describe('the permission table', () => {
  it.each(Object.keys(PERMISSIONS) as Action[])('%s: reach never narrows as the role rises', (action) => {
    const widths = ROLE_ORDER.map((role) => WIDTH[PERMISSIONS[action][role]])
    expect(widths).toEqual([...widths].sort((a, b) => a - b))
  })

  it('keeps a person’s own profile, check-ins and study time theirs alone, whatever the role', () => {
    for (const action of ['profile.write', 'checkins.write', 'study.write', 'study.read'] as const) {
      expect(ROLE_ORDER.map((role) => PERMISSIONS[action][role])).toEqual(['self', 'self', 'self', 'self'])
    }
  })

  it('a caller holds the widest reach of all their roles, and always that of 党员', () => {
    expect(reachOf(person(['leader']), 'group.read')).toBe('ownGroup')
    expect(reachOf(person(['member', 'leader', 'branchAdmin']), 'group.read')).toBe('ownBranch')
    expect(reachOf(person([]), 'profile.read')).toBe('self')
    expect(reachOf(person(['member', 'leader']), 'members.read')).toBeUndefined()
  })

  it('matches targets by where they sit', () => {
    const admin = person(['member', 'branchAdmin'])
    expect(() => authorize(admin, 'members.manage', { memberId: 'x', groupId: 'g2', branchId: 'b1' })).not.toThrow()
    expect(() => authorize(admin, 'members.manage', { memberId: 'x', groupId: 'g3', branchId: 'b2' })).toThrow('你没有权限管理这位成员')
    // An org-wide object is within no branch.
    expect(() => authorize(admin, 'branches.manage', {})).toThrow('你没有权限')
    expect(() => authorize(person(['member']), 'profile.write', { memberId: 'someone-else', groupId: 'g1', branchId: 'b1' })).toThrow()
  })

  it('lets guests (no active member record) read a shared article, and nothing else', () => {
    expect(() => authorizeGuest('articles.readShared')).not.toThrow()
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      if (action !== 'articles.readShared') expect(() => authorizeGuest(action)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
    }
  })

  it('scopes lists to the reach, and refuses a caller with none', () => {
    expect(scopeOf(person(['member', 'orgAdmin']), 'members.read')).toEqual({})
    expect(scopeOf(person(['member', 'branchAdmin']), 'members.read')).toEqual({ branchId: 'b1' })
    expect(() => scopeOf(person(['member', 'leader']), 'members.read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
  })
})
