import type { MemberStatus, Role } from '../types'
import { findDoc } from './db/documents'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'

export const MEMBERS = 'members'

/**
 * A member as stored. It stays on the server: `openid` and `phone` never travel to a phone, and
 * what an answer shows of a member is one of the shapes in types/ (MemberProfile, MemberSummary…).
 */
export interface Member {
  _id: string
  /** Binds the record to one WeChat user ('' until claimed). */
  openid: string
  /** Real name (实名). */
  name: string
  /** The name in 拼音 (server/name-order.ts), what lists sort members by; absent only on records from before it. */
  nameKey?: string
  groupId: string
  branchId: string
  roles: Role[]
  status: MemberStatus
  /** Mainland mobile number; only admins ever see it. */
  phone?: string
  displayName?: string
  avatarUrl?: string
  largeFont: boolean
  /** When the member registered (or claimed their pre-registered record); absent for records older than that. */
  joinedAt?: string
  /** Why a registration is held (status `review`): the records of the same name it may be, as they were then. */
  review?: { sameNameAs: { _id: string; groupId: string; status: MemberStatus }[] }
}

/** The member bound to a WeChat OPENID, or undefined when that person has not registered. */
export async function findMemberByOpenId(db: CloudDatabase, openid: string): Promise<Member | undefined> {
  // Pre-registered records carry an empty OPENID: never match them.
  if (!openid) return undefined
  const { data } = await db.collection(MEMBERS).where({ openid }).limit(1).get()
  return data[0] as Member | undefined
}

/** The calling member; only active members may use the app. */
export async function requireActiveMember(db: CloudDatabase, openid: string | undefined): Promise<Member> {
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录')
  const member = await findMemberByOpenId(db, openid)
  if (!member) throw new AppError('NOT_REGISTERED', '你还没有注册，请先完成实名注册')
  assertActive(member)
  return member
}

export function assertActive(member: Member): void {
  if (member.status === 'review') throw new AppError('REGISTRATION_HELD', HELD_MESSAGE)
  if (member.status !== 'active') throw new AppError('FORBIDDEN', '你的账号已停用，如有疑问请联系管理员')
}

/** What a member whose registration is held (待确认) is told. */
export const HELD_MESSAGE = '组织里已有同名成员，你的注册正在等待党支部管理员确认，确认后即可使用'

export async function requireMember(db: CloudDatabase, memberId: string): Promise<Member> {
  const member = await findDoc<Member>(db, MEMBERS, memberId)
  if (!member) throw new AppError('NOT_FOUND', '没有找到这位成员')
  return member
}
