import { promptsOf } from '../discussion/prompts'
import { defineFunction } from '../function'
import { authorize, unitTarget } from '../permissions'
import { groupView } from '../roster'
import { requireGroupAndBranch } from '../units'

/**
 * 小组: a 党小组, its active members and the first page of its current 讨论题 (the caller's own
 * group by default), the page in one call: the group and its members are read once for both.
 */
export const getGroup = defineFunction('getGroup', async (input, { db, caller, now }) => {
  const { group, branch } = await requireGroupAndBranch(db, input.groupId ?? caller.groupId, caller.branchId)
  const { active, ...view } = await groupView(db, caller, group, branch)
  authorize(caller, 'discussion.read', unitTarget(group))
  return { ...view, prompts: await promptsOf(db, now, group, active, {}) }
})
