import { promptView, requirePrompt } from '../discussion/prompts'
import { repliesOf } from '../discussion/replies'
import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'

/** A 讨论题's page in one call: the prompt (read once), the first page of its replies, the reminder for new prompts. */
export const getThread = defineFunction('getThread', async (input, { db, caller, now }) => {
  const doc = await requirePrompt(db, caller, input.id, 'discussion.read')
  const [prompt, replies, subscriptions] = await Promise.all([promptView(db, caller, doc, now), repliesOf(db, caller, doc), mySubscriptions(db, caller)])
  return { prompt, replies, subscriptions: subscriptions.filter((s) => s.templateKey === 'groupPrompt') }
})
