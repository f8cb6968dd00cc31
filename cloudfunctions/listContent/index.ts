import { listContent as contentPage } from '../../server/content/content-list'
import { contentEditor } from '../../server/content/editing'
import { defineFunction } from '../../server/function'

/** The admin list of articles or books, by status and category, last changed first. */
export const listContent = defineFunction('listContent', (input, { db, caller }) => {
  contentEditor(caller)
  return contentPage(db, input)
})
export const main = listContent.main
