import { defineFunction } from '../function'
import { listWeeklyLists as list } from '../weekly/compose'

/** 每周一学: every list, newest week first (admins). */
export const listWeeklyLists = defineFunction('listWeeklyLists', (input, { db, caller }) => list(db, caller, input.cursor))
