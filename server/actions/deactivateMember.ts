import { defineFunction } from '../function'
import { setActive } from '../membership'

/** A member left the organisation: they can no longer use the app; their records stay. */
export const deactivateMember = defineFunction('deactivateMember', (input, { db, caller, now }) => setActive(db, caller, now, input.memberId, false))
