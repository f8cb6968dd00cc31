import { defineFunction } from '../function'
import { myWeeks } from '../weekly/member-weeks'

/** 每周一学: the caller's weeks, newest first, with how far they got in each. */
export const listMyWeeks = defineFunction('listMyWeeks', (input, { db, caller }) => myWeeks(db, caller, input.cursor))
