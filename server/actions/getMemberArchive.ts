import { defineFunction } from '../function'
import { memberArchive } from '../reports/archive'

/** 电子档案: a member's record year by year; one's own, a leader's group's, an admin's units'. */
export const getMemberArchive = defineFunction('getMemberArchive', (input, { db, caller, now }) => memberArchive(db, caller, now, input.memberId))
