import { getGroupWeek as week } from '../../server/discussion/group-week'
import { defineFunction } from '../../server/function'

/** 本周: a group's check-ins, study minutes against the target and open prompts, for its leader. */
export const getGroupWeek = defineFunction('getGroupWeek', (input, { db, caller, now }) => week(db, caller, now, input.groupId))
export const main = getGroupWeek.main
