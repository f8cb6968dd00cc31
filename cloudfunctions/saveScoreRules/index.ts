import { defineFunction } from '../../server/function'
import { saveScoreRules as save } from '../../server/scoring/rule-versions'

/** A new rules version from a later day (the organisation's admins only); scored days keep their rules. */
export const saveScoreRules = defineFunction('saveScoreRules', (input, { db, caller, now }) => save(db, caller, now, input))
export const main = saveScoreRules.main
