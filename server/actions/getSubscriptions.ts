import { defineFunction } from '../function'
import { mySubscriptions } from '../notify/grants'

/** The caller's subscribe-message templates: ids for requestSubscribeMessage, unused grants. */
export const getSubscriptions = defineFunction('getSubscriptions', async (_input, { db, caller }) => ({
  items: await mySubscriptions(db, caller),
}))
