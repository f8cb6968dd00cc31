import type { CloudDatabase } from './db/types'
import type { Member } from './members'
import { openPass, signPass } from './security/signing'

/**
 * 身份凭证: the calling member's record as looked up, signed, for the client to send back with its
 * next calls. A call carrying a valid one is served without looking the caller up again: one
 * database read fewer per call, about a fifth of a member's day.
 *
 * What bounds it:
 * - It is bound to the WeChat user it was looked up for: the caller is still the context's OPENID,
 *   and a pass looked up for another OPENID is ignored.
 * - It lasts CALLER_PASS_MS, about one use of the app (the adapter keeps it for the app run only):
 *   a change an admin makes to the member (moved to another group, deactivated) reaches their
 *   calls within that time.
 * - Only plain members get one. A leader's or admin's roles are looked up on every call, so a role
 *   taken away is gone at once; a role given is seen at once too, as a call refused by a plain
 *   member's pass is looked up again (server/function.ts).
 * Anything else (expired, altered, another purpose's pass) is ignored, and the caller looked up.
 */
export const CALLER_PASS_MS = 30 * 60_000

/** Bound to the OPENID it was looked up for, which is not in it. */
interface CallerPassBody {
  /** Valid until (ms). */
  exp: number
  /** As looked up, without what never travels to a phone (the OPENID is the context's). */
  member: Omit<Member, 'openid' | 'phone'>
}

/** A pass for the caller just looked up, or undefined for those who get none (leaders, admins). */
export async function callerPass(db: CloudDatabase, openid: string, member: Member, now: Date): Promise<string | undefined> {
  if (member.roles.length !== 1 || member.roles[0] !== 'member') return undefined
  const { openid: _openid, phone: _phone, ...shown } = member
  return signPass(db, 'caller', { exp: now.getTime() + CALLER_PASS_MS, member: shown } satisfies CallerPassBody, openid)
}

/** The member a pass vouches for, if it is this environment's, for this OPENID and still valid. */
export async function callerFromPass(db: CloudDatabase, openid: string | undefined, pass: string, now: Date): Promise<Member | undefined> {
  if (!openid) return undefined
  const body = await openPass<CallerPassBody>(db, 'caller', pass, openid)
  if (!body || !(now.getTime() < body.exp)) return undefined
  return { ...body.member, openid }
}
