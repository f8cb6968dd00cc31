import { defineFunction } from '../function'
import { mergeHeld } from '../membership'

/** 待确认: the held registration is the person of an existing record, which takes their WeChat. */
export const confirmSamePerson = defineFunction('confirmSamePerson', (input, { db, caller, now }) => mergeHeld(db, caller, now, input))
