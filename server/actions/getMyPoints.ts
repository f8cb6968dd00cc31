import { defineFunction } from '../function'
import { myPoints } from '../scoring/detail'

/** 积分明细: today's points per rule against its cap, and the caller's ledger, newest first. */
export const getMyPoints = defineFunction('getMyPoints', (input, { db, caller, now }) => myPoints(db, caller, now, input.cursor))
