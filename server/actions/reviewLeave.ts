import { defineFunction } from '../function'
import { reviewLeave as review } from '../meetings/attendance'

/** 组织生活: the leader answers a leave request (a refusal's reason content-checked). */
export const reviewLeave = defineFunction('reviewLeave', (input, { db, contentCheck, caller }) => review({ db, contentCheck }, caller, input), {
  uses: ['contentCheck'],
})
