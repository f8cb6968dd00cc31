import { listCategories as categories } from '../content/categories'
import { defineFunction } from '../function'

/** The content categories (分类), in display order. */
export const listCategories = defineFunction('listCategories', async (_input, { db, caller }) => ({
  items: await categories(db, caller),
}))
