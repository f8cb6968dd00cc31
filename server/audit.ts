import { randomBytes } from 'node:crypto'
import type { AuditAction, AuditEntry } from '../types'
import type { Member } from './members'
import { AUDIT_PAGE_SIZE } from '../types'
import { matching } from './db/documents'
import type { CloudDatabase, QueryCondition } from './db/types'
import { decodeCursor, pageOf } from './paging'
import { scopeOf } from './permissions'

export const AUDIT = 'audit'

type Snapshot = Record<string, unknown> | null

export interface AuditChange {
  action: AuditAction
  targetType: AuditEntry['targetType']
  targetId: string
  /** The target's readable name at the time of the change: names change later, the log keeps this one. */
  targetName: string
  before: Snapshot
  after: Snapshot
  /** The 党小组 and 党支部 the change touches (both sides of a move): who may read it follows. */
  unitIds: string[]
}

interface AuditDoc extends Omit<AuditChange, 'targetName'> {
  /** Missing on entries written before names were kept. */
  targetName?: string
  _id: string
  at: Date
  actorId: string
  actorName: string
}

/** Ids sort by time (ISO instant first), so the log pages on `_id` alone. */
const auditId = (at: Date) => `${at.toISOString()}_${randomBytes(4).toString('hex')}`

/** Writes one entry for a change that has just been made. */
export async function recordAudit(db: CloudDatabase, actor: Pick<Member, '_id' | 'name'>, at: Date, change: AuditChange): Promise<void> {
  const doc: AuditDoc = {
    _id: auditId(at),
    at,
    actorId: actor._id,
    actorName: actor.name,
    ...change,
    unitIds: [...new Set(change.unitIds)],
  }
  await db.collection(AUDIT).add({ data: doc })
}

const toEntry = (doc: AuditDoc): AuditEntry => ({
  _id: doc._id,
  at: new Date(doc.at).toISOString(),
  actorId: doc.actorId,
  actorName: doc.actorName,
  action: doc.action,
  targetType: doc.targetType,
  targetId: doc.targetId,
  targetName: doc.targetName ?? null,
  before: doc.before,
  after: doc.after,
})

/** The audit log within the caller's reach, newest first. */
export async function listAudit(db: CloudDatabase, caller: Member, input: { targetId?: string; cursor?: string }) {
  const scope = scopeOf(caller, 'audit.read')
  const _ = db.command
  const conditions: QueryCondition[] = []
  if (scope.memberId) conditions.push({ targetId: scope.memberId })
  else if (scope.groupId) conditions.push({ unitIds: scope.groupId })
  else if (scope.branchId) conditions.push({ unitIds: scope.branchId })
  if (input.targetId) conditions.push({ targetId: input.targetId })
  if (input.cursor) conditions.push({ _id: _.lt(decodeCursor(input.cursor, 1)[0]) })
  const { data } = await matching(db, AUDIT, conditions)
    .orderBy('_id', 'desc')
    .limit(AUDIT_PAGE_SIZE + 1)
    .get()
  return pageOf(data as AuditDoc[], AUDIT_PAGE_SIZE, (d) => [d._id], toEntry)
}
