import { contentForEditing } from '../content/content-list'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** An article, or a book with its chapters, for editing, whatever its status. */
export const getContent = defineFunction('getContent', (input, { db, caller }) => {
  contentEditor(caller)
  return contentForEditing(db, input)
})
