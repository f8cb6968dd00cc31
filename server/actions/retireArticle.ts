import { writeRetirement } from '../content/article-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Retires (下线) an article. Audited. */
export const retireArticle = defineFunction('retireArticle', (input, { db, caller, now }) => writeRetirement(db, contentEditor(caller), now, input.id))
