import { defineFunction } from '../../server/function'
import { moveMember as move } from '../../server/membership'

/** Moves a member to another 党小组. */
export const moveMember = defineFunction('moveMember', (input, { db, caller, now }) => move(db, caller, now, input))
export const main = moveMember.main
