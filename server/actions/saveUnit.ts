import { defineFunction } from '../function'
import { saveUnit as createOrRename } from '../units'

/** Creates a 党支部 or 党小组, or renames one. */
export const saveUnit = defineFunction('saveUnit', (input, { db, caller, now }) => createOrRename(db, caller, now, input))
