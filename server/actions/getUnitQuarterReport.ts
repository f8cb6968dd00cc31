import { defineFunction } from '../function'
import { unitQuarterReport } from '../reports/read'

/** 季度通报 of a group (leaders), a branch or the organisation (admins), its parts ranked. */
export const getUnitQuarterReport = defineFunction('getUnitQuarterReport', (input, { db, caller, now }) => unitQuarterReport(db, caller, now, input))
