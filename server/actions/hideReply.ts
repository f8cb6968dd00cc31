import { hideReply as hide } from '../discussion/replies'
import { defineFunction } from '../function'

/** A leader hides a reply with a reason; audited. */
export const hideReply = defineFunction('hideReply', (input, ctx) => hide(ctx, ctx.caller, input), { uses: ['contentCheck'] })
