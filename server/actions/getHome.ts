import { checkInSummary } from '../checkin'
import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'
import { todayView } from '../push/today'
import { myWeekly } from '../weekly/member-weeks'
import { profileOf } from '../profile'

/** 首页 in one call: the caller's profile, today's push, the check-in card, this week's list, the reminder templates. */
export const getHome = defineFunction('getHome', async (_input, { db, caller, now }) => {
  const [me, today, checkIn, weekly, subscriptions] = await Promise.all([
    profileOf(db, caller),
    todayView(db, caller, now),
    checkInSummary(db, caller, now),
    myWeekly(db, caller, now),
    mySubscriptions(db, caller),
  ])
  return { me, today, checkIn, weekly, subscriptions }
})
