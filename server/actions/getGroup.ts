import { listPrompts } from '../discussion/prompts'
import { defineFunction } from '../function'
import { groupView } from '../roster'

/**
 * 小组: a 党小组, its active members and the first page of its current 讨论题 (the caller's own
 * group by default), the page in one call.
 */
export const getGroup = defineFunction('getGroup', async (input, { db, caller, now }) => {
  const view = await groupView(db, caller, input.groupId)
  return { ...view, prompts: await listPrompts(db, caller, now, { groupId: view.group._id }) }
})
