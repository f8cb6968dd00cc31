import { defineFunction } from '../function'
import { myQuarterReport } from '../reports/read'

/** 我的季度报告: the caller's frozen quarter (the latest by default) and the quarter before it. */
export const getMyQuarterReport = defineFunction('getMyQuarterReport', (input, { db, caller, now }) => myQuarterReport(db, caller, now, input.quarter))
