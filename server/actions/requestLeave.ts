import { defineFunction } from '../function'
import { requestLeave as request } from '../meetings/attendance'

/** 组织生活: 请假 with a reason (content-checked), for the leader to answer. */
export const requestLeave = defineFunction('requestLeave', (input, { db, contentCheck, caller, now }) => request({ db, contentCheck, now }, caller, input), {
  uses: ['contentCheck'],
})
