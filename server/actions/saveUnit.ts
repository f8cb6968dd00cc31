import { defineFunction } from '../function'
import { requireCleanText } from '../security/content-check'
import { saveUnit as createOrRename } from '../units'

/** Creates a 党支部 or 党小组, or renames one; the name is content-checked. */
export const saveUnit = defineFunction(
  'saveUnit',
  async (input, { db, caller, now, contentCheck }) => {
    await requireCleanText(contentCheck, caller.openid, 'profile', [input.name])
    return createOrRename(db, caller, now, input)
  },
  { uses: ['contentCheck'] },
)
