import { listReplies as list } from '../../server/discussion/replies'
import { defineFunction } from '../../server/function'

/** A prompt's replies, featured first, then newest first, each with its answers. */
export const listReplies = defineFunction('listReplies', (input, { db, caller }) => list(db, caller, input))
export const main = listReplies.main
