import { postReply as post } from '../discussion/replies'
import { defineFunction } from '../function'

/** Replies to a prompt or answers a reply; rate-limited and content-checked. */
export const postReply = defineFunction('postReply', (input, ctx) => post(ctx, ctx.caller, input), { uses: ['contentCheck'] })
