import { writeBook } from '../content/book-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** Creates (a draft) or edits a book, and publishes or retires it. Audited. */
export const saveBook = defineFunction('saveBook', (input, { db, caller, now }) => writeBook(db, contentEditor(caller), now, input))
