import type { AdminArticle, AdminBook, Article, Book, Chapter } from '../../types'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { SpeechMarks } from '../speech/job'

export const ARTICLES = 'articles'
export const BOOKS = 'books'
export const CHAPTERS = 'chapters'

/** Articles as stored: instants as ISO strings; `queuedAt` orders the queue (待推送). */
export interface ArticleDoc extends Article, SpeechMarks {
  createdAt: string
  updatedAt: string
  queuedAt?: string
}

/** Books as stored; `revision` changes with every chapter change, so concurrent ones cannot interleave. */
export interface BookDoc extends Book {
  createdAt: string
  updatedAt: string
  revision: number
  /**
   * Its chapters in order, written with every chapter change (book-editing.ts), so the reader finds
   * a chapter's neighbours in the book it reads anyway. Absent on books not edited since it was kept.
   */
  toc?: TocEntry[]
}

export interface TocEntry {
  _id: string
  title: string
}

/** The table of contents of chapters in order. */
export const tocOf = (chapters: readonly Pick<ChapterDoc, '_id' | 'title'>[]): TocEntry[] => chapters.map(({ _id, title }) => ({ _id, title }))

export interface ChapterDoc extends Chapter, SpeechMarks {
  updatedAt: string
}

export const toAdminArticle = (doc: ArticleDoc): AdminArticle => doc
export const toAdminBook = (doc: BookDoc): AdminBook => doc

export async function requireArticle(db: CloudDatabase, id: string): Promise<ArticleDoc> {
  const doc = await findDoc<ArticleDoc>(db, ARTICLES, id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这篇文章')
  return doc
}

export async function requireBook(db: CloudDatabase, id: string): Promise<BookDoc> {
  const doc = await findDoc<BookDoc>(db, BOOKS, id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这本书')
  return doc
}

/** A book's chapters in order (a book has tens of chapters, not thousands). */
export async function chaptersOf(db: CloudDatabase, bookId: string): Promise<ChapterDoc[]> {
  const { data } = await db.collection(CHAPTERS).where({ bookId }).orderBy('order', 'asc').limit(1000).get()
  return data as ChapterDoc[]
}
