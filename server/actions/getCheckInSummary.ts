import { checkInSummary } from '../checkin'
import { defineFunction } from '../function'

/** Today's check-in state, the current streak and a month's check-in days. */
export const getCheckInSummary = defineFunction('getCheckInSummary', (input, { db, caller, now }) => checkInSummary(db, caller, now, input.month))
