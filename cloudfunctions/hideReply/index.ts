import { hideReply as hide } from '../../server/discussion/replies'
import { defineFunction } from '../../server/function'

/** A leader hides a reply with a reason; audited. */
export const hideReply = defineFunction('hideReply', (input, ctx) => hide(ctx, ctx.caller, input))
export const main = hideReply.main
