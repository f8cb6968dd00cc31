import { defineFunction } from '../function'
import { setRoles as assignRoles } from '../roles'

/** Sets a member's roles (党小组长, 支部管理员, 组织管理员). */
export const setRoles = defineFunction('setRoles', (input, { db, caller, now }) => assignRoles(db, caller, now, input))
