import type { AuditAction, AuditEntry } from '../../types'
import type { Member } from '../members'
import { recordAudit } from '../audit'
import type { CloudDatabase, UpdateCommand } from '../db/types'
import { authorize, ORGANISATION } from '../permissions'

/** Who changed content: an admin, or the import command. */
export type Editor = Pick<Member, '_id' | 'name'>

/** The import command writes as this editor. */
export const IMPORTER: Editor = { _id: 'import', name: '批量导入' }

/** Admins of the organisation write content (see 'content.manage'); answers the caller as editor. */
export function contentEditor(caller: Member): Editor {
  authorize(caller, 'content.manage', ORGANISATION)
  return caller
}

type Snapshot = Record<string, unknown> | null

/** Content is the whole organisation's: its audit entries belong to no unit. */
export function auditContent(
  db: CloudDatabase,
  editor: Editor,
  now: Date,
  action: AuditAction,
  target: { type: AuditEntry['targetType']; id: string; name: string },
  before: Snapshot,
  after: Snapshot,
): Promise<void> {
  return recordAudit(db, editor, now, { action, targetType: target.type, targetId: target.id, targetName: target.name, before, after, unitIds: [] })
}

/** The named fields of a document, those it lacks as null: a small, stable audit snapshot. */
export function pick<T extends object>(doc: T, fields: readonly (keyof T)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, doc[f] ?? null]))
}

/**
 * An optional link in an edit: undefined keeps it, null removes it, a value sets it. Answers the
 * update's value, or undefined for no change.
 */
export function linkUpdate(db: CloudDatabase, value: string | null | undefined): string | UpdateCommand | undefined {
  if (value === undefined) return undefined
  return value === null ? db.command.remove() : value
}

/** An update without the fields left undefined. */
export function defined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))
}
