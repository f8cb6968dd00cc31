import { defineFunction } from '../../server/function'
import { unitTree } from '../../server/units'

/** The organisation tree within the admin's reach, with member counts. */
export const listUnits = defineFunction('listUnits', (_input, { db, caller }) => unitTree(db, caller))
export const main = listUnits.main
