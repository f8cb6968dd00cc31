import { defineFunction } from '../function'
import { saveScoreRules as save } from '../scoring/rule-versions'

/** A new rules version from a later day (the organisation's admins only); scored days keep their rules. */
export const saveScoreRules = defineFunction('saveScoreRules', (input, { db, caller, now }) => save(db, caller, now, input))
