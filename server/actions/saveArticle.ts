import { writeArticle } from '../content/article-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Creates (a draft) or edits an article; its reading minutes follow the body. Audited. */
export const saveArticle = defineFunction('saveArticle', (input, { db, caller, now }) =>
  writeArticle(db, contentEditor(caller), now, input),
)
