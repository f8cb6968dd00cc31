import { writeSchedule } from '../content/article-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Schedules an article for a day, or (day null) queues it for the daily push. Audited. */
export const scheduleArticle = defineFunction('scheduleArticle', (input, { db, caller, now }) => writeSchedule(db, contentEditor(caller), now, input))
