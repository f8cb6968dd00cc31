import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { runImport, type ImportReport } from '../server/content/import/apply'
import { ImportFileError, readImportFile } from '../server/content/import/read'
import { openLocalStore, StoreLockedError } from './store'
import { seedIfEmpty } from './seed'

/** Why nothing was imported, in words for the person at the terminal. */
export class ImportRefused extends Error {}

/**
 * `npm run import -- FILE`: imports books (with chapters) and articles from a JSON or CSV file
 * straight into the local cloud's data directory. The store is single-process: while the local
 * cloud runs, it holds the directory and the import asks to stop it first. An empty directory gets
 * the demo seed first (the categories the rows name live there).
 */
export async function importIntoDataDir(options: { file: string; dataDir: string; now?: Date; dryRun?: boolean }): Promise<ImportReport> {
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
  mkdirSync(options.dataDir, { recursive: true })
  const now = () => options.now ?? new Date()
  let store
  try {
    store = await openLocalStore(options.dataDir, { now })
  } catch (err) {
    if (err instanceof StoreLockedError) {
      throw new ImportRefused(
        `本地云正在运行（进程 ${err.pid}），它独占数据目录 ${options.dataDir}。\n` +
          '请先停止它（在运行 npm start 的终端按 Ctrl+C），导入完成后再 npm start。',
      )
    }
    throw err
  }
  try {
    const db = store.database()
    await seedIfEmpty(db, now())
    return await runImport(db, now(), raw, { dryRun: options.dryRun })
  } finally {
    await store.close()
  }
}

export function formatReport(report: ImportReport, dryRun = false): string {
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
