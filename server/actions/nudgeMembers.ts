import { nudgeMembers as nudge } from '../discussion/group-week'
import { defineFunction } from '../function'

/** 提醒: the members behind this week get one reminder a day at most. */
export const nudgeMembers = defineFunction('nudgeMembers', (input, ctx) => nudge(ctx, ctx.caller, input), { uses: ['messenger'] })
