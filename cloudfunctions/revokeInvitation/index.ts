import { defineFunction } from '../../server/function'
import { revokeInvitation as revoke } from '../../server/invitations'

/** Makes an invitation code unusable from now on. */
export const revokeInvitation = defineFunction('revokeInvitation', (input, { db, caller, now }) =>
  revoke(db, caller, now, input.code),
)
export const main = revokeInvitation.main
