import { defineFunction } from '../function'
import { unitTree } from '../units'

/** The organisation tree within the admin's reach, with member counts. */
export const listUnits = defineFunction('listUnits', (_input, { db, caller }) => unitTree(db, caller))
