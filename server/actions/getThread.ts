import { getPrompt } from '../discussion/prompts'
import { listReplies } from '../discussion/replies'
import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'

/** A 讨论题's page in one call: the prompt, the first page of its replies, the reminder for new prompts. */
export const getThread = defineFunction('getThread', async (input, { db, caller, now }) => {
  const prompt = await getPrompt(db, caller, now, input.id)
  const [replies, subscriptions] = await Promise.all([listReplies(db, caller, { promptId: prompt._id }), mySubscriptions(db, caller)])
  return { prompt, replies, subscriptions: subscriptions.filter((s) => s.templateKey === 'groupPrompt') }
})
