import type { PromptLink, WeeklyItem } from '../../types'
import { ID_MAX, PROMPT_LINK_TITLE_MAX } from '../../types/constants'
import { weeklyLinkId } from '../../types/reading'
import { clipText } from '../../types/text'
import { queryValue, ROUTES, withQuery } from './routes'
import { itemTitle } from './weekly'

/** A link's title as the contract takes it. */
export const linkTitle = (title: string) => clipText(title, PROMPT_LINK_TITLE_MAX)

/** A prompt about an item of a 每周一学 list: replies to it count as the item discussed. */
export const weeklyItemLink = (listId: string, item: Pick<WeeklyItem, 'key' | 'title' | 'bookTitle'>): PromptLink => ({
  kind: 'weekly',
  id: weeklyLinkId(listId, item.key),
  title: linkTitle(itemTitle(item)),
})

/** 发起讨论 in a group with the link already chosen. */
export const newPromptUrl = (groupId: string, link: PromptLink) =>
  withQuery(ROUTES.groupPromptEdit, { groupId, linkKind: link.kind, linkId: link.id, linkTitle: link.title })

/** The link `newPromptUrl` carries, or null when the query holds none (or a malformed one). */
export function promptLinkOf(params: Record<string, string | undefined>): PromptLink | null {
  const kind = queryValue(params.linkKind)
  const id = queryValue(params.linkId)
  const title = queryValue(params.linkTitle).trim()
  if (kind !== 'article' && kind !== 'chapter' && kind !== 'weekly') return null
  return id && id.length <= ID_MAX && title ? { kind, id, title: linkTitle(title) } : null
}
