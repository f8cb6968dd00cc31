import { defineFunction } from '../function'
import { listMembers as roster } from '../roster'

/** 名册: members within the admin's reach, searchable and filtered, 20 a page. */
export const listMembers = defineFunction('listMembers', (input, { db, caller }) => roster(db, caller, input))
