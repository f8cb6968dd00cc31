import { defineFunction } from '../../server/function'
import { createInvitation as create } from '../../server/invitations'

/** Issues an invitation code (邀请码) for a 党小组, with a text to share in WeChat. */
export const createInvitation = defineFunction('createInvitation', (input, { db, caller, now }) =>
  create(db, caller, now, input),
)
export const main = createInvitation.main
