import type { MemberSummary, Role } from '../types'
import { normaliseRoles } from '../types/people'
import { ROLES } from '../types/constants'
import { recordAudit } from './audit'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { MEMBERS, requireMember, type Member } from './members'
import { authorize, memberTarget, type Action } from './permissions'
import { summaryOf } from './roster'

/** Granting or revoking a role is its own action in the permission table. */
const ROLE_ACTION: Record<Exclude<Role, 'member'>, Action> = {
  leader: 'roles.leader',
  branchAdmin: 'roles.branchAdmin',
  orgAdmin: 'roles.orgAdmin',
}
const ADMIN_ROLES: Role[] = ['branchAdmin', 'orgAdmin']

/**
 * Throws FORBIDDEN unless the caller may manage this member, including every role the member holds:
 * a 支部管理员 cannot deactivate or move the organisation's admin just because they sit in the branch.
 */
export function authorizeManage(caller: Member, member: Member): void {
  authorize(caller, 'members.manage', memberTarget(member))
  for (const role of member.roles) if (role !== 'member') authorize(caller, ROLE_ACTION[role], memberTarget(member))
}

/** Sets a member's whole set of roles; each role added or removed needs its own permission. */
export async function setRoles(db: CloudDatabase, caller: Member, now: Date, input: { memberId: string; roles: Role[] }): Promise<MemberSummary> {
  const member = await requireMember(db, input.memberId)
  authorize(caller, 'members.manage', memberTarget(member))
  const before = normaliseRoles(member.roles)
  const after = normaliseRoles(input.roles)
  const changed = ROLES.filter((r) => r !== 'member' && before.includes(r) !== after.includes(r))
  for (const role of changed) if (role !== 'member') authorize(caller, ROLE_ACTION[role], memberTarget(member))
  if (changed.length === 0) return summaryOf(db, member)
  if (member.status === 'inactive') throw new AppError('CONFLICT', '这位成员已停用，不能设置角色')
  const isAdmin = (roles: Role[]) => roles.some((r) => ADMIN_ROLES.includes(r))
  if (member._id === caller._id && isAdmin(before) && !isAdmin(after)) {
    throw new AppError('CONFLICT', '不能撤销你自己的最后一个管理员角色，请由其他管理员操作')
  }
  await db
    .collection(MEMBERS)
    .doc(member._id)
    .update({ data: { roles: db.command.set(after) } })
  await recordAudit(db, caller, now, {
    action: 'member.roles',
    targetType: 'member',
    targetId: member._id,
    targetName: member.name,
    before: { roles: before },
    after: { roles: after },
    unitIds: [member.groupId, member.branchId],
  })
  return summaryOf(db, { ...member, roles: after })
}
