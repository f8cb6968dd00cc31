import type { Role } from '../../types'

export const ROLE_NAMES: Record<Role, string> = {
  member: '党员',
  leader: '党小组长',
  branchAdmin: '支部管理员',
  orgAdmin: '组织管理员',
}
