import { defineFunction } from '../function'
import { setActive } from '../membership'

/** Undoes a deactivation. */
export const reactivateMember = defineFunction('reactivateMember', (input, { db, caller, now }) => setActive(db, caller, now, input.memberId, true))
