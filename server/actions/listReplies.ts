import { listReplies as list } from '../discussion/replies'
import { defineFunction } from '../function'

/** A prompt's replies, featured first, then newest first, each with its answers. */
export const listReplies = defineFunction('listReplies', (input, { db, caller }) => list(db, caller, input))
