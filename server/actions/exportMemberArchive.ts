import { defineFunction } from '../function'
import { exportMemberArchive as exportArchive } from '../reports/archive'

/** 导出学习档案: one row per member of a unit in reach for a year, .xlsx or CSV; answers a download link. */
export const exportMemberArchive = defineFunction('exportMemberArchive', (input, ctx) => exportArchive(ctx, ctx.caller, input), { uses: ['files'] })
