import { dayKey } from '../../../types/calendar'
import { findDoc } from '../../db/documents'
import type { CloudDatabase } from '../../db/types'
import { loadUnits } from '../../units'
import { writeArticle, writeSchedule } from '../article-editing'
import { writeBook, writeChapter, writeRequirement } from '../book-editing'
import { loadCategories } from '../categories'
import { ARTICLES, BOOKS, CHAPTERS, type ArticleDoc, type BookDoc } from '../docs'
import { IMPORTER, type Editor } from '../editing'
import { writeRecommended } from '../recommend'
import { planImport, type ArticlePlan, type BookPlan, type ImportContext, type ImportProblem, type RawImport } from './plan'

export interface ImportReport {
  books: { id: string; title: string; chapters: number; updated: boolean }[]
  articles: { id: string; title: string; status: string; updated: boolean }[]
  problems: ImportProblem[]
}

export async function importContext(db: CloudDatabase, now: Date): Promise<ImportContext> {
  const [categories, units] = await Promise.all([loadCategories(db), loadUnits(db)])
  return { categories, branchIds: new Set(units.filter((u) => u.kind === 'branch').map((u) => u._id)), today: dayKey(now) }
}

/**
 * Writes one book through the same services as the admin functions (so it is audited): the book,
 * its chapters under ids derived from its key and position, then its status, requirement and
 * recommendation. Importing the same file again updates the book instead of adding another.
 */
async function importBook(db: CloudDatabase, editor: Editor, now: Date, plan: BookPlan) {
  const existing = await findDoc<BookDoc>(db, BOOKS, plan.id)
  if (existing) await writeBook(db, editor, now, { ...plan.input, id: plan.id })
  else await writeBook(db, editor, now, { ...plan.input, status: 'draft' }, plan.id)
  for (const [i, chapter] of plan.chapters.entries()) {
    const chapterId = `${plan.id}-${i + 1}`
    const exists = await findDoc(db, CHAPTERS, chapterId)
    const input = { ...chapter.input, bookId: plan.id, order: i + 1 }
    await writeChapter(db, editor, now, exists ? { ...input, id: chapterId } : input, chapterId)
  }
  await writeBook(db, editor, now, { ...plan.input, id: plan.id, status: plan.status })
  if (plan.required || existing?.required)
    await writeRequirement(db, editor, now, { bookId: plan.id, year: plan.required?.year ?? null, branchIds: plan.required?.branchIds ?? [] })
  await writeRecommended(db, editor, now, { kind: 'book', id: plan.id, recommended: plan.recommended })
  return { id: plan.id, title: plan.input.title, chapters: plan.chapters.length, updated: existing !== undefined }
}

async function importArticle(db: CloudDatabase, editor: Editor, now: Date, plan: ArticlePlan) {
  const existing = plan.id ? await findDoc<ArticleDoc>(db, ARTICLES, plan.id) : undefined
  let doc = existing ? await writeArticle(db, editor, now, { ...plan.input, id: existing._id }) : await writeArticle(db, editor, now, plan.input, plan.id)
  const waiting = doc.status === 'draft' || doc.status === 'queued' || doc.status === 'scheduled'
  if (waiting && plan.placement !== 'draft') {
    doc = await writeSchedule(db, editor, now, { id: doc._id, day: plan.placement === 'queued' ? null : plan.placement.day })
  }
  if (plan.recommended || existing?.recommended) await writeRecommended(db, editor, now, { kind: 'article', id: doc._id, recommended: plan.recommended })
  return { id: doc._id, title: doc.title, status: doc.status, updated: existing !== undefined }
}

/**
 * Checks every row, then writes the books and articles that have no problem; a book with any
 * problem (its own or a chapter's) is not written at all. `dryRun` checks only.
 */
export async function runImport(db: CloudDatabase, now: Date, raw: RawImport, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const plan = planImport(raw, await importContext(db, now))
  const report: ImportReport = { books: [], articles: [], problems: [...plan.problems] }
  if (options.dryRun) {
    report.books = plan.books.map((b) => ({ id: b.id, title: b.input.title, chapters: b.chapters.length, updated: false }))
    report.articles = plan.articles.map((a) => ({ id: a.id ?? '（新）', title: a.input.title, status: 'draft', updated: false }))
    return report
  }
  const attempt = async <T>(line: number, title: string, write: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await write()
    } catch (err) {
      report.problems.push({ line, message: `「${title}」写入失败：${(err as Error).message}` })
      return undefined
    }
  }
  for (const book of plan.books) {
    const done = await attempt(book.line, book.input.title, () => importBook(db, IMPORTER, now, book))
    if (done) report.books.push(done)
  }
  for (const article of plan.articles) {
    const done = await attempt(article.line, article.input.title, () => importArticle(db, IMPORTER, now, article))
    if (done) report.articles.push(done)
  }
  report.problems.sort((a, b) => a.line - b.line)
  return report
}
