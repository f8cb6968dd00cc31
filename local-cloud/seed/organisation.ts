import type { Role, Unit } from '../../types'
import type { Member } from '../../server/members'

/** The demo organisation the local cloud starts with: one 党委, two 党支部, four 党小组. */
export type SeedUnit = Unit

export const units: SeedUnit[] = [
  { _id: 'committee', kind: 'committee', name: '示范单位机关党委', parentId: null, archived: false },
  { _id: 'branch-1', kind: 'branch', name: '机关第一党支部', parentId: 'committee', archived: false },
  { _id: 'branch-2', kind: 'branch', name: '机关第二党支部', parentId: 'committee', archived: false },
  { _id: 'group-1-1', kind: 'group', name: '第一党小组', parentId: 'branch-1', archived: false },
  { _id: 'group-1-2', kind: 'group', name: '第二党小组', parentId: 'branch-1', archived: false },
  { _id: 'group-2-1', kind: 'group', name: '第三党小组', parentId: 'branch-2', archived: false },
  { _id: 'group-2-2', kind: 'group', name: '第四党小组', parentId: 'branch-2', archived: false },
]

/** Ten members per 党小组, in order; the first of each group leads it. */
const rosters: Record<string, string[]> = {
  'group-1-1': ['陈立新', '刘晓燕', '张文博', '赵雅琴', '孙浩然', '周慧玲', '吴俊峰', '郑丽华', '黄志强', '何静怡'],
  'group-1-2': ['林国栋', '马淑芬', '高明远', '罗晓梅', '梁永红', '李佳宁', '谢伟东', '韩若溪', '唐志刚', '冯玉兰'],
  'group-2-1': ['许建华', '邓春梅', '曹宇航', '彭丽娟', '王海燕', '蒋婉清', '田振宇', '董思雨', '袁海涛', '潘美玲'],
  'group-2-2': ['杜卫平', '程秀丽', '魏子涵', '苏国强', '吕欣然', '李锦程', '任雪梅', '姚振洲', '卢佳琪', '沈晓东'],
}

/** Extra roles by member number: one 管理员 for the 党委, one per 党支部. */
const extraRoles: Record<number, Role[]> = {
  2: ['branchAdmin'],
  3: ['orgAdmin'],
  22: ['branchAdmin'],
}

export type SeedMember = Member

const pad = (n: number) => String(n).padStart(2, '0')
const branchOf = (groupId: string) => units.find((u) => u._id === groupId)!.parentId!

const activeMembers: SeedMember[] = Object.entries(rosters).flatMap(([groupId, names], g) =>
  names.map((name, i): SeedMember => {
    const n = g * 10 + i + 1
    const roles: Role[] = ['member', ...(i === 0 ? (['leader'] as Role[]) : []), ...(extraRoles[n] ?? [])]
    const branchId = branchOf(groupId)
    return { _id: `member-${pad(n)}`, openid: `local-openid-${n}`, name, groupId, branchId, roles, status: 'active', largeFont: false }
  }),
)

/** 预登记, not yet claimed: register with this name and the group's code to claim the record. */
const pendingMembers: SeedMember[] = [
  ['member-41', '欧阳宁', '13800000041', 'group-1-1'],
  ['member-42', '司马文', '13800000042', 'group-2-1'],
].map(([_id, name, phone, groupId]) => ({
  _id,
  openid: '',
  name,
  groupId,
  branchId: branchOf(groupId),
  roles: ['member'],
  status: 'pending',
  phone,
  largeFont: false,
}))

export const members: SeedMember[] = [...activeMembers, ...pendingMembers]

/**
 * Demo invitation codes (邀请码), readable and within the code alphabet (no I, L, O, 0, 1): one
 * roomy code per group, a single-use one, and an expired and a revoked one to see the refusals.
 * Validity counts from the seed's clock.
 */
export interface SeedInvitation {
  code: string
  groupId: string
  maxUses: number
  validDays: number
  revoked: boolean
  note: string
}

export const invitations: SeedInvitation[] = [
  { code: 'XXQGA888', groupId: 'group-1-1', maxUses: 200, validDays: 365, revoked: false, note: '第一党小组' },
  { code: 'XXQGB888', groupId: 'group-1-2', maxUses: 200, validDays: 365, revoked: false, note: '第二党小组' },
  { code: 'XXQGC888', groupId: 'group-2-1', maxUses: 200, validDays: 365, revoked: false, note: '第三党小组' },
  { code: 'XXQGD888', groupId: 'group-2-2', maxUses: 200, validDays: 365, revoked: false, note: '第四党小组' },
  { code: 'XXQGA333', groupId: 'group-1-1', maxUses: 1, validDays: 365, revoked: false, note: '第一党小组，只能用一次' },
  { code: 'XXQEXPRD', groupId: 'group-1-2', maxUses: 30, validDays: -1, revoked: false, note: '已过期' },
  { code: 'XXQREVKD', groupId: 'group-2-1', maxUses: 30, validDays: 365, revoked: true, note: '已作废' },
]

/** Who issued the demo codes: the organisation's admin. */
export const INVITER_ID = 'member-03'
