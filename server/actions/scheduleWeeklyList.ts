import { defineFunction } from '../function'
import { scheduleWeeklyList as schedule } from '../weekly/compose'

/** 每周一学: 定稿 for its Monday 08:00 (at once when that has passed), or back to 草稿. */
export const scheduleWeeklyList = defineFunction('scheduleWeeklyList', (input, ctx) => schedule(ctx, ctx.caller, input.id, input.scheduled), {
  uses: ['messenger'],
})
