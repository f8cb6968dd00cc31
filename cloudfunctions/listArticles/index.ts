import { latestArticles } from '../../server/articles'
import { defineFunction } from '../../server/function'

/** The latest published study articles for the home page. */
export const listArticles = defineFunction('listArticles', async (input, { db, caller, now }) => ({
  items: await latestArticles(db, caller, now, input.limit ?? 10),
}))
export const main = listArticles.main
