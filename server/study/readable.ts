import type { RequirementKind, StudyKind } from '../../types'
import type { Member } from '../members'
import { ARTICLES, BOOKS, CHAPTERS, type ArticleDoc, type BookDoc, type ChapterDoc } from '../content/docs'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'

/**
 * What members may read: published articles, and the chapters of published books. Every published
 * book is readable by every member: a book required (必修) for other 党支部 is an elective (选修) for
 * the caller, and its time counts the same. Drafts, scheduled and retired content answer NOT_FOUND,
 * as if they did not exist.
 */

export async function readableArticle(db: CloudDatabase, id: string): Promise<ArticleDoc> {
  const doc = await findDoc<ArticleDoc>(db, ARTICLES, id)
  if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这篇文章，它可能已下架')
  return doc
}

export async function readableBook(db: CloudDatabase, id: string): Promise<BookDoc> {
  const doc = await findDoc<BookDoc>(db, BOOKS, id)
  if (!doc || doc.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这本书，它可能已下架')
  return doc
}

export async function readableChapter(db: CloudDatabase, id: string): Promise<{ chapter: ChapterDoc; book: BookDoc }> {
  const chapter = await findDoc<ChapterDoc>(db, CHAPTERS, id)
  if (!chapter) throw new AppError('NOT_FOUND', '没有找到这一章，它可能已下架')
  return { chapter, book: await readableBook(db, chapter.bookId) }
}

/** What a heartbeat needs to know about the item read. */
export interface StudyItem {
  kind: StudyKind
  id: string
  minutes: number
  categoryId: string
  /** A video item's length (null: not a video): it is watched, and 看完 is measured against it. */
  videoSeconds: number | null
  /** Chapters: their book (with its requirement, for scoring a required book's chapters). */
  book: ({ id: string; chapterCount: number } & Pick<BookDoc, 'required'>) | null
}

export const articleItem = (a: ArticleDoc): StudyItem => ({
  kind: 'article',
  id: a._id,
  minutes: a.minutes,
  categoryId: a.categoryId,
  videoSeconds: a.videoUrl ? (a.videoSeconds ?? null) : null,
  book: null,
})

export const chapterItem = (chapter: ChapterDoc, book: BookDoc): StudyItem => ({
  kind: 'chapter',
  id: chapter._id,
  minutes: chapter.minutes,
  categoryId: book.categoryId,
  videoSeconds: null,
  book: { id: book._id, chapterCount: book.chapterCount, ...(book.required ? { required: book.required } : {}) },
})

export async function readableItem(db: CloudDatabase, kind: StudyKind, id: string): Promise<StudyItem> {
  if (kind === 'article') return articleItem(await readableArticle(db, id))
  const { chapter, book } = await readableChapter(db, id)
  return chapterItem(chapter, book)
}

/** Is the book required of the member in `year`: for every 党支部 (no list) or theirs. */
export function isRequiredFor(book: Pick<BookDoc, 'required'>, member: Pick<Member, 'branchId'>, year: number): boolean {
  const r = book.required
  return !!r && r.year === year && (r.branchIds.length === 0 || r.branchIds.includes(member.branchId))
}

export const requirementOf = (book: Pick<BookDoc, 'required'>, member: Pick<Member, 'branchId'>, year: number): RequirementKind =>
  isRequiredFor(book, member, year) ? 'required' : 'elective'
