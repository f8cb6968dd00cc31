import type { MemberStatus, MemberSummary, Role } from '../types'
import { recordAudit } from './audit'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { newId } from './ids'
import { MEMBERS, requireMember, type Member } from './members'
import { authorize, unitTarget } from './permissions'
import { authorizeManage } from './roles'
import { summaryOf } from './roster'
import { requireGroup, requireOpenGroup } from './units'

const STALE = '成员信息刚刚被其他管理员修改，请刷新后重试'

/**
 * 预登记: an admin records a person by real name and phone before they register; the person then
 * claims the record with an invitation code of the same group.
 */
export async function preregisterMember(
  db: CloudDatabase,
  checker: ContentChecker,
  caller: Member,
  now: Date,
  input: { name: string; phone: string; groupId: string },
): Promise<MemberSummary> {
  const group = await requireGroup(db, input.groupId)
  authorize(caller, 'members.manage', unitTarget(group))
  await requireCleanText(checker, caller.openid, 'profile', [input.name])
  await requireOpenGroup(db, group)
  const { total } = await db.collection(MEMBERS).where({ phone: input.phone }).count()
  if (total > 0) throw new AppError('CONFLICT', '这个手机号已经登记过了，请在名册中查找')
  const member: Member = {
    _id: newId('member'),
    openid: '',
    name: input.name,
    groupId: group._id,
    branchId: group.parentId ?? '',
    roles: ['member'],
    status: 'pending',
    phone: input.phone,
    largeFont: false,
  }
  await db.collection(MEMBERS).add({ data: member })
  await recordAudit(db, caller, now, {
    action: 'member.preregister',
    targetType: 'member',
    targetId: member._id,
    targetName: member.name,
    before: null,
    after: { name: member.name, phone: member.phone, groupId: member.groupId, status: member.status },
    unitIds: [member.groupId, member.branchId],
  })
  return summaryOf(db, member)
}

/**
 * Moves a member to another 党小组. Roles belong to a place: a 党小组长 stops leading on leaving
 * their group, a 支部管理员 stops administering on leaving their branch.
 */
export async function moveMember(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { memberId: string; groupId: string },
): Promise<MemberSummary> {
  const member = await requireMember(db, input.memberId)
  authorizeManage(caller, member)
  const group = await requireGroup(db, input.groupId)
  authorize(caller, 'members.manage', unitTarget(group))
  if (group._id === member.groupId) return summaryOf(db, member)
  await requireOpenGroup(db, group)
  const branchId = group.parentId ?? ''
  const dropped: Role[] = branchId === member.branchId ? ['leader'] : ['leader', 'branchAdmin']
  const roles = member.roles.filter((r) => !dropped.includes(r))
  const { stats } = await db
    .collection(MEMBERS)
    .where({ _id: member._id, groupId: member.groupId })
    .update({ data: { groupId: group._id, branchId, roles: db.command.set(roles) } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', STALE)
  await recordAudit(db, caller, now, {
    action: 'member.move',
    targetType: 'member',
    targetId: member._id,
    targetName: member.name,
    before: { groupId: member.groupId, branchId: member.branchId, roles: member.roles },
    after: { groupId: group._id, branchId, roles },
    unitIds: [member.groupId, member.branchId, group._id, branchId],
  })
  return summaryOf(db, { ...member, groupId: group._id, branchId, roles })
}

/**
 * Deactivates a member who left (their records stay for reports; they can no longer use the app),
 * or reactivates one: back to active, or to pending when the record was never claimed.
 */
export async function setActive(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  memberId: string,
  active: boolean,
): Promise<MemberSummary> {
  const member = await requireMember(db, memberId)
  authorizeManage(caller, member)
  if (!active && member._id === caller._id) throw new AppError('CONFLICT', '不能停用你自己的账号')
  const status: MemberStatus = !active ? 'inactive' : member.openid ? 'active' : 'pending'
  // A held registration (待确认) accepted as a different person becomes active too.
  if (member.status !== 'review' && (member.status === 'inactive') === !active) return summaryOf(db, member)
  const { stats } = await db
    .collection(MEMBERS)
    .where({ _id: member._id, status: member.status })
    .update({ data: { status } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', STALE)
  await recordAudit(db, caller, now, {
    action: active ? 'member.reactivate' : 'member.deactivate',
    targetType: 'member',
    targetId: member._id,
    targetName: member.name,
    before: { status: member.status },
    after: { status },
    unitIds: [member.groupId, member.branchId],
  })
  return summaryOf(db, { ...member, status })
}
