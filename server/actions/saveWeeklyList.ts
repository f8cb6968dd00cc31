import { defineFunction } from '../function'
import { saveWeeklyList as save } from '../weekly/compose'

/** 每周一学: an admin creates or edits a list for this or a coming week (until it is published); its texts are content-checked. */
export const saveWeeklyList = defineFunction('saveWeeklyList', (input, { db, caller, now, contentCheck }) => save(db, contentCheck, caller, now, input), {
  uses: ['contentCheck'],
})
