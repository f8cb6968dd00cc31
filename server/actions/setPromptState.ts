import { setPromptState as setState } from '../discussion/prompts'
import { defineFunction } from '../function'

/** Pins, closes, reopens or archives a 讨论题. */
export const setPromptState = defineFunction('setPromptState', (input, { db, caller, now }) => setState(db, caller, now, input))
