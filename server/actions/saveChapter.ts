import { writeChapter } from '../content/book-editing'
import { contentEditor } from '../content/editing'
import { bodyTexts } from '../content/texts'
import { defineFunction } from '../function'
import { requireCleanText } from '../security/content-check'

/** Creates or edits a chapter at a position; the book's totals follow. Content-checked, audited. */
export const saveChapter = defineFunction(
  'saveChapter',
  async (input, { db, caller, now, contentCheck }) => {
    const editor = contentEditor(caller)
    await requireCleanText(contentCheck, caller.openid, 'forum', [input.title, ...bodyTexts(input.body)])
    return writeChapter(db, editor, now, input)
  },
  { uses: ['contentCheck'] },
)
