import type { z } from 'zod'
import type { SaveBookInput, SaveChapterInput } from '../../types'
import { readingMinutes } from '../../types'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { newId } from '../ids'
import { loadUnits } from '../units'
import { requireCategory } from './categories'
import { BOOKS, CHAPTERS, chaptersOf, requireBook, tocOf, type BookDoc, type ChapterDoc } from './docs'
import { auditContent, defined, linkUpdate, pick, type Editor } from './editing'

type BookInput = z.output<typeof SaveBookInput>
type ChapterInput = z.output<typeof SaveChapterInput>

const BOOK_SNAPSHOT = ['title', 'author', 'summary', 'categoryId', 'coverUrl', 'status'] as const
const CHAPTER_SNAPSHOT = ['bookId', 'order', 'title', 'minutes', 'audioUrl'] as const

const noChapters = () => new AppError('CONFLICT', '这本书还没有章节，至少添加一章后才能上架')

/** Creates a book (a `draft` unless said otherwise; `createAs` fixes its id) or edits one. */
export async function writeBook(db: CloudDatabase, editor: Editor, now: Date, input: BookInput, createAs?: string): Promise<BookDoc> {
  await requireCategory(db, input.categoryId)
  const at = now.toISOString()
  const fields = { title: input.title, author: input.author, summary: input.summary, categoryId: input.categoryId }
  if (!input.id) {
    const status = input.status ?? 'draft'
    if (status === 'published') throw noChapters()
    const doc: BookDoc = {
      _id: createAs ?? newId('book'),
      ...fields,
      ...(input.coverUrl ? { coverUrl: input.coverUrl } : {}),
      recommended: false,
      status,
      chapterCount: 0,
      totalMinutes: 0,
      createdAt: at,
      updatedAt: at,
      revision: 0,
    }
    await db.collection(BOOKS).add({ data: doc })
    await auditContent(db, editor, now, 'book.create', { type: 'book', id: doc._id, name: doc.title }, null, pick(doc, BOOK_SNAPSHOT))
    return doc
  }
  const before = await requireBook(db, input.id)
  if (input.status === 'published' && before.chapterCount === 0) throw noChapters()
  await db
    .collection(BOOKS)
    .doc(before._id)
    .update({ data: defined({ ...fields, coverUrl: linkUpdate(db, input.coverUrl), status: input.status, updatedAt: at }) })
  const after = await requireBook(db, before._id)
  await auditContent(
    db,
    editor,
    now,
    'book.update',
    { type: 'book', id: after._id, name: after.title },
    pick(before, BOOK_SNAPSHOT),
    pick(after, BOOK_SNAPSHOT),
  )
  return after
}

/**
 * Creates or edits a chapter and puts it at `order` (absent: the end, or where it was), renumbering
 * the others so positions stay 1..n; the book's chapterCount and totalMinutes follow. The book's
 * revision is claimed first, so two changes to one book never interleave (the second is told to retry).
 */
export async function writeChapter(
  db: CloudDatabase,
  editor: Editor,
  now: Date,
  input: ChapterInput,
  createAs?: string,
): Promise<{ chapter: ChapterDoc; book: BookDoc }> {
  const book = await requireBook(db, input.bookId)
  const _ = db.command
  const claimed = await db
    .collection(BOOKS)
    .where({ _id: book._id, revision: book.revision })
    .update({ data: { revision: _.inc(1) } })
  if (claimed.stats.updated === 0) throw new AppError('CONFLICT', '这本书刚刚被修改过，请刷新后重试')

  const chapters = await chaptersOf(db, book._id)
  const before = input.id ? chapters.find((c) => c._id === input.id) : undefined
  if (input.id && !before) throw new AppError('NOT_FOUND', '没有找到这一章')
  const others = chapters.filter((c) => c._id !== before?._id)
  const last = others.length + 1
  const order = input.order ?? before?.order ?? last
  if (order > last) throw new AppError('INVALID_INPUT', `章节位置最多为 ${last}`)

  const at = now.toISOString()
  const audioUrl = input.audioUrl === undefined ? before?.audioUrl : (input.audioUrl ?? undefined)
  const chapter: ChapterDoc = {
    _id: before?._id ?? createAs ?? newId('chapter'),
    bookId: book._id,
    order,
    title: input.title,
    body: input.body,
    minutes: readingMinutes(input.body),
    ...(audioUrl ? { audioUrl } : {}),
    // Kept until the speech job finds whether the text read aloud changed.
    ...(before?.speech ? { speech: before.speech } : {}),
    speechPending: true,
    updatedAt: at,
  }
  const ordered = [...others]
  ordered.splice(order - 1, 0, chapter)
  for (const [i, c] of ordered.entries()) {
    if (c !== chapter && c.order !== i + 1)
      await db
        .collection(CHAPTERS)
        .doc(c._id)
        .update({ data: { order: i + 1 } })
  }
  const { _id, ...data } = chapter
  await db.collection(CHAPTERS).doc(_id).set({ data })
  await db
    .collection(BOOKS)
    .doc(book._id)
    .update({
      data: {
        chapterCount: ordered.length,
        totalMinutes: ordered.reduce((sum, c) => sum + c.minutes, 0),
        toc: _.set(tocOf(ordered)),
        updatedAt: at,
      },
    })
  await auditContent(
    db,
    editor,
    now,
    before ? 'chapter.update' : 'chapter.create',
    { type: 'chapter', id: chapter._id, name: `${book.title} · ${chapter.title}` },
    before ? pick(before, CHAPTER_SNAPSHOT) : null,
    pick(chapter, CHAPTER_SNAPSHOT),
  )
  return { chapter, book: await requireBook(db, book._id) }
}

/** Required (必修) for a year, for the listed 党支部 or (none listed) all; year null: elective (选修). */
export async function writeRequirement(
  db: CloudDatabase,
  editor: Editor,
  now: Date,
  input: { bookId: string; year: number | null; branchIds: string[] },
): Promise<BookDoc> {
  const before = await requireBook(db, input.bookId)
  const branchIds = [...new Set(input.branchIds)]
  if (input.year !== null && branchIds.length > 0) {
    const branches = new Set((await loadUnits(db)).filter((u) => u.kind === 'branch').map((u) => u._id))
    const unknown = branchIds.find((id) => !branches.has(id))
    if (unknown) throw new AppError('INVALID_INPUT', `没有找到党支部：${unknown}`)
  }
  const _ = db.command
  const required = input.year === null ? _.remove() : _.set({ year: input.year, branchIds })
  await db
    .collection(BOOKS)
    .doc(before._id)
    .update({ data: { required, updatedAt: now.toISOString() } })
  const after = await requireBook(db, before._id)
  await auditContent(
    db,
    editor,
    now,
    'book.requirement',
    { type: 'book', id: after._id, name: after.title },
    pick(before, ['required']),
    pick(after, ['required']),
  )
  return after
}
