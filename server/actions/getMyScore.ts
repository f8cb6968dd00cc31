import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'
import { myScore } from '../scoring/read'

/**
 * 我的: points and study time this week, quarter and year, stars with the projection, ranks; and
 * the 消息提醒 card's grants, so the page makes one call.
 */
export const getMyScore = defineFunction('getMyScore', async (_input, { db, caller, now }) => {
  const [score, subscriptions] = await Promise.all([myScore(db, caller, now), mySubscriptions(db, caller)])
  return { ...score, subscriptions }
})
