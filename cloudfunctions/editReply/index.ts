import { editReply as edit } from '../../server/discussion/replies'
import { defineFunction } from '../../server/function'

/** The author edits their reply (marked 已编辑); content-checked. */
export const editReply = defineFunction('editReply', (input, ctx) => edit(ctx, ctx.caller, input))
export const main = editReply.main
