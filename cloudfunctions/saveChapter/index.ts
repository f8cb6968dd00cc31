import { writeChapter } from '../../server/content/book-editing'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** Creates or edits a chapter at a position; the book's totals follow. Audited. */
export const saveChapter = defineFunction('saveChapter', (input, { db, caller, now }) =>
  writeChapter(db, contentEditor(caller), now, input),
)
export const main = saveChapter.main
