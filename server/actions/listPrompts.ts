import { listPrompts as list } from '../discussion/prompts'
import { defineFunction } from '../function'

/** 讨论题 of a 党小组 (the caller's own by default): pinned first, then newest first. */
export const listPrompts = defineFunction('listPrompts', (input, { db, caller, now }) => list(db, caller, now, input))
