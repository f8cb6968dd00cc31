import type { z } from 'zod'
import type { Block, BookStatus, Category } from '../../../types'
import { BookStatus as BookStatuses, DayKey, SaveArticleInput, SaveBookInput, SaveChapterInput } from '../../../types'
import { textToBody } from './body-text'

/**
 * Turns the rows of an import file into what to write, checking every row: each problem is
 * reported with its line, and a book any of whose rows (its own or a chapter's) has a problem is
 * left out whole. Rows come from CSV (one per line, `type` book/chapter/article, chapters name
 * their book's `key`) or JSON (books with nested chapters, articles).
 */

export type Fields = Record<string, unknown>

export interface RawChapter {
  line: number
  fields: Fields
}
export interface RawBook {
  line: number
  fields: Fields
  chapters: RawChapter[]
}
export interface RawArticle {
  line: number
  fields: Fields
}
export interface RawImport {
  books: RawBook[]
  articles: RawArticle[]
  /** Rows that could not even be placed (a chapter of an unknown book, an unknown type). */
  problems: ImportProblem[]
}

export interface ImportProblem {
  line: number
  message: string
}

type BookFields = z.output<typeof SaveBookInput>
type ChapterFields = z.output<typeof SaveChapterInput>
type ArticleFields = z.output<typeof SaveArticleInput>

export interface BookPlan {
  line: number
  id: string
  input: BookFields
  status: BookStatus
  required: { year: number; branchIds: string[] } | null
  recommended: boolean
  chapters: { line: number; input: ChapterFields }[]
}

export interface ArticlePlan {
  line: number
  /** From `key`: a second import of the same file updates it instead of adding another. */
  id: string | undefined
  input: ArticleFields
  /** Scheduled for a day, queued for the daily push, or left a draft. */
  placement: { day: string } | 'queued' | 'draft'
  recommended: boolean
}

export interface ImportPlan {
  books: BookPlan[]
  articles: ArticlePlan[]
  problems: ImportProblem[]
}

export interface ImportContext {
  categories: Category[]
  branchIds: Set<string>
  /** Shanghai today: scheduled days must not be before it. */
  today: string
}

const KEY = /^[A-Za-z0-9_-]{1,40}$/

/** A row's problems, gathered rather than thrown, so every one is reported. */
class Row {
  readonly issues: string[] = []
  constructor(readonly fields: Fields) {}

  text(name: string): string | undefined {
    const v = this.fields[name]
    if (v === undefined || v === null) return undefined
    if (typeof v === 'number') return String(v)
    if (typeof v !== 'string') {
      this.issues.push(`${name} 应为文字`)
      return undefined
    }
    return v.trim() === '' ? undefined : v.trim()
  }

  flag(name: string): boolean {
    const v = this.fields[name]
    if (v === undefined || v === null || v === '' || v === false) return false
    if (v === true) return true
    const s = String(v).trim().toLowerCase()
    if (['是', 'true', '1', 'yes', 'y'].includes(s)) return true
    if (['否', 'false', '0', 'no', 'n', ''].includes(s)) return false
    this.issues.push(`${name} 应为「是」或「否」，实际为「${String(v)}」`)
    return false
  }

  /** The row's import key, noted in `seen`: one already seen in the file is an issue. */
  key(required: boolean, seen: Set<string>): string | undefined {
    const key = this.text('key')
    if (key === undefined) {
      if (required) this.issues.push('缺少 key（书目的导入编号，章节用它指明所属的书）')
      return undefined
    }
    if (!KEY.test(key)) this.issues.push(`key「${key}」只能由字母、数字、- 和 _ 组成，最多 40 个字符`)
    if (seen.has(key)) this.issues.push(`key「${key}」在文件中重复`)
    seen.add(key)
    return key
  }

  body(): Block[] | unknown {
    const v = this.fields.body
    return typeof v === 'string' ? textToBody(v) : v
  }

  category(ctx: ImportContext): string | undefined {
    const v = this.text('category')
    if (v === undefined) {
      this.issues.push('缺少分类 category')
      return undefined
    }
    const found = ctx.categories.find((c) => c._id === v || c.name === v)
    if (!found) this.issues.push(`没有这个分类：「${v}」（可用：${ctx.categories.map((c) => c.name).join('、')}）`)
    return found?._id
  }

  /** Checks `value` with a contract schema, keeping every issue in readable form. */
  parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
    const result = schema.safeParse(value)
    if (result.success) return result.data
    for (const issue of result.error.issues) this.issues.push(describeIssue(issue))
    return undefined
  }
}

const BLOCK_FIELDS: Record<string, string> = { text: '文字', url: '图片地址', caption: '说明', cite: '出处', type: '类型' }

function describeIssue(issue: z.core.$ZodIssue): string {
  const [field, index, sub] = issue.path
  if (field === 'body' && typeof index === 'number') {
    return `正文第 ${index + 1} 段${typeof sub === 'string' ? `的${BLOCK_FIELDS[sub] ?? sub}` : ''}：${issue.message}`
  }
  return issue.message
}

const splitList = (s: string | undefined) => (s ? s.split(/[;；,，、\s]+/).filter(Boolean) : [])

function planBook(raw: RawBook, ctx: ImportContext, seen: Set<string>, problems: ImportProblem[]): BookPlan | undefined {
  const row = new Row(raw.fields)
  const key = row.key(true, seen)
  const categoryId = row.category(ctx)
  const input = row.parse(SaveBookInput, {
    title: row.text('title') ?? '',
    author: row.text('author') ?? '',
    summary: row.text('summary') ?? '',
    categoryId: categoryId ?? '-',
    ...(row.text('cover') ? { coverUrl: row.text('cover') } : {}),
  })
  const status = row.parse(BookStatuses, row.text('status') ?? 'published')
  const required = requirement(row, ctx)
  const recommended = row.flag('recommended')
  if (raw.chapters.length === 0 && status === 'published') row.issues.push('这本书没有章节：上架的书至少要有一章')

  const chapters: BookPlan['chapters'] = []
  const { ordered, bad } = orderChapters(raw.chapters, problems)
  let chapterProblems = bad
  for (const ch of ordered) {
    const chRow = new Row(ch.fields)
    const chapter = chRow.parse(SaveChapterInput, {
      bookId: `book-${key ?? 'x'}`,
      title: chRow.text('title') ?? '',
      body: chRow.body(),
      ...(chRow.text('audio') ? { audioUrl: chRow.text('audio') } : {}),
    })
    if (chRow.issues.length > 0 || !chapter) {
      chapterProblems++
      problems.push({ line: ch.line, message: `章节「${chRow.text('title') ?? '（无标题）'}」：${chRow.issues.join('；')}` })
    } else chapters.push({ line: ch.line, input: chapter })
  }
  const title = row.text('title') ?? '（无书名）'
  if (row.issues.length > 0) problems.push({ line: raw.line, message: `书目「${title}」：${row.issues.join('；')}` })
  if (chapterProblems > 0 && row.issues.length === 0) {
    problems.push({ line: raw.line, message: `书目「${title}」有 ${chapterProblems} 个章节有问题，整本书不导入` })
  }
  if (row.issues.length > 0 || chapterProblems > 0 || !key || !input || !status) return undefined
  return { line: raw.line, id: `book-${key}`, input, status, required, recommended, chapters }
}

/** By the `order` column where given (a positive integer, not repeated), else in file order. */
function orderChapters(chapters: RawChapter[], problems: ImportProblem[]): { ordered: RawChapter[]; bad: number } {
  if (chapters.every((c) => c.fields.order === undefined || c.fields.order === '')) return { ordered: chapters, bad: 0 }
  const seen = new Map<number, number>()
  const ordered: RawChapter[] = []
  for (const c of chapters) {
    const n = Number(c.fields.order)
    if (!Number.isInteger(n) || n < 1) problems.push({ line: c.line, message: `章节序号 order 应为正整数，实际为「${String(c.fields.order ?? '')}」` })
    else if (seen.has(n)) problems.push({ line: c.line, message: `章节序号 ${n} 与第 ${seen.get(n)} 行重复` })
    else {
      seen.set(n, c.line)
      ordered.push(c)
    }
  }
  return { ordered: ordered.sort((a, b) => Number(a.fields.order) - Number(b.fields.order)), bad: chapters.length - ordered.length }
}

function requirement(row: Row, ctx: ImportContext): BookPlan['required'] {
  const nested = row.fields.required
  const yearText = nested && typeof nested === 'object' ? String((nested as Fields).year ?? '') : row.text('required_year')
  const branchValue = nested && typeof nested === 'object' ? (nested as Fields).branches : row.text('required_branches')
  if (!yearText) return null
  const year = Number(yearText)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    row.issues.push(`必修年份应为 2000–2100 的整数，实际为「${yearText}」`)
    return null
  }
  const branchIds = Array.isArray(branchValue) ? branchValue.map(String) : splitList(branchValue as string | undefined)
  for (const id of branchIds) if (!ctx.branchIds.has(id)) row.issues.push(`没有这个党支部：「${id}」`)
  return { year, branchIds }
}

function planArticle(raw: RawArticle, ctx: ImportContext, seen: Set<string>): { plan?: ArticlePlan; problem?: ImportProblem } {
  const row = new Row(raw.fields)
  const key = row.key(false, seen)
  const categoryId = row.category(ctx)
  const input = row.parse(SaveArticleInput, {
    title: row.text('title') ?? '',
    summary: row.text('summary') ?? '',
    body: row.body(),
    source: row.text('source') ?? '',
    categoryId: categoryId ?? '-',
    ...(row.text('audio') ? { audioUrl: row.text('audio') } : {}),
    ...(row.text('video') ? { videoUrl: row.text('video') } : {}),
  })
  let placement: ArticlePlan['placement'] = 'queued'
  const day = row.text('scheduled')
  const status = row.text('status')
  if (day !== undefined) {
    if (!DayKey.safeParse(day).success) row.issues.push(`排期日期应为 YYYY-MM-DD，实际为「${day}」`)
    else if (day < ctx.today) row.issues.push(`排期日期 ${day} 已经过去`)
    else placement = { day }
  } else if (status === 'draft') placement = 'draft'
  else if (status !== undefined && status !== 'queued') row.issues.push(`文章状态 status 只能是 draft 或 queued，实际为「${status}」`)
  const recommended = row.flag('recommended')
  if (row.issues.length > 0 || !input) {
    return { problem: { line: raw.line, message: `文章「${row.text('title') ?? '（无标题）'}」：${row.issues.join('；')}` } }
  }
  return { plan: { line: raw.line, id: key ? `article-${key}` : undefined, input, placement, recommended } }
}

export function planImport(raw: RawImport, ctx: ImportContext): ImportPlan {
  const problems = [...raw.problems]
  const books: BookPlan[] = []
  const articles: ArticlePlan[] = []
  const bookKeys = new Set<string>()
  const articleKeys = new Set<string>()
  for (const b of raw.books) {
    const plan = planBook(b, ctx, bookKeys, problems)
    if (plan) books.push(plan)
  }
  for (const a of raw.articles) {
    const { plan, problem } = planArticle(a, ctx, articleKeys)
    if (plan) articles.push(plan)
    if (problem) problems.push(problem)
  }
  problems.sort((x, y) => x.line - y.line)
  return { books, articles, problems }
}
