import { contentEditor } from '../content/editing'
import { writeRecommended } from '../content/recommend'
import { defineFunction } from '../function'

/** Recommends (推荐) an article or a book, or stops. Audited. */
export const setRecommended = defineFunction('setRecommended', (input, { db, caller, now }) => writeRecommended(db, contentEditor(caller), now, input))
