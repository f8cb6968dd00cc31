import { listContent as contentPage } from '../content/content-list'
import { contentEditor } from '../content/editing'
import { defineFunction } from '../function'

/** The admin list of articles or books, by status and category, last changed first. */
export const listContent = defineFunction('listContent', (input, { db, caller }) => {
  contentEditor(caller)
  return contentPage(db, input)
})
