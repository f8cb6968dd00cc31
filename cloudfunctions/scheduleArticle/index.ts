import { writeSchedule } from '../../server/content/article-editing'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** Schedules an article for a day, or (day null) queues it for the daily push. Audited. */
export const scheduleArticle = defineFunction('scheduleArticle', (input, { db, caller, now }) =>
  writeSchedule(db, contentEditor(caller), now, input),
)
export const main = scheduleArticle.main
