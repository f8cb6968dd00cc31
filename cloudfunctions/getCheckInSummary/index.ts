import { checkInSummary } from '../../server/checkin'
import { defineFunction } from '../../server/function'

/** Today's check-in state, the current streak and a month's check-in days. */
export const getCheckInSummary = defineFunction('getCheckInSummary', (input, { db, caller, now }) =>
  checkInSummary(db, caller, now, input.month),
)
export const main = getCheckInSummary.main
