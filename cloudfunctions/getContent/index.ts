import { contentForEditing } from '../../server/content/content-list'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** An article, or a book with its chapters, for editing, whatever its status. */
export const getContent = defineFunction('getContent', (input, { db, caller }) => {
  contentEditor(caller)
  return contentForEditing(db, input)
})
export const main = getContent.main
