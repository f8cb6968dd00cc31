import { defineFunction } from '../../server/function'
import { archiveUnit as setArchived } from '../../server/units'

/** Archives or restores a unit; its members and their records stay. */
export const archiveUnit = defineFunction('archiveUnit', (input, { db, caller, now }) =>
  setArchived(db, caller, now, input.id, input.archived),
)
export const main = archiveUnit.main
