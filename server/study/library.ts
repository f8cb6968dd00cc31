import type { z } from 'zod'
import { LIBRARY_PAGE_SIZE, type Category, type LibraryItem, type ListLibraryInput, type ListLibraryOutput } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey, yearKey } from '../../types/calendar'
import { loadCategories } from '../content/categories'
import { ARTICLES, BOOKS, type ArticleDoc, type BookDoc } from '../content/docs'
import type { CloudDatabase, QueryCondition } from '../db/types'
import { AppError } from '../errors'
import { decodeCursor, encodeCursor } from '../paging'
import { authorize, ORGANISATION } from '../permissions'
import { bookProgress, itemKey, readLedger, type LedgerDoc } from './ledger'
import { fieldKey } from '../db/documents'
import { isRequiredFor, requirementOf } from './readable'
import { HOT_DAYS, hotRanking } from './readers'

type Input = z.output<typeof ListLibraryInput>
type Output = z.output<typeof ListLibraryOutput>

/**
 * 学习 tab: published books or articles on a shelf, 20 a page, keyset-paged (a cursor holds the sort
 * key of the last item shown, so pages never repeat or skip an item when content is added):
 * - 全部 / 必修 / 选修 / 推荐: books by title, articles newest pushed first;
 * - 上新: books newest created first, articles newest pushed first;
 * - 热门: most member-days of reading in the last 30 days (see readers.ts).
 * `categoryId` filters every shelf; `search` (part of the title) every shelf but 热门.
 */
export async function listLibrary(db: CloudDatabase, caller: Member, now: Date, input: Input): Promise<Output> {
  authorize(caller, 'content.read', ORGANISATION)
  if (input.kind === 'article' && (input.shelf === 'required' || input.shelf === 'elective')) {
    throw new AppError('INVALID_INPUT', '必修和选修只适用于书目')
  }
  const categories = await loadCategories(db)
  const page =
    input.shelf === 'hot' ? await hotPage(db, input, now) : input.kind === 'book' ? await bookPage(db, caller, now, input) : await articlePage(db, input)
  const items = await withProgress(db, caller, now, page.docs, categories, page.readers)
  return { items, nextCursor: page.nextCursor, categories }
}

interface Page {
  docs: (BookDoc | ArticleDoc)[]
  nextCursor: string | null
  readers?: Map<string, number>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function filters(db: CloudDatabase, input: Input): QueryCondition[] {
  const conditions: QueryCondition[] = [{ status: 'published' }]
  if (input.categoryId) conditions.push({ categoryId: input.categoryId })
  if (input.search) conditions.push({ title: db.RegExp({ regexp: escapeRegExp(input.search), options: 'i' }) })
  return conditions
}

/** After the item keyed `[value, _id]` in order `field` (asc or desc), then `_id` ascending. */
function after(db: CloudDatabase, field: string, direction: 'asc' | 'desc', cursor: string | undefined): QueryCondition[] {
  if (!cursor) return []
  const [value, id] = decodeCursor(cursor, 2)
  const _ = db.command
  const beyond = direction === 'asc' ? _.gt(value) : _.lt(value)
  return [_.or([{ [field]: beyond }, { [field]: value, _id: _.gt(id) }])]
}

async function keysetPage<T extends { _id: string }>(
  db: CloudDatabase,
  collection: string,
  conditions: QueryCondition[],
  order: { field: keyof T & string; direction: 'asc' | 'desc' },
  cursor: string | undefined,
): Promise<{ docs: T[]; nextCursor: string | null }> {
  const all = [...conditions, ...after(db, order.field, order.direction, cursor)]
  const { data } = await db
    .collection(collection)
    .where(db.command.and(...all))
    .orderBy(order.field, order.direction)
    .orderBy('_id', 'asc')
    .limit(LIBRARY_PAGE_SIZE + 1)
    .get()
  const docs = (data as T[]).slice(0, LIBRARY_PAGE_SIZE)
  const last = docs[docs.length - 1]
  const more = data.length > LIBRARY_PAGE_SIZE && last !== undefined
  return { docs, nextCursor: more ? encodeCursor([String(last[order.field]), last._id]) : null }
}

/** This year's required books of the caller's 党支部 (a handful a year). */
export async function requiredBooks(db: CloudDatabase, caller: Member, now: Date): Promise<BookDoc[]> {
  const year = Number(yearKey(now))
  const { data } = await db.collection(BOOKS).where({ status: 'published', 'required.year': year }).limit(1000).get()
  return (data as BookDoc[]).filter((b) => isRequiredFor(b, caller, year))
}

async function bookPage(db: CloudDatabase, caller: Member, now: Date, input: Input): Promise<Page> {
  const conditions = filters(db, input)
  const _ = db.command
  if (input.shelf === 'required' || input.shelf === 'elective') {
    const ids = (await requiredBooks(db, caller, now)).map((b) => b._id)
    conditions.push({ _id: input.shelf === 'required' ? _.in(ids) : _.nin(ids) })
  }
  if (input.shelf === 'recommended') conditions.push({ recommended: true })
  const order = input.shelf === 'new' ? ({ field: 'createdAt', direction: 'desc' } as const) : ({ field: 'title', direction: 'asc' } as const)
  return keysetPage<BookDoc>(db, BOOKS, conditions, order, input.cursor)
}

async function articlePage(db: CloudDatabase, input: Input): Promise<Page> {
  const conditions = filters(db, input)
  if (input.shelf === 'recommended') conditions.push({ recommended: true })
  return keysetPage<ArticleDoc>(db, ARTICLES, conditions, { field: 'publishedOn', direction: 'desc' }, input.cursor)
}

async function hotPage(db: CloudDatabase, input: Input, now: Date): Promise<Page> {
  let position: { id: string; readers: number } | undefined
  if (input.cursor) {
    const [readers, id] = decodeCursor(input.cursor, 2)
    position = { id, readers: Number(readers) }
    if (!Number.isInteger(position.readers)) throw new AppError('INVALID_INPUT', '分页位置无效，请从第一页重新查看')
  }
  const ranked = await hotRanking(db, {
    kind: input.kind,
    since: addDays(dayKey(now), -(HOT_DAYS - 1)),
    categoryId: input.categoryId,
    after: position,
    limit: LIBRARY_PAGE_SIZE + 1,
  })
  const shown = ranked.slice(0, LIBRARY_PAGE_SIZE)
  const last = shown[shown.length - 1]
  const { data } = shown.length
    ? await db
        .collection(input.kind === 'book' ? BOOKS : ARTICLES)
        .where({ _id: db.command.in(shown.map((r) => r.id)), status: 'published' })
        .limit(LIBRARY_PAGE_SIZE)
        .get()
    : { data: [] }
  const byId = new Map((data as (BookDoc | ArticleDoc)[]).map((d) => [d._id, d]))
  return {
    // Ranked order; content since unpublished is left out.
    docs: shown.flatMap((r) => byId.get(r.id) ?? []),
    nextCursor: ranked.length > LIBRARY_PAGE_SIZE && last ? encodeCursor([String(last.readers), last.id]) : null,
    readers: new Map(shown.map((r) => [r.id, r.readers])),
  }
}

const isBook = (doc: BookDoc | ArticleDoc): doc is BookDoc => 'chapterCount' in doc

async function withProgress(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  docs: (BookDoc | ArticleDoc)[],
  categories: Category[],
  readers: Map<string, number> | undefined,
): Promise<LibraryItem[]> {
  if (docs.length === 0) return []
  const names = new Map(categories.map((c) => [c._id, c.name]))
  const paths = docs.map((d) => (isBook(d) ? `books.${fieldKey(d._id)}` : `items.${itemKey('article', d._id)}`))
  const ledger: Partial<LedgerDoc> | undefined = await readLedger(db, caller._id, paths)
  const year = Number(yearKey(now))
  return docs.map((d) => {
    const common = {
      _id: d._id,
      title: d.title,
      summary: d.summary,
      categoryId: d.categoryId,
      categoryName: names.get(d.categoryId) ?? '未分类',
      recommended: d.recommended,
      readers30d: readers ? (readers.get(d._id) ?? 0) : null,
    }
    if (isBook(d)) {
      const progress = bookProgress(d._id, ledger?.books?.[fieldKey(d._id)], d.chapterCount)
      return {
        ...common,
        kind: 'book',
        author: d.author,
        minutes: d.totalMinutes,
        coverUrl: d.coverUrl ?? null,
        hasAudio: false,
        requirement: requirementOf(d, caller, year),
        publishedOn: null,
        completedChapters: progress.completedChapters,
        chapterCount: progress.chapterCount,
        completed: progress.completed,
      }
    }
    const done = ledger?.items?.[itemKey('article', d._id)]?.done ?? false
    return {
      ...common,
      kind: 'article',
      author: null,
      minutes: d.minutes,
      coverUrl: null,
      hasAudio: !!d.audioUrl,
      requirement: null,
      publishedOn: d.publishedOn ?? null,
      completedChapters: done ? 1 : 0,
      chapterCount: 1,
      completed: done,
    }
  })
}
