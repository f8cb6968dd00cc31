import { defineFunction } from '../function'
import { moveMember as move } from '../membership'

/** Moves a member to another 党小组. */
export const moveMember = defineFunction('moveMember', (input, { db, caller, now }) => move(db, caller, now, input))
