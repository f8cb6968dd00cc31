import { defineFunction } from '../function'
import { listOutbox as outboxPage } from '../outbox'

/** Admins: the official-account editions and the subscribe-message sends, newest first. */
export const listOutbox = defineFunction('listOutbox', (input, { db, caller }) => outboxPage(db, caller, input))
