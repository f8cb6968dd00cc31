import { PROMPT_LINK_TITLE_MAX, PromptLink, weeklyLinkId, type WeeklyItem } from '../../types'
import { clipText } from '../../types/fields'
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
  const parsed = PromptLink.safeParse({ kind: queryValue(params.linkKind), id: queryValue(params.linkId), title: queryValue(params.linkTitle) })
  return parsed.success ? parsed.data : null
}
