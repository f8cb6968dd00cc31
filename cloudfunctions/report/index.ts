import { defineRouter } from '../../server/function'
import { exportMemberArchive } from '../../server/actions/exportMemberArchive'
import { exportQuarterReport } from '../../server/actions/exportQuarterReport'
import { getMemberArchive } from '../../server/actions/getMemberArchive'
import { getMyQuarterReport } from '../../server/actions/getMyQuarterReport'
import { getUnitQuarterReport } from '../../server/actions/getUnitQuarterReport'

/** 季度通报 and its export; a member's 电子档案. Routes `{ action, ...input }`. */
export const { main, uses } = defineRouter('report', { getMyQuarterReport, getUnitQuarterReport, exportQuarterReport, getMemberArchive, exportMemberArchive })
