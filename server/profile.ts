import type { Member, MemberProfile } from '../types'
import { findDoc } from './db/documents'
import type { CloudDatabase } from './db/types'

export const UNITS = 'units'

async function unitName(db: CloudDatabase, id: string): Promise<string> {
  const unit = await findDoc<{ name: string }>(db, UNITS, id)
  return unit?.name ?? ''
}

export async function profileOf(db: CloudDatabase, member: Member): Promise<MemberProfile> {
  const [groupName, branchName] = await Promise.all([unitName(db, member.groupId), unitName(db, member.branchId)])
  return { memberId: member._id, name: member.name, groupName, branchName, roles: member.roles }
}
