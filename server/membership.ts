import type { MemberStatus, MemberSummary, Role } from '../types'
import { recordAudit } from './audit'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { newId } from './ids'
import { MEMBERS, requireMember, type Member } from './members'
import { OPENIDS } from './registration'
import { authorize, unitTarget } from './permissions'
import { authorizeManage } from './roles'
import { summaryOf } from './roster'
import { nameKey } from './name-order'
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
    nameKey: nameKey(input.name),
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
export async function moveMember(db: CloudDatabase, caller: Member, now: Date, input: { memberId: string; groupId: string }): Promise<MemberSummary> {
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
export async function setActive(db: CloudDatabase, caller: Member, now: Date, memberId: string, active: boolean): Promise<MemberSummary> {
  const member = await requireMember(db, memberId)
  authorizeManage(caller, member)
  if (!active && member._id === caller._id) throw new AppError('CONFLICT', '不能停用你自己的账号')
  const status: MemberStatus = !active ? 'inactive' : member.openid ? 'active' : 'pending'
  // A held registration (待确认) accepted as a different person becomes active too.
  if (member.status !== 'review' && (member.status === 'inactive') === !active) return summaryOf(db, member)
  const { stats } = await db.collection(MEMBERS).where({ _id: member._id, status: member.status }).update({ data: { status } })
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

/**
 * A held registration (待确认) turns out to be the person of a record of the same name: one an admin
 * pre-registered, or an active member who registered again from a new WeChat account. That record
 * takes the registration's OPENID (a pre-registered one becomes active), and the held record, which
 * never had any study, is removed — one transaction, so the person is never on two records or none.
 */
export async function mergeHeld(db: CloudDatabase, caller: Member, now: Date, input: { memberId: string; sameAs: string }): Promise<MemberSummary> {
  const held = await requireMember(db, input.memberId)
  const target = await requireMember(db, input.sameAs)
  authorizeManage(caller, held)
  authorizeManage(caller, target)
  if (held.status !== 'review') throw new AppError('CONFLICT', '这条注册不在待确认中，请刷新后再看')
  if (!held.review?.sameNameAs.some((s) => s._id === target._id)) throw new AppError('INVALID_INPUT', '只能合并到注册时同名的那条记录')
  if (target.status !== 'active' && target.status !== 'pending')
    throw new AppError('CONFLICT', `这条记录${target.status === 'inactive' ? '已停用' : '也在待确认中'}，不能合并`)
  const merged: Member = { ...target, openid: held.openid, status: 'active', joinedAt: target.joinedAt ?? now.toISOString() }
  await db.runTransaction(async (t) => {
    const [{ data: h }, { data: m }] = await Promise.all([t.collection(MEMBERS).doc(held._id).get(), t.collection(MEMBERS).doc(target._id).get()])
    if ((h as Member).status !== 'review' || (m as Member).openid !== target.openid || (m as Member).status !== target.status)
      throw new AppError('CONFLICT', STALE)
    await t
      .collection(MEMBERS)
      .doc(target._id)
      .update({ data: { openid: merged.openid, status: merged.status, joinedAt: merged.joinedAt } })
    await t.collection(MEMBERS).doc(held._id).remove()
    await t
      .collection(OPENIDS)
      .doc(held.openid)
      .set({ data: { memberId: target._id, at: now } })
  })
  await recordAudit(db, caller, now, {
    action: 'member.merge',
    targetType: 'member',
    targetId: target._id,
    targetName: target.name,
    before: { status: target.status, groupId: target.groupId, heldId: held._id, heldGroupId: held.groupId },
    after: { status: merged.status, groupId: target.groupId },
    unitIds: [target.groupId, target.branchId, held.groupId, held.branchId],
  })
  return summaryOf(db, merged)
}
