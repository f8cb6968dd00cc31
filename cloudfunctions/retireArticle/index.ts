import { writeRetirement } from '../../server/content/article-editing'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** Retires (下线) an article. Audited. */
export const retireArticle = defineFunction('retireArticle', (input, { db, caller, now }) =>
  writeRetirement(db, contentEditor(caller), now, input.id),
)
export const main = retireArticle.main
