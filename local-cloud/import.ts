import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { runImport, type ImportReport } from '../server/content/import/apply'
import { ImportFileError, readImportFile } from '../server/content/import/read'
import { CsvError, parseCsv } from '../server/content/import/csv'
import { isQuestionHeader, readQuestionRows, writeQuestions, type QuestionProblem, type SheetRow } from '../server/quiz/import'
import { IMPORTER } from '../server/content/editing'
import { readSheetRows } from '../server/reports/table'
import type { LocalStore } from './store'
import { openLocalStore, StoreLockedError } from './store'
import { seedIfEmpty } from './seed'
import { REGISTERED } from '../server/db/collections'

/** Why nothing was imported, in words for the person at the terminal. */
export class ImportRefused extends Error {}

/**
 * `npm run import -- FILE`: imports books (with chapters) and articles from a JSON or CSV file
 * straight into the local cloud's data directory. The store is single-process: while the local
 * cloud runs, it holds the directory and the import asks to stop it first. An empty directory gets
 * the demo seed first (the categories the rows name live there).
 */
/** What a question bank file (题库) brought: nothing is written when any row has a problem. */
export interface QuestionImportReport {
  kind: 'questions'
  questions: number
  added: number
  updated: number
  problems: QuestionProblem[]
}

interface Options {
  file: string
  dataDir: string
  now?: Date
  dryRun?: boolean
}

/**
 * A file's rows when it is a question bank (CSV or .xlsx with the question header), or undefined
 * for a content file (books and articles, CSV or JSON).
 */
async function questionRows(file: string): Promise<SheetRow[] | undefined> {
  if (/\.xlsx$/i.test(file)) {
    let rows: SheetRow[]
    try {
      rows = await readSheetRows(await readFile(file))
    } catch (err) {
      throw new ImportRefused(`无法读取表格 ${file}：${(err as Error).message}`)
    }
    if (!isQuestionHeader(rows[0]?.cells ?? [])) throw new ImportRefused('.xlsx 只用于导入题库：第一行应为 type,stem,options,answer,explanation,tags')
    return rows
  }
  if (!/\.csv$/i.test(file)) return undefined
  try {
    const records = parseCsv(await readFile(file, 'utf8'))
    return isQuestionHeader(records[0]?.cells ?? []) ? records : undefined
  } catch (err) {
    // Not readable as CSV at all: the content import says why, with its line.
    if (err instanceof CsvError) return undefined
    throw err
  }
}

/** Opens the data directory's store (refusing while the local cloud holds it), seeded if empty. */
async function withStore<T>(options: Options, run: (store: LocalStore, now: Date) => Promise<T>): Promise<T> {
  mkdirSync(options.dataDir, { recursive: true })
  const now = () => options.now ?? new Date()
  let store
  try {
    store = await openLocalStore(options.dataDir, { now, ...REGISTERED })
  } catch (err) {
    if (err instanceof StoreLockedError) {
      throw new ImportRefused(
        `本地云正在运行（进程 ${err.pid}），它独占数据目录 ${options.dataDir}。\n` + '请先停止它（在运行 npm start 的终端按 Ctrl+C），导入完成后再 npm start。',
      )
    }
    throw err
  }
  try {
    await seedIfEmpty(store.database(), now())
    return await run(store, now())
  } finally {
    await store.close()
  }
}

export async function importIntoDataDir(options: Options): Promise<ImportReport | QuestionImportReport> {
  let questionFile
  try {
    questionFile = await questionRows(options.file)
  } catch (err) {
    if (err instanceof ImportRefused) throw err
    throw new ImportRefused(`无法读取文件 ${options.file}：${(err as Error).message}`)
  }
  if (questionFile) {
    const { questions, problems } = readQuestionRows(questionFile)
    const report: QuestionImportReport = { kind: 'questions', questions: questions.length, added: 0, updated: 0, problems }
    if (problems.length > 0 || options.dryRun) return report
    return withStore(options, async (store, now) => ({ ...report, ...(await writeQuestions(store.database(), now, questions, IMPORTER._id)) }))
  }
  let text: string
  try {
    text = await readFile(options.file, 'utf8')
  } catch (err) {
    throw new ImportRefused(`无法读取文件 ${options.file}：${(err as Error).message}`)
  }
  let raw
  try {
    raw = readImportFile(path.basename(options.file), text)
  } catch (err) {
    if (err instanceof ImportFileError) throw new ImportRefused(err.line > 0 ? `第 ${err.line} 行：${err.message}` : err.message)
    throw err
  }
  return withStore(options, (store, now) => runImport(store.database(), now, raw, { dryRun: options.dryRun }))
}

export function formatReport(report: ImportReport | QuestionImportReport, dryRun = false): string {
  if ('kind' in report) return formatQuestionReport(report, dryRun)
  const lines: string[] = []
  const verb = dryRun ? '可以导入' : '已导入'
  lines.push(`${verb}书目 ${report.books.length} 本、文章 ${report.articles.length} 篇`)
  for (const b of report.books) lines.push(`  书目「${b.title}」（${b.id}，${b.chapters} 章）${b.updated ? '：已更新' : ''}`)
  for (const a of report.articles) lines.push(`  文章「${a.title}」（${a.id}）${a.updated ? '：已更新' : ''}`)
  if (report.problems.length > 0) {
    lines.push(`有问题的行 ${report.problems.length} 处（这些内容没有导入）：`)
    for (const p of report.problems) lines.push(`  第 ${p.line} 行：${p.message}`)
  }
  return lines.join('\n')
}

function formatQuestionReport(report: QuestionImportReport, dryRun: boolean): string {
  if (report.problems.length > 0) {
    return [`题库文件有 ${report.problems.length} 处问题，没有导入任何题目：`, ...report.problems.map((p) => `  第 ${p.line} 行：${p.message}`)].join('\n')
  }
  if (dryRun) return `可以导入题目 ${report.questions} 道`
  return `已导入题目 ${report.questions} 道：新增 ${report.added} 道，更新 ${report.updated} 道`
}
