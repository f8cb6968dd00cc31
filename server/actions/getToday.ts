import { defineFunction } from '../function'
import { todayView } from '../push/today'

/** 今日学习 for the home page: today's push, the week before, the recommended articles. */
export const getToday = defineFunction('getToday', (_input, { db, caller, now }) => todayView(db, caller, now))
