import { defineFunction } from '../function'
import { continueReading } from '../study/continue-reading'

/** 继续阅读: the caller's started, unfinished articles and chapters, most recent first. */
export const getContinueReading = defineFunction('getContinueReading', (_input, { db, caller }) => continueReading(db, caller))
