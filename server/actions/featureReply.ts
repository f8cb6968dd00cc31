import { featureReply as feature } from '../discussion/replies'
import { defineFunction } from '../function'

/** 精选: a leader features or unfeatures a reply; audited. */
export const featureReply = defineFunction('featureReply', (input, { db, caller, now }) => feature(db, caller, now, input))
