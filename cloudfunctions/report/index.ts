import { defineRouter } from '../../server/function'
import { exportQuarterReport } from '../../server/actions/exportQuarterReport'
import { getMyQuarterReport } from '../../server/actions/getMyQuarterReport'
import { getUnitQuarterReport } from '../../server/actions/getUnitQuarterReport'

/** 季度通报 and its export. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('report', { getMyQuarterReport, getUnitQuarterReport, exportQuarterReport })
