import { defineFunction } from '../function'
import { readBook } from '../study/reader'

/** 书目详情: a published book, its chapters and the caller's progress on each. */
export const getBook = defineFunction('getBook', (input, { db, caller, now }) => readBook(db, caller, now, input.id))
