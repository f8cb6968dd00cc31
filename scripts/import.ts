import path from 'node:path'
import { parseInstant } from '../local-cloud/http'
import { formatReport, ImportRefused, importIntoDataDir } from '../local-cloud/import'
import { PROJECT_ROOT } from '../local-cloud/index'

/**
 * `npm run import -- FILE [--dry-run]`: loads books with chapters and articles from a JSON or CSV
 * file into the local cloud's data (DATA_DIR, default .data; CLOCK as for npm start). Stop the
 * local cloud first. Exits 1 when any row had a problem.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const dryRun = args.includes('--dry-run')
  const file = args.find((a) => !a.startsWith('--'))
  if (!file) {
    console.error('用法: npm run import -- <文件.json|文件.csv|题库.xlsx> [--dry-run]')
    return 2
  }
  let now: Date | undefined
  if (process.env.CLOCK) {
    now = parseInstant(process.env.CLOCK)
    if (!now) throw new ImportRefused(`CLOCK 应为带时区的 ISO 时间，实际为: ${process.env.CLOCK}`)
  }
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))
  const report = await importIntoDataDir({ file: path.resolve(file), dataDir, now, dryRun })
  console.log(formatReport(report, dryRun))
  return report.problems.length > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ImportRefused ? err.message : err)
    process.exit(1)
  },
)
