import type { GroupMember, MemberStatus, MemberSummary, Role, Unit } from '../types'
import { MEMBERS_PAGE_SIZE } from '../types'
import { matching } from './db/documents'
import type { CloudDatabase, QueryCondition } from './db/types'
import { MEMBERS, type Member } from './members'
import { decodeCursor, pageOf } from './paging'
import { authorize, scopeOf, unitTarget } from './permissions'
import { groupMembersByName } from './discussion/docs'
import { loadUnits, requireGroup, requireUnit } from './units'

/** Unit names by id, for summaries. */
export async function unitNames(db: CloudDatabase): Promise<Map<string, string>> {
  return new Map((await loadUnits(db)).map((u) => [u._id, u.name]))
}

/** The admin view of a member: phone included, OPENID never. */
export function toSummary(m: Member, names: Map<string, string>): MemberSummary {
  return {
    _id: m._id,
    name: m.name,
    displayName: m.displayName ?? null,
    groupId: m.groupId,
    groupName: names.get(m.groupId) ?? '',
    branchId: m.branchId,
    branchName: names.get(m.branchId) ?? '',
    roles: m.roles,
    status: m.status,
    phone: m.phone ?? null,
    sameNameAs: (m.review?.sameNameAs ?? []).map((s) => ({ _id: s._id, groupName: names.get(s.groupId) ?? '', status: s.status })),
  }
}

export async function summaryOf(db: CloudDatabase, member: Member): Promise<MemberSummary> {
  return toSummary(member, await unitNames(db))
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface ListMembers {
  search?: string
  groupId?: string
  branchId?: string
  role?: Role
  status?: MemberStatus
  cursor?: string
}

/** 名册: the members within the caller's reach, filtered, by real name, a page at a time. */
export async function listMembers(db: CloudDatabase, caller: Member, input: ListMembers) {
  const _ = db.command
  const scope = scopeOf(caller, 'members.read')
  const conditions: QueryCondition[] = []
  if (scope.memberId) conditions.push({ _id: scope.memberId })
  if (scope.groupId) conditions.push({ groupId: scope.groupId })
  if (scope.branchId) conditions.push({ branchId: scope.branchId })
  if (input.branchId) {
    await requireUnit(db, input.branchId, 'branch')
    authorize(caller, 'members.read', { branchId: input.branchId })
    conditions.push({ branchId: input.branchId })
  }
  if (input.groupId) {
    authorize(caller, 'members.read', unitTarget(await requireGroup(db, input.groupId)))
    conditions.push({ groupId: input.groupId })
  }
  if (input.role) conditions.push({ roles: input.role })
  if (input.status) conditions.push({ status: input.status })
  if (input.search) {
    const pattern = db.RegExp({ regexp: escapeRegExp(input.search), options: 'i' })
    conditions.push(_.or([{ name: pattern }, { displayName: pattern }, { phone: pattern }]))
  }
  if (input.cursor) {
    const [key, id] = decodeCursor(input.cursor, 2)
    conditions.push(_.or([{ nameKey: _.gt(key) }, { nameKey: key, _id: _.gt(id) }]))
  }
  const [names, { data }] = await Promise.all([
    unitNames(db),
    matching(db, MEMBERS, conditions)
      .orderBy('nameKey', 'asc')
      .orderBy('_id', 'asc')
      .limit(MEMBERS_PAGE_SIZE + 1)
      .get(),
  ])
  return pageOf(
    data as Member[],
    MEMBERS_PAGE_SIZE,
    (m) => [m.nameKey ?? '', m._id],
    (m) => toSummary(m, names),
  )
}

const toGroupMember = (m: Member): GroupMember => ({
  _id: m._id,
  name: m.name,
  displayName: m.displayName ?? null,
  avatarUrl: m.avatarUrl ?? null,
  roles: m.roles,
  isLeader: m.roles.includes('leader'),
})

/**
 * A 党小组 (with its branch, read with it) as its people see it: active members, leaders first; no
 * phone numbers. `active`: the members as read, for what the page shows beside them.
 */
export async function groupView(db: CloudDatabase, caller: Member, group: Unit, branch: Unit | undefined) {
  authorize(caller, 'group.read', unitTarget(group))
  const branchId = group.parentId ?? ''
  const active = await groupMembersByName(db, group._id)
  const members = active.map(toGroupMember).sort((a, b) => Number(b.isLeader) - Number(a.isLeader))
  return {
    group: { _id: group._id, name: group.name, archived: group.archived, branchId, branchName: branch?.name ?? '' },
    members,
    active,
  }
}
