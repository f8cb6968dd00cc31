import { deleteReply as remove } from '../discussion/replies'
import { defineFunction } from '../function'

/** The author deletes their reply: it reads 该回复已删除, the record stays. */
export const deleteReply = defineFunction('deleteReply', (input, { db, caller, now }) => remove(db, caller, now, input.id))
