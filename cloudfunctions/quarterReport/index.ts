import { defineTimer } from '../../server/function'
import { runQuarterReport } from '../../server/reports/report'

/** On each quarter's first day from 00:00 Beijing time, every ten minutes until it is frozen (a stopped run is resumed): the finished quarter's report. */
export const quarterReport = defineTimer('quarterReport', ({ db, now }) => runQuarterReport(db, now))
export const { main, uses } = quarterReport
