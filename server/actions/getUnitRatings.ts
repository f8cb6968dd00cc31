import { defineFunction } from '../function'
import { unitRatings } from '../scoring/ratings'

/** 小组/支部星级: how a group's or branch's members stand this year (frozen once the year ends). */
export const getUnitRatings = defineFunction('getUnitRatings', (input, { db, caller, now }) => unitRatings(db, caller, now, input))
