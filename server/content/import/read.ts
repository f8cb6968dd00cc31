import { CsvError, parseCsv } from './csv'
import { JsonError, parseJsonWithLines } from './json-lines'
import type { Fields, ImportProblem, RawBook, RawImport } from './plan'

/** Unreadable as a whole (bad syntax, no header): nothing is imported. */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message)
  }
}

const TYPES: Record<string, 'book' | 'chapter' | 'article'> = {
  book: 'book',
  书目: 'book',
  chapter: 'chapter',
  章节: 'chapter',
  article: 'article',
  文章: 'article',
}

/**
 * CSV: a header row, then one row per book, chapter or article, named in the `type` column.
 * Columns: type, key, book (a chapter's book key), order, title, author, summary, category, source,
 * body, cover, audio, video, required_year, required_branches, recommended, scheduled, status.
 */
export function readCsv(text: string): RawImport {
  let records
  try {
    records = parseCsv(text)
  } catch (err) {
    if (err instanceof CsvError) throw new ImportFileError(err.line, err.message)
    throw err
  }
  const [header, ...rows] = records
  if (!header) throw new ImportFileError(1, '文件是空的')
  const columns = header.cells.map((c) => c.trim().toLowerCase())
  if (!columns.includes('type')) throw new ImportFileError(header.line, '第一行应为列名，并包含 type 列（book、chapter 或 article）')

  const imported: RawImport = { books: [], articles: [], problems: [] }
  const chapters: { line: number; fields: Fields }[] = []
  for (const { line, cells } of rows) {
    if (cells.length > columns.length) {
      imported.problems.push({ line, message: `这一行有 ${cells.length} 列，比列名多（含逗号的内容请用英文双引号括起来）` })
      continue
    }
    const fields: Fields = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))
    const type = TYPES[String(fields.type).trim().toLowerCase()]
    if (type === 'book') imported.books.push({ line, fields, chapters: [] })
    else if (type === 'article') imported.articles.push({ line, fields })
    else if (type === 'chapter') chapters.push({ line, fields })
    else imported.problems.push({ line, message: `type 应为 book、chapter 或 article，实际为「${String(fields.type)}」` })
  }
  const byKey = new Map<string, RawBook>()
  for (const book of imported.books) {
    const key = String(book.fields.key ?? '').trim()
    if (key && !byKey.has(key)) byKey.set(key, book)
  }
  for (const chapter of chapters) {
    const key = String(chapter.fields.book ?? '').trim()
    const book = byKey.get(key)
    if (book) book.chapters.push(chapter)
    else imported.problems.push({ line: chapter.line, message: key ? `找不到 key 为「${key}」的书目` : '章节缺少 book 列（所属书目的 key）' })
  }
  return imported
}

const isObject = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v)

/** JSON: `{ "books": [{ …, "chapters": [{ … }] }], "articles": [{ … }] }`, fields named as the CSV columns. */
export function readJson(text: string): RawImport {
  let parsed
  try {
    parsed = parseJsonWithLines(text)
  } catch (err) {
    if (err instanceof JsonError) throw new ImportFileError(err.line, err.message)
    throw err
  }
  const { value, lineOf } = parsed
  if (!isObject(value)) throw new ImportFileError(1, '文件应为一个 JSON 对象：{ "books": [...], "articles": [...] }')
  const problems: ImportProblem[] = []
  const list = (v: unknown, what: string, line: number): Fields[] => {
    if (v === undefined) return []
    if (!Array.isArray(v)) {
      problems.push({ line, message: `${what}应为数组` })
      return []
    }
    return v.filter((item) => {
      if (isObject(item)) return true
      problems.push({ line: lineOf(v) ?? line, message: `${what}的每一项应为对象` })
      return false
    })
  }
  const books = list(value.books, 'books ', 1).map((fields): RawBook => {
    const line = lineOf(fields) ?? 1
    const { chapters, ...own } = fields
    return { line, fields: own, chapters: list(chapters, 'chapters ', line).map((c) => ({ line: lineOf(c) ?? line, fields: c })) }
  })
  const articles = list(value.articles, 'articles ', 1).map((fields) => ({ line: lineOf(fields) ?? 1, fields }))
  return { books, articles, problems }
}

export function readImportFile(fileName: string, text: string): RawImport {
  if (/\.json$/i.test(fileName)) return readJson(text)
  if (/\.csv$/i.test(fileName)) return readCsv(text)
  throw new ImportFileError(0, '只支持 .json 和 .csv 文件')
}
