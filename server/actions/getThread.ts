import { getPrompt } from '../discussion/prompts'
import { listReplies } from '../discussion/replies'
import { defineFunction } from '../function'

/** A 讨论题's page in one call: the prompt and the first page of its replies. */
export const getThread = defineFunction('getThread', async (input, { db, caller, now }) => {
  const prompt = await getPrompt(db, caller, now, input.id)
  return { prompt, replies: await listReplies(db, caller, { promptId: prompt._id }) }
})
