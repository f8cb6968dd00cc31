import { defineFunction } from '../function'
import { readChapter } from '../study/reader'

/** 阅读章节: a chapter of a published book, the caller's progress, and the chapters either side. */
export const getChapter = defineFunction('getChapter', (input, { db, caller, now }) => readChapter(db, caller, input, now))
