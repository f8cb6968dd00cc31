import type { ContentKind, ContentRow, ContentStatus } from '../../types'
import { CONTENT_PAGE_SIZE } from '../../types'
import { matching } from '../db/documents'
import type { CloudDatabase, QueryCondition } from '../db/types'
import { decodeCursor, pageOf } from '../paging'
import { categoryNames } from './categories'
import { ARTICLES, BOOKS, chaptersOf, requireArticle, requireBook, toAdminArticle, toAdminBook, type ArticleDoc, type BookDoc } from './docs'

type Names = Map<string, string>

function articleRow(a: ArticleDoc, names: Names): ContentRow {
  return {
    kind: 'article',
    _id: a._id,
    title: a.title,
    status: a.status,
    categoryId: a.categoryId,
    categoryName: names.get(a.categoryId) ?? '',
    recommended: a.recommended,
    minutes: a.minutes,
    updatedAt: a.updatedAt,
    scheduledFor: a.scheduledFor ?? null,
    publishedOn: a.publishedOn ?? null,
    chapterCount: null,
    required: null,
  }
}

function bookRow(b: BookDoc, names: Names): ContentRow {
  return {
    kind: 'book',
    _id: b._id,
    title: b.title,
    status: b.status,
    categoryId: b.categoryId,
    categoryName: names.get(b.categoryId) ?? '',
    recommended: b.recommended,
    minutes: b.totalMinutes,
    updatedAt: b.updatedAt,
    scheduledFor: null,
    publishedOn: null,
    chapterCount: b.chapterCount,
    required: b.required ?? null,
  }
}

/** The admin list of articles or books, filtered by status and category, last changed first. */
export async function listContent(db: CloudDatabase, input: { kind: ContentKind; status?: ContentStatus; categoryId?: string; cursor?: string }) {
  const _ = db.command
  const conditions: QueryCondition[] = []
  if (input.status) conditions.push({ status: input.status })
  if (input.categoryId) conditions.push({ categoryId: input.categoryId })
  if (input.cursor) {
    const [updatedAt, id] = decodeCursor(input.cursor, 2)
    conditions.push(_.or([{ updatedAt: _.lt(updatedAt) }, { updatedAt, _id: _.lt(id) }]))
  }
  const collection = input.kind === 'article' ? ARTICLES : BOOKS
  const [names, { data }] = await Promise.all([
    categoryNames(db),
    matching(db, collection, conditions)
      .field({ body: false })
      .orderBy('updatedAt', 'desc')
      .orderBy('_id', 'desc')
      .limit(CONTENT_PAGE_SIZE + 1)
      .get(),
  ])
  const keyOf = (d: { updatedAt: string; _id: string }) => [d.updatedAt, d._id]
  return input.kind === 'article'
    ? pageOf(data as ArticleDoc[], CONTENT_PAGE_SIZE, keyOf, (a) => articleRow(a, names))
    : pageOf(data as BookDoc[], CONTENT_PAGE_SIZE, keyOf, (b) => bookRow(b, names))
}

/** Everything an admin edits: an article whatever its status, or a book with its chapters. */
export async function contentForEditing(db: CloudDatabase, input: { kind: ContentKind; id: string }) {
  if (input.kind === 'article') return { kind: 'article' as const, article: toAdminArticle(await requireArticle(db, input.id)) }
  const book = await requireBook(db, input.id)
  return { kind: 'book' as const, book: toAdminBook(book), chapters: await chaptersOf(db, book._id) }
}
