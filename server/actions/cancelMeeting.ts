import { defineFunction } from '../function'
import { cancelMeeting as cancel } from '../meetings/meetings'

/** 组织生活: cancels a meeting that has not ended. */
export const cancelMeeting = defineFunction('cancelMeeting', (input, { db, caller, now }) => cancel(db, caller, now, input.id))
