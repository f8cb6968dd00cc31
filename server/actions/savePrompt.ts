import { editPrompt, postPrompt } from '../discussion/prompts'
import { defineFunction } from '../function'

/**
 * A leader posts a 讨论题 (its group is told, and the answer says what became of each member's
 * notice) or edits one; the text is content-checked.
 */
export const savePrompt = defineFunction(
  'savePrompt',
  async ({ id, ...fields }, ctx) => (id ? { ...(await editPrompt(ctx, ctx.caller, id, fields)), announced: null } : postPrompt(ctx, ctx.caller, fields)),
  { uses: ['contentCheck', 'messenger'] },
)
