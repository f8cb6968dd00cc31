import { editPrompt, postPrompt } from '../../server/discussion/prompts'
import { defineFunction } from '../../server/function'

/** A leader posts a 讨论题 (its group is told) or edits one; the text is content-checked. */
export const savePrompt = defineFunction('savePrompt', ({ id, ...fields }, ctx) =>
  id ? editPrompt(ctx, ctx.caller, id, fields) : postPrompt(ctx, ctx.caller, fields),
)
export const main = savePrompt.main
