import { defineFunction } from '../function'
import { myWeekly } from '../weekly/member-weeks'

/** 每周一学: the caller's list for a week (this one by default) and their progress on it. */
export const getMyWeekly = defineFunction('getMyWeekly', (input, { db, caller, now }) => myWeekly(db, caller, now, input.week))
