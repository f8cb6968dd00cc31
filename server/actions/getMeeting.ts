import { defineFunction } from '../function'
import { getMeeting as get } from '../meetings/attendance'

/** 组织生活: one meeting, with the roster for those who run it. */
export const getMeeting = defineFunction('getMeeting', (input, { db, caller, now }) => get(db, caller, now, input.id))
