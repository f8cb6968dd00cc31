import { defineFunction } from '../function'
import { saveUnit as createOrRename } from '../units'

/** Creates a 党支部 or 党小组, or renames one; the name is content-checked. */
export const saveUnit = defineFunction('saveUnit', (input, { db, caller, now, contentCheck }) => createOrRename(db, contentCheck, caller, now, input), {
  uses: ['contentCheck'],
})
