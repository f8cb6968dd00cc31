import { editPrompt, postPrompt } from '../discussion/prompts'
import { defineFunction } from '../function'

/** A leader posts a 讨论题 (its group is told) or edits one; the text is content-checked. */
export const savePrompt = defineFunction('savePrompt', ({ id, ...fields }, ctx) =>
  id ? editPrompt(ctx, ctx.caller, id, fields) : postPrompt(ctx, ctx.caller, fields), { uses: ['contentCheck', 'messenger'] })
