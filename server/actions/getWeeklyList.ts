import { defineFunction } from '../function'
import { getWeeklyList as get } from '../weekly/compose'

/** 每周一学: one list as its admin edits it. */
export const getWeeklyList = defineFunction('getWeeklyList', (input, { db, caller }) => get(db, caller, input.id))
