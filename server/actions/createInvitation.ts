import { defineFunction } from '../function'
import { createInvitation as create } from '../invitations'

/** Issues an invitation code (邀请码) for a 党小组, with a text to share in WeChat. */
export const createInvitation = defineFunction('createInvitation', (input, { db, caller, now }) => create(db, caller, now, input))
