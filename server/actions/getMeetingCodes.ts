import { defineFunction } from '../function'
import { meetingCodes } from '../meetings/attendance'

/** 组织生活: the rotating sign-in codes for the leader's screen, five minutes at a call. */
export const getMeetingCodes = defineFunction('getMeetingCodes', (input, { db, caller, now }) => meetingCodes(db, caller, now, input.id))
