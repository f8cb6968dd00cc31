import { getPrompt as get } from '../discussion/prompts'
import { defineFunction } from '../function'

/** One 讨论题 with who took part and who has not yet. */
export const getPrompt = defineFunction('getPrompt', (input, { db, caller, now }) => get(db, caller, now, input.id))
