import { postReply as post } from '../../server/discussion/replies'
import { defineFunction } from '../../server/function'

/** Replies to a prompt or answers a reply; rate-limited and content-checked. */
export const postReply = defineFunction('postReply', (input, ctx) => post(ctx, ctx.caller, input))
export const main = postReply.main
