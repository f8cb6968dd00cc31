import { writeBook } from '../../server/content/book-editing'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** Creates (a draft) or edits a book, and publishes or retires it. Audited. */
export const saveBook = defineFunction('saveBook', (input, { db, caller, now }) => writeBook(db, contentEditor(caller), now, input))
export const main = saveBook.main
