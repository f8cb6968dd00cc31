import type { Role } from '../../types'

export const ROLE_NAMES: Record<Role, string> = {
  member: '党员',
  leader: '党小组长',
  branchAdmin: '支部管理员',
  orgAdmin: '组织管理员',
}

/** Roles in Chinese, in the contract's order; every member is a 党员. */
export function roleText(roles: readonly Role[]): string {
  const all: Role[] = ['member', 'leader', 'branchAdmin', 'orgAdmin']
  return all
    .filter((r) => r === 'member' || roles.includes(r))
    .map((r) => ROLE_NAMES[r])
    .join('、')
}

/** 支部管理员 or 组织管理员: may open 组织管理. */
export const isAdmin = (roles: readonly Role[]) => roles.includes('branchAdmin') || roles.includes('orgAdmin')
