import type { ReplyThread } from '../../types'
import { promptView, requirePrompt, type Participation } from '../discussion/prompts'
import { repliesOf } from '../discussion/replies'
import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'

/**
 * A 讨论题's page in one call: the prompt (read once), the first page of its replies, the reminder for
 * new prompts. When every reply is on that page (a group's thread mostly is), who took part is
 * counted from them rather than asked of the database.
 */
export const getThread = defineFunction('getThread', async (input, { db, caller, now }) => {
  const doc = await requirePrompt(db, caller, input.id, 'discussion.read')
  const [replies, subscriptions] = await Promise.all([repliesOf(db, caller, doc), mySubscriptions(db, caller)])
  const prompt = await promptView(db, caller, doc, now, replies.nextCursor === null ? participationIn(replies.items) : undefined)
  return { prompt, replies, subscriptions: subscriptions.filter((s) => s.templateKey === 'groupPrompt') }
})

/** Replies and their authors, whatever their state, as the database counts them (prompts.ts). */
function participationIn(threads: ReplyThread[]): Participation {
  const all = threads.flatMap((t) => [t, ...t.children])
  return { replies: all.length, authors: new Set(all.map((r) => r.authorId)) }
}
