import { defineFunction } from '../function'
import { listMeetings as list } from '../meetings/meetings'

/** 组织生活: my meetings with my attendance, or those I run. */
export const listMeetings = defineFunction('listMeetings', (input, { db, caller, now }) => list(db, caller, now, input))
