import type { MemberProfile } from '../types'
import { avatarOwner } from '../types/people'
import { AppError } from './errors'
import type { CloudDatabase } from './db/types'
import { MEMBERS, requireMember, type Member } from './members'
import { authorize, memberTarget } from './permissions'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { UNITS } from './units'

export async function profileOf(db: CloudDatabase, member: Member): Promise<MemberProfile> {
  authorize(member, 'profile.read', memberTarget(member))
  // The group's and the branch's names in one read.
  const { data } = await db
    .collection(UNITS)
    .where({ _id: db.command.in([member.groupId, member.branchId]) })
    .field({ name: true })
    .limit(2)
    .get()
  const nameOf = (id: string) => String(data.find((u) => u._id === id)?.name ?? '')
  const [groupName, branchName] = [nameOf(member.groupId), nameOf(member.branchId)]
  return {
    memberId: member._id,
    name: member.name,
    displayName: member.displayName ?? null,
    avatarUrl: member.avatarUrl ?? null,
    largeFont: member.largeFont === true,
    groupId: member.groupId,
    groupName,
    branchId: member.branchId,
    branchName,
    roles: member.roles,
  }
}

interface ProfileChanges {
  displayName?: string | null
  avatarUrl?: string | null
  largeFont?: boolean
}

/** A member edits only their own display name, avatar and large-font preference; null clears. */
export async function updateProfile(db: CloudDatabase, checker: ContentChecker, caller: Member, changes: ProfileChanges): Promise<MemberProfile> {
  authorize(caller, 'profile.write', memberTarget(caller))
  // Only a file uploaded for this member: not another member's picture, nor one on the web.
  if (changes.avatarUrl && avatarOwner(changes.avatarUrl) !== caller._id) throw new AppError('INVALID_INPUT', '头像只能使用在小程序里上传的图片')
  await requireCleanText(checker, caller.openid, 'profile', [changes.displayName])
  const _ = db.command
  const data: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) data[field] = value === null ? _.remove() : value
  }
  await db.collection(MEMBERS).doc(caller._id).update({ data })
  return profileOf(db, await requireMember(db, caller._id))
}
