import { editReply as edit } from '../discussion/replies'
import { defineFunction } from '../function'

/** The author edits their reply (marked 已编辑); content-checked. */
export const editReply = defineFunction('editReply', (input, ctx) => edit(ctx, ctx.caller, input), { uses: ['contentCheck'] })
