import { defineFunction } from '../../server/function'
import { groupView } from '../../server/roster'

/** A 党小组 and its active members (the caller's own group by default). */
export const getGroup = defineFunction('getGroup', (input, { db, caller }) => groupView(db, caller, input.groupId))
export const main = getGroup.main
