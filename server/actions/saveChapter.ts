import { writeChapter } from '../content/book-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Creates or edits a chapter at a position; the book's totals follow. Audited. */
export const saveChapter = defineFunction('saveChapter', (input, { db, caller, now }) =>
  writeChapter(db, contentEditor(caller), now, input),
)
