import { likeReply as like } from '../../server/discussion/replies'
import { defineFunction } from '../../server/function'

/** Likes a reply (once per member) or takes the like back. */
export const likeReply = defineFunction('likeReply', (input, { db, caller, now }) => like(db, caller, now, input))
export const main = likeReply.main
