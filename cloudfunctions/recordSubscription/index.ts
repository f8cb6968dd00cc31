import { defineFunction } from '../../server/function'
import { recordAnswer } from '../../server/notify/grants'

/** Records the caller's answer to requestSubscribeMessage: an acceptance allows one message. */
export const recordSubscription = defineFunction('recordSubscription', (input, { db, caller, now }) =>
  recordAnswer(db, caller, now, input.templateKey, input.accepted),
)
export const main = recordSubscription.main
