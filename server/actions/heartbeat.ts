import { defineFunction } from '../function'
import { recordHeartbeat } from '../study/heartbeat'

/** 阅读心跳: credits the study time since the session's previous heartbeat, by the server's clock. */
export const heartbeat = defineFunction('heartbeat', (input, { db, caller, now }) => recordHeartbeat(db, caller, now, input))
