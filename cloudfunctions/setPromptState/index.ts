import { setPromptState as setState } from '../../server/discussion/prompts'
import { defineFunction } from '../../server/function'

/** Pins, closes, reopens or archives a 讨论题. */
export const setPromptState = defineFunction('setPromptState', (input, { db, caller, now }) => setState(db, caller, now, input))
export const main = setPromptState.main
