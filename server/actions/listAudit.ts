import { listAudit as list } from '../audit'
import { defineFunction } from '../function'

/** The audit log within the admin's reach, newest first, 20 a page. */
export const listAudit = defineFunction('listAudit', (input, { db, caller }) => list(db, caller, input))
