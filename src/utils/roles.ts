import type { Role } from '../../types'

/** 支部管理员 or 组织管理员: may open 组织管理. */
export const isAdmin = (roles: readonly Role[]) => roles.includes('branchAdmin') || roles.includes('orgAdmin')
