import { checkIn as checkInToday } from '../checkin'
import { defineFunction } from '../function'

/** 学习打卡: at most one per member per Shanghai day; a repeat answers the existing record. */
export const checkIn = defineFunction('checkIn', (input, { db, contentCheck, caller, now }) => checkInToday(db, contentCheck, caller, now, input.reflection), {
  uses: ['contentCheck'],
})
