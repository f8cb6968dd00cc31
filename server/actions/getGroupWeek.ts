import { getGroupWeek as week } from '../discussion/group-week'
import { defineFunction } from '../function'

/** 本周: a group's check-ins, study minutes against the target and open prompts, for its leader. */
export const getGroupWeek = defineFunction('getGroupWeek', (input, { db, caller, now }) => week(db, caller, now, input.groupId))
