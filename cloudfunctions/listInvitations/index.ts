import { defineFunction } from '../../server/function'
import { listInvitations as list } from '../../server/invitations'

/** Invitation codes within the admin's reach, newest first, with their state. */
export const listInvitations = defineFunction('listInvitations', (input, { db, caller, now }) =>
  list(db, caller, now, input),
)
export const main = listInvitations.main
