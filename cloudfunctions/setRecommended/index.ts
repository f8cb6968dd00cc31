import { contentEditor } from '../../server/content/editing'
import { writeRecommended } from '../../server/content/recommend'
import { defineFunction } from '../../server/function'

/** Recommends (推荐) an article or a book, or stops. Audited. */
export const setRecommended = defineFunction('setRecommended', (input, { db, caller, now }) =>
  writeRecommended(db, contentEditor(caller), now, input),
)
export const main = setRecommended.main
