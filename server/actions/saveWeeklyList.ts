import { defineFunction } from '../function'
import { saveWeeklyList as save } from '../weekly/compose'

/** 每周一学: an admin creates or edits a list for this or a coming week (until it is published). */
export const saveWeeklyList = defineFunction('saveWeeklyList', (input, { db, caller, now }) => save(db, caller, now, input))
