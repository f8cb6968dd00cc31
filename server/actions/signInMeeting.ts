import { defineFunction } from '../function'
import { signInMeeting as signIn } from '../meetings/attendance'

/** 组织生活: 签到 with the code on the leader's screen; once, however many scans. */
export const signInMeeting = defineFunction('signInMeeting', (input, { db, caller, now }) => signIn(db, caller, now, input))
