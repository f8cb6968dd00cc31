import { defineFunction } from '../function'
import { markAttendance as mark } from '../meetings/attendance'

/** 组织生活: 补登 — the leader marks a member present by hand (audited, the note content-checked). */
export const markAttendance = defineFunction('markAttendance', (input, { db, contentCheck, caller, now }) => mark({ db, contentCheck, now }, caller, input), {
  uses: ['contentCheck'],
})
