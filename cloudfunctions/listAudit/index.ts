import { listAudit as list } from '../../server/audit'
import { defineFunction } from '../../server/function'

/** The audit log within the admin's reach, newest first, 20 a page. */
export const listAudit = defineFunction('listAudit', (input, { db, caller }) => list(db, caller, input))
export const main = listAudit.main
