import { weeklyLinkId } from '../../types'
import type { CloudDatabase } from '../db/types'
import { PROMPTS, REPLIES, type PromptDoc, type ReplyDoc } from '../discussion/docs'
import { findByIds } from '../jobs/ledgers'
import { weekEnd, type WeeklyListDoc } from './docs'

/** The links by which a prompt can be about an item: the item itself, or its article or chapter. */
function linksOf(list: WeeklyListDoc): Map<string, string[]> {
  const keysByLink = new Map<string, string[]>()
  const add = (link: string, key: string) => keysByLink.set(link, [...(keysByLink.get(link) ?? []), key])
  for (const item of list.items) {
    add(`weekly|${weeklyLinkId(list._id, item.key)}`, item.key)
    if (item.kind !== 'link' && item.refId) add(`${item.kind}|${item.refId}`, item.key)
  }
  return keysByLink
}

/**
 * Which items of the list each member discussed: a visible reply, written before the week ended, to
 * a prompt linked to the item. By member id, the items' keys.
 */
export async function discussedItems(db: CloudDatabase, list: WeeklyListDoc, memberIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>()
  const keysByLink = linksOf(list)
  const _ = db.command
  const ids = [...new Set([...keysByLink.keys()].map((l) => l.split('|')[1]))]
  const { data } = await db
    .collection(PROMPTS)
    .where({ 'link.id': _.in(ids) })
    .field({ _id: true, link: true })
    .limit(1000)
    .get()
  const keysByPrompt = new Map<string, string[]>()
  for (const prompt of data as Pick<PromptDoc, '_id' | 'link'>[]) {
    const keys = prompt.link && keysByLink.get(`${prompt.link.kind}|${prompt.link.id}`)
    if (keys) keysByPrompt.set(prompt._id, keys)
  }
  if (keysByPrompt.size === 0 || memberIds.length === 0) return out
  const replies = await findByIds<ReplyDoc>(db, REPLIES, 'authorId', memberIds, {
    promptId: _.in([...keysByPrompt.keys()]),
    status: 'visible',
    createdAt: _.lt(weekEnd(list.week)),
  })
  for (const reply of replies) {
    const keys = out.get(reply.authorId) ?? new Set<string>()
    for (const key of keysByPrompt.get(reply.promptId) ?? []) keys.add(key)
    out.set(reply.authorId, keys)
  }
  return out
}
