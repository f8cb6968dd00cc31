import { randomInt } from 'node:crypto'
import type { Invitation, InvitationState } from '../types'
import type { Member } from './members'
import { INVITATIONS_PAGE_SIZE } from '../types'
import { recordAudit } from './audit'
import { addDays, dayKey, startOfDay } from '../types/calendar'
import { findDoc, matching } from './db/documents'
import { isDuplicateKeyError, type CloudDatabase, type QueryCondition } from './db/types'
import { AppError } from './errors'
import { cursorDate, decodeCursor, pageOf } from './paging'
import { authorize, scopeOf, type Target } from './permissions'
import { loadUnits, requireGroup, requireOpenGroup } from './units'

export const INVITATIONS = 'invitations'

/** No I, L, O, 0 or 1: a code read aloud or copied by hand survives. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 8

/** As stored: the code is the `_id`, so it is unique by construction. */
export interface InvitationDoc {
  _id: string
  groupId: string
  branchId: string
  maxUses: number
  uses: number
  expiresAt: Date
  revoked: boolean
  createdBy: string
  createdAt: Date
}

export function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
}

export function stateOf(doc: InvitationDoc, now: Date): InvitationState {
  if (doc.revoked) return 'revoked'
  if (new Date(doc.expiresAt).getTime() <= now.getTime()) return 'expired'
  if (doc.uses >= doc.maxUses) return 'usedUp'
  return 'active'
}

const UNUSABLE: Record<Exclude<InvitationState, 'active'>, string> = {
  revoked: '这个邀请码已作废，请向管理员索取新的邀请码',
  expired: '这个邀请码已过期，请向管理员索取新的邀请码',
  usedUp: '这个邀请码的使用次数已满，请向管理员索取新的邀请码',
}

export const findInvitation = (db: CloudDatabase, code: string) => findDoc<InvitationDoc>(db, INVITATIONS, code)

/** The invitation behind a code someone typed, if it can still be used; otherwise why not. */
export async function requireUsableInvitation(db: CloudDatabase, code: string, now: Date): Promise<InvitationDoc> {
  const doc = await findInvitation(db, code)
  if (!doc) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重新输入')
  const state = stateOf(doc, now)
  if (state !== 'active') throw new AppError('CONFLICT', UNUSABLE[state])
  return doc
}

/**
 * Takes one use of the code in a single conditional update, so concurrent registrations can never
 * exceed `maxUses`: the update matches only while a use is left. False when none was.
 */
export async function takeUse(db: CloudDatabase, doc: InvitationDoc, now: Date): Promise<boolean> {
  const _ = db.command
  const { stats } = await db
    .collection(INVITATIONS)
    .where({ _id: doc._id, revoked: false, expiresAt: _.gt(now), uses: _.lt(doc.maxUses) })
    .update({ data: { uses: _.inc(1) } })
  return stats.updated === 1
}

/** Gives back a use taken by a registration that then failed. */
export async function giveUseBack(db: CloudDatabase, code: string): Promise<void> {
  const _ = db.command
  await db
    .collection(INVITATIONS)
    .where({ _id: code, uses: _.gt(0) })
    .update({ data: { uses: _.inc(-1) } })
}

/** Why a code that looked usable a moment ago could not be used. */
export async function unusableNow(db: CloudDatabase, code: string, now: Date): Promise<AppError> {
  const doc = await findInvitation(db, code)
  const state = doc ? stateOf(doc, now) : 'revoked'
  return new AppError('CONFLICT', UNUSABLE[state === 'active' ? 'usedUp' : state])
}

const target = (doc: Pick<InvitationDoc, 'groupId' | 'branchId'>): Target => ({ groupId: doc.groupId, branchId: doc.branchId })

/** The last Shanghai day a code is valid: it expires at the midnight that ends it. */
/** How the audit log names a code: the group it admits to, then the code. */
const invitationName = (code: string, groupName: string) => `${groupName}邀请码 ${code}`

const lastValidDay = (doc: Pick<InvitationDoc, 'expiresAt'>) => dayKey(new Date(new Date(doc.expiresAt).getTime() - 1))

function toInvitation(doc: InvitationDoc, groupName: string, now: Date): Invitation {
  return {
    code: doc._id,
    groupId: doc.groupId,
    groupName,
    branchId: doc.branchId,
    maxUses: doc.maxUses,
    uses: doc.uses,
    expiresAt: new Date(doc.expiresAt).toISOString(),
    validThrough: lastValidDay(doc),
    revoked: doc.revoked,
    state: stateOf(doc, now),
    createdBy: doc.createdBy,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export function shareText(doc: InvitationDoc, groupName: string, branchName: string): string {
  return (
    `邀请你加入「学习圈」${branchName}${groupName}。` +
    `打开微信小程序「学习圈」，选择实名注册，填写真实姓名和邀请码：${doc._id}，有效期至${chineseDate(lastValidDay(doc))}。`
  )
}

/** 31^8 codes make a clash rare; the unique `_id` catches one, and another code is drawn. */
async function insertWithNewCode(db: CloudDatabase, data: Omit<InvitationDoc, '_id'>): Promise<InvitationDoc> {
  for (let attempt = 1; ; attempt++) {
    const doc = { _id: newCode(), ...data }
    try {
      await db.collection(INVITATIONS).add({ data: doc })
      return doc
    } catch (err) {
      if (!isDuplicateKeyError(err) || attempt === 5) throw err
    }
  }
}

interface CreateInvitation {
  groupId: string
  maxUses: number
  expiresInDays: number
}

/** A new code for a group, valid through the end of the Shanghai day `expiresInDays` from today. */
export async function createInvitation(db: CloudDatabase, caller: Member, now: Date, input: CreateInvitation) {
  const group = await requireGroup(db, input.groupId)
  const branchId = group.parentId ?? ''
  authorize(caller, 'invitations.manage', { groupId: group._id, branchId })
  await requireOpenGroup(db, group)
  const doc = await insertWithNewCode(db, {
    groupId: group._id,
    branchId,
    maxUses: input.maxUses,
    uses: 0,
    expiresAt: startOfDay(addDays(dayKey(now), input.expiresInDays + 1)),
    revoked: false,
    createdBy: caller._id,
    createdAt: now,
  })
  await recordAudit(db, caller, now, {
    action: 'invitation.create',
    targetType: 'invitation',
    targetId: doc._id,
    targetName: invitationName(doc._id, group.name),
    before: null,
    after: { groupId: doc.groupId, maxUses: doc.maxUses, expiresAt: doc.expiresAt.toISOString() },
    unitIds: [doc.groupId, doc.branchId],
  })
  const branchName = (await loadUnits(db)).find((u) => u._id === branchId)?.name ?? ''
  return { invitation: toInvitation(doc, group.name, now), shareText: shareText(doc, group.name, branchName) }
}

export async function revokeInvitation(db: CloudDatabase, caller: Member, now: Date, code: string): Promise<Invitation> {
  const doc = await findInvitation(db, code)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这个邀请码')
  authorize(caller, 'invitations.manage', target(doc))
  const group = await requireGroup(db, doc.groupId)
  if (doc.revoked) return toInvitation(doc, group.name, now)
  await db
    .collection(INVITATIONS)
    .doc(doc._id)
    .update({ data: { revoked: true } })
  await recordAudit(db, caller, now, {
    action: 'invitation.revoke',
    targetType: 'invitation',
    targetId: doc._id,
    targetName: invitationName(doc._id, group.name),
    before: { revoked: false },
    after: { revoked: true },
    unitIds: [doc.groupId, doc.branchId],
  })
  return toInvitation({ ...doc, revoked: true }, group.name, now)
}

/** Codes within the caller's reach (or of one group), newest first. */
export async function listInvitations(db: CloudDatabase, caller: Member, now: Date, input: { groupId?: string; cursor?: string }) {
  const { groupId } = input
  const _ = db.command
  let filter: Record<string, string>
  if (groupId) {
    const group = await requireGroup(db, groupId)
    authorize(caller, 'invitations.manage', { groupId, branchId: group.parentId ?? undefined })
    filter = { groupId }
  } else {
    const scope = scopeOf(caller, 'invitations.manage')
    filter = scope.groupId ? { groupId: scope.groupId } : scope.branchId ? { branchId: scope.branchId } : {}
  }
  const conditions: QueryCondition[] = [filter]
  if (input.cursor) {
    const [at, code] = decodeCursor(input.cursor, 2)
    const createdAt = cursorDate(at)
    conditions.push(_.or([{ createdAt: _.lt(createdAt) }, { createdAt, _id: _.lt(code) }]))
  }
  const [units, { data }] = await Promise.all([
    loadUnits(db),
    matching(db, INVITATIONS, conditions)
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(INVITATIONS_PAGE_SIZE + 1)
      .get(),
  ])
  const names = new Map(units.map((u) => [u._id, u.name]))
  return pageOf(
    data as InvitationDoc[],
    INVITATIONS_PAGE_SIZE,
    (doc) => [new Date(doc.createdAt).toISOString(), doc._id],
    (doc) => toInvitation(doc, names.get(doc.groupId) ?? '', now),
  )
}
