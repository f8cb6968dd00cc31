import { writeBook } from '../content/book-editing'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'
import { requireCleanText } from '../security/content-check'

/** Creates (a draft) or edits a book, and publishes or retires it. Content-checked, audited. */
export const saveBook = defineFunction(
  'saveBook',
  async (input, { db, caller, now, contentCheck }) => {
    const editor = contentEditor(caller)
    await requireCleanText(contentCheck, caller.openid, 'forum', [input.title, input.author, input.summary])
    return writeBook(db, editor, now, input)
  },
  { uses: ['contentCheck'] },
)
