import { defineFunction } from '../function'
import { revokeInvitation as revoke } from '../invitations'

/** Makes an invitation code unusable from now on. */
export const revokeInvitation = defineFunction('revokeInvitation', (input, { db, caller, now }) => revoke(db, caller, now, input.code))
