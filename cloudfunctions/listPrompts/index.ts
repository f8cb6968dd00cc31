import { listPrompts as list } from '../../server/discussion/prompts'
import { defineFunction } from '../../server/function'

/** 讨论题 of a 党小组 (the caller's own by default): pinned first, then newest first. */
export const listPrompts = defineFunction('listPrompts', (input, { db, caller, now }) => list(db, caller, now, input))
export const main = listPrompts.main
