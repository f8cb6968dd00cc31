import { writeArticle } from '../../server/content/article-editing'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** Creates (a draft) or edits an article; its reading minutes follow the body. Audited. */
export const saveArticle = defineFunction('saveArticle', (input, { db, caller, now }) =>
  writeArticle(db, contentEditor(caller), now, input),
)
export const main = saveArticle.main
