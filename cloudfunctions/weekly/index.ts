import { defineRouter } from '../../server/function'
import { getMyWeekly } from '../../server/actions/getMyWeekly'
import { getWeeklyList } from '../../server/actions/getWeeklyList'
import { getWeeklyProgress } from '../../server/actions/getWeeklyProgress'
import { listMyWeeks } from '../../server/actions/listMyWeeks'
import { listWeeklyLists } from '../../server/actions/listWeeklyLists'
import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { scheduleWeeklyList } from '../../server/actions/scheduleWeeklyList'

/** 每周一学: composing, publishing and following the weekly list. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('weekly', {
  saveWeeklyList,
  scheduleWeeklyList,
  getWeeklyList,
  listWeeklyLists,
  getMyWeekly,
  listMyWeeks,
  getWeeklyProgress,
})
