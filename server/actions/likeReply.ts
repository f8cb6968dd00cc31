import { likeReply as like } from '../discussion/replies'
import { defineFunction } from '../function'

/** Likes a reply (once per member) or takes the like back. */
export const likeReply = defineFunction('likeReply', (input, { db, caller, now }) => like(db, caller, now, input))
