import type { MemberProfile } from '../types'
import { recordAudit } from './audit'
import { findDoc } from './db/documents'
import { isDuplicateKeyError, type CloudDatabase } from './db/types'
import { AppError } from './errors'
import { newId } from './ids'
import { giveUseBack, requireUsableInvitation, takeUse, unusableNow } from './invitations'
import { chineseNameProblem } from '../types/people'
import { assertActive, findMemberByOpenId, MEMBERS, type Member } from './members'
import { profileOf } from './profile'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { nameKey } from './name-order'
import { requireGroup, requireOpenGroup } from './units'

/**
 * One document per registered OPENID, `_id` = the OPENID: inserted before the member is written, its
 * unique `_id` lets only one of two concurrent registrations of the same WeChat user go on. (A
 * query-then-insert on `members` could not: both would find nothing.)
 */
export const OPENIDS = 'openids'

export interface OpenIdDoc {
  _id: string
  memberId: string
  at: Date
}

/** A guard older than this whose member never appeared was left by a registration that died midway. */
const STALE_GUARD_MS = 60_000

export interface Registration {
  status: 'created' | 'claimed' | 'already' | 'held'
  me: MemberProfile
}

/**
 * 实名注册: binds the caller's OPENID to a member of the code's group — the pre-registered, unclaimed
 * record of that name if there is one (so a person's history stays on one record), else a new one.
 * An OPENID already bound answers its member and changes nothing.
 */
export async function register(
  db: CloudDatabase,
  checker: ContentChecker,
  caller: { openid: string; member: Member | undefined },
  now: Date,
  input: { name: string; code: string },
): Promise<Registration> {
  if (caller.member) return already(db, caller.member)
  const invitation = await requireUsableInvitation(db, input.code, now)
  await requireCleanText(checker, caller.openid, 'profile', [input.name])
  const group = await requireGroup(db, invitation.groupId)
  await requireOpenGroup(db, group)
  const pending = await findPending(db, group._id, input.name)
  // A name an admin pre-registered is theirs to approve; any other must be written in Chinese.
  const nameProblem = pending ? null : chineseNameProblem(input.name)
  if (nameProblem) throw new AppError('INVALID_INPUT', nameProblem)
  // Someone of this name already (anywhere in the organisation): held for a branch admin, never a silent twin.
  const sameName = pending ? [] : await sameNameRecords(db, input.name)
  const memberId = pending?._id ?? newId('member')

  // Each step taken is undone, newest first, if a later one fails before the member is written.
  const undo: (() => Promise<void>)[] = []
  const rollBack = async () => {
    for (const step of undo.reverse()) await step().catch((err) => console.error('registration rollback failed:', err))
  }
  let member: Member
  try {
    if (!(await takeUse(db, invitation, now))) throw await unusableNow(db, invitation._id, now)
    undo.push(() => giveUseBack(db, invitation._id))

    if (!(await guardOpenId(db, caller.openid, memberId, now))) {
      await rollBack()
      return already(db, await boundMember(db, caller.openid, now))
    }
    undo.push(() => releaseOpenId(db, caller.openid, memberId))

    member = pending
      ? await claim(db, pending, caller.openid, now)
      : await insertMember(db, {
          _id: memberId,
          openid: caller.openid,
          name: input.name,
          nameKey: nameKey(input.name),
          groupId: group._id,
          branchId: invitation.branchId,
          roles: ['member'],
          status: sameName.length > 0 ? 'review' : 'active',
          largeFont: false,
          joinedAt: now.toISOString(),
          ...(sameName.length > 0 ? { review: { sameNameAs: sameName.map((m) => ({ _id: m._id, groupId: m.groupId, status: m.status })) } } : {}),
        })
  } catch (err) {
    await rollBack()
    throw err
  }
  const held = member.status === 'review'
  await recordAudit(db, member, now, {
    action: pending ? 'member.claim' : held ? 'member.held' : 'member.register',
    targetType: 'member',
    targetId: member._id,
    targetName: member.name,
    before: pending ? { status: 'pending' } : null,
    after: { name: member.name, groupId: member.groupId, status: member.status, code: invitation._id },
    unitIds: [member.groupId, member.branchId],
  })
  return { status: pending ? 'claimed' : held ? 'held' : 'created', me: await profileOf(db, member) }
}

async function already(db: CloudDatabase, member: Member): Promise<Registration> {
  if (member.status === 'review') return { status: 'held', me: await profileOf(db, member) }
  assertActive(member)
  return { status: 'already', me: await profileOf(db, member) }
}

/** Records of this real name that are someone (active, pre-registered or held), for the admin to compare. */
async function sameNameRecords(db: CloudDatabase, name: string): Promise<Member[]> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ name, status: db.command.in(['active', 'pending', 'review']) })
    .limit(10)
    .get()
  return data as Member[]
}

/** No OPENID yet: empty, or absent in records imported by hand. */
const unclaimed = (db: CloudDatabase) => db.command.in(['', null])

/** A pre-registered, unclaimed record of this real name in the group. */
async function findPending(db: CloudDatabase, groupId: string, name: string): Promise<Member | undefined> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ groupId, name, status: 'pending', openid: unclaimed(db) })
    .orderBy('_id', 'asc')
    .limit(1)
    .get()
  return data[0] as Member | undefined
}

/** False when the OPENID is already taken (by an earlier or a concurrent registration). */
async function guardOpenId(db: CloudDatabase, openid: string, memberId: string, now: Date): Promise<boolean> {
  try {
    await db.collection(OPENIDS).add({ data: { _id: openid, memberId, at: now } })
    return true
  } catch (err) {
    if (isDuplicateKeyError(err)) return false
    throw err
  }
}

async function releaseOpenId(db: CloudDatabase, openid: string, memberId: string): Promise<void> {
  await db.collection(OPENIDS).where({ _id: openid, memberId }).remove()
}

/** Binds a pre-registered record, unless someone claimed it a moment ago. */
async function claim(db: CloudDatabase, pending: Member, openid: string, now: Date): Promise<Member> {
  const joinedAt = now.toISOString()
  const { stats } = await db
    .collection(MEMBERS)
    .where({ _id: pending._id, status: 'pending', openid: unclaimed(db) })
    .update({ data: { openid, status: 'active', joinedAt } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这条预登记信息刚刚已被认领，如有疑问请联系管理员')
  return { ...pending, openid, status: 'active', joinedAt }
}

async function insertMember(db: CloudDatabase, member: Member): Promise<Member> {
  await db.collection(MEMBERS).add({ data: member })
  return member
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The member of an OPENID whose guard exists: a concurrent registration may still be writing it,
 * so wait a little. A guard whose member never appears is cleared once stale, so the person can
 * register again.
 */
async function boundMember(db: CloudDatabase, openid: string, now: Date): Promise<Member> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const member = await findMemberByOpenId(db, openid)
    if (member) return member
    await pause(50)
  }
  const guard = await findDoc<OpenIdDoc>(db, OPENIDS, openid)
  if (guard && now.getTime() - new Date(guard.at).getTime() > STALE_GUARD_MS) {
    await releaseOpenId(db, openid, guard.memberId)
    throw new AppError('CONFLICT', '上次注册没有完成，请重新提交')
  }
  throw new AppError('CONFLICT', '注册正在处理中，请稍后再试')
}
