import { defineFunction } from '../function'
import { groupView } from '../roster'

/** A 党小组 and its active members (the caller's own group by default). */
export const getGroup = defineFunction('getGroup', (input, { db, caller }) => groupView(db, caller, input.groupId))
