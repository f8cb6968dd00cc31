import { defineFunction } from '../function'
import { recordAnswer } from '../notify/grants'

/** Records the caller's answer to requestSubscribeMessage: an acceptance allows one message. */
export const recordSubscription = defineFunction('recordSubscription', (input, { db, caller, now }) =>
  recordAnswer(db, caller, now, input.templateKey, input.accepted),
)
