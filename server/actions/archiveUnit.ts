import { defineFunction } from '../function'
import { archiveUnit as setArchived } from '../units'

/** Archives or restores a unit; its members and their records stay. */
export const archiveUnit = defineFunction('archiveUnit', (input, { db, caller, now }) => setArchived(db, caller, now, input.id, input.archived))
