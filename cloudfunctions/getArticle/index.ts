import { defineFunction } from '../../server/function'
import { readArticle } from '../../server/study/reader'

/** 阅读文章: a published article with the caller's saved progress. */
export const getArticle = defineFunction('getArticle', (input, { db, caller }) => readArticle(db, caller, input.id))
export const main = getArticle.main
