import { writeArticle } from '../content/article-editing'
import { contentEditor } from '../content/editing'
import { bodyTexts } from '../content/texts'
import { defineFunction } from '../function'
import { requireCleanText } from '../security/content-check'

/** Creates (a draft) or edits an article; its reading minutes follow the body. Content-checked, audited. */
export const saveArticle = defineFunction(
  'saveArticle',
  async (input, { db, caller, now, contentCheck }) => {
    const editor = contentEditor(caller)
    await requireCleanText(contentCheck, caller.openid, 'forum', [input.title, input.summary, input.source, ...bodyTexts(input.body)])
    return writeArticle(db, editor, now, input)
  },
  { uses: ['contentCheck'] },
)
