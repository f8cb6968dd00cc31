import { defineFunction } from '../../server/function'
import { continueReading } from '../../server/study/continue-reading'

/** 继续阅读: the caller's started, unfinished articles and chapters, most recent first. */
export const getContinueReading = defineFunction('getContinueReading', (_input, { db, caller }) => continueReading(db, caller))
export const main = getContinueReading.main
