import type { AdminBook, Chapter } from '../../../types'
import { callFunction } from '../../services/cloud'

export interface BookContent {
  book: AdminBook
  /** In order. */
  chapters: Chapter[]
}

/** A book with its chapters, as the book and chapter editors edit them. */
export async function loadBook(id: string): Promise<BookContent> {
  const content = await callFunction('getContent', { kind: 'book', id })
  if (content.kind !== 'book') throw new Error('getContent answered an article for a book')
  return content
}
