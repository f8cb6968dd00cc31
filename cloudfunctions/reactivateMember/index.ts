import { defineFunction } from '../../server/function'
import { setActive } from '../../server/membership'

/** Undoes a deactivation. */
export const reactivateMember = defineFunction('reactivateMember', (input, { db, caller, now }) =>
  setActive(db, caller, now, input.memberId, true),
)
export const main = reactivateMember.main
