import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'
import { myWeekly } from '../weekly/member-weeks'

/** 每周一学: the caller's list for a week (this one by default) and their progress on it. */
export const getMyWeekly = defineFunction('getMyWeekly', async (input, { db, caller, now }) => {
  if (!input.reminders) return myWeekly(db, caller, now, input.week, input.listId)
  const [weekly, subscriptions] = await Promise.all([myWeekly(db, caller, now, input.week, input.listId), mySubscriptions(db, caller)])
  return { ...weekly, subscriptions }
})
