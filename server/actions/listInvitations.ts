import { defineFunction } from '../function'
import { listInvitations as list } from '../invitations'

/** Invitation codes within the admin's reach, newest first, with their state. */
export const listInvitations = defineFunction('listInvitations', (input, { db, caller, now }) => list(db, caller, now, input))
