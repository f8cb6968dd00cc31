import type { Role, UnitKind } from '../../types'

/** The demo organisation the local cloud starts with: one 党委, two 党支部, four 党小组. */
export interface SeedUnit {
  _id: string
  kind: UnitKind
  name: string
  parentId: string | null
}

export const units: SeedUnit[] = [
  { _id: 'committee', kind: 'committee', name: '示范单位机关党委', parentId: null },
  { _id: 'branch-1', kind: 'branch', name: '机关第一党支部', parentId: 'committee' },
  { _id: 'branch-2', kind: 'branch', name: '机关第二党支部', parentId: 'committee' },
  { _id: 'group-1-1', kind: 'group', name: '第一党小组', parentId: 'branch-1' },
  { _id: 'group-1-2', kind: 'group', name: '第二党小组', parentId: 'branch-1' },
  { _id: 'group-2-1', kind: 'group', name: '第三党小组', parentId: 'branch-2' },
  { _id: 'group-2-2', kind: 'group', name: '第四党小组', parentId: 'branch-2' },
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

export interface SeedMember {
  _id: string
  openid: string
  name: string
  groupId: string
  branchId: string
  roles: Role[]
  status: 'active'
}

const pad = (n: number) => String(n).padStart(2, '0')

export const members: SeedMember[] = Object.entries(rosters).flatMap(([groupId, names], g) => {
  const branchId = units.find((u) => u._id === groupId)!.parentId!
  return names.map((name, i): SeedMember => {
    const n = g * 10 + i + 1
    const roles: Role[] = ['member', ...(i === 0 ? (['leader'] as Role[]) : []), ...(extraRoles[n] ?? [])]
    return { _id: `member-${pad(n)}`, openid: `local-openid-${n}`, name, groupId, branchId, roles, status: 'active' }
  })
})
