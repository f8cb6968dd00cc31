import { defineFunction } from '../function'
import { exportQuarterReport as exportReport } from '../reports/export'

/** 导出季度通报 as .xlsx or CSV (Chinese headers) within the admin's reach; answers a download link. */
export const exportQuarterReport = defineFunction('exportQuarterReport', (input, ctx) => exportReport(ctx, ctx.caller, input), { uses: ['files'] })
