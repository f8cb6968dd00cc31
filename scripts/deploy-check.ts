/**
 * `npm run deploy:check`: the built output against WeChat cloud's limits before anyone uploads it.
 * Prints each function's bundle size and the weapp packages, then a line per problem; exits 1 on any.
 * Run after `npm run build` (or build:weapp and build:functions).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { MANIFEST } from '../cloudfunctions/manifest'
import { toCronerPattern } from '../local-cloud/scheduler'
import { collectionFigures, collectionProblems, COLLECTION_LIMIT, INDEX_LIMIT } from './collections'
import { staleFiles } from './functions-manifest'
import { kib, weappProblems, weappSizes } from './size'

/** A cloud environment's function quota. */
const FUNCTION_LIMIT = 50
const TIMEOUT_RANGE = [1, 60] as const
const MEMORY_SIZES = [128, 256, 512, 1024, 2048]

const BUILT = path.resolve(__dirname, '..', 'dist', 'cloudfunctions')

interface BuiltConfig {
  timeout?: unknown
  memorySize?: unknown
  triggers?: { type?: unknown; config?: unknown }[]
}

function readJson<T>(file: string, problems: string[]): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T
  } catch (err) {
    problems.push(`${path.relative(process.cwd(), file)}: ${(err as Error).message}`)
    return undefined
  }
}

function checkFunction(name: string, problems: string[]): void {
  const dir = path.join(BUILT, name)
  const entry = path.join(dir, 'index.js')
  if (!existsSync(entry)) return void problems.push(`${name}: 没有打包结果 ${path.relative(process.cwd(), entry)}（先运行 npm run build:functions）`)
  console.log(`function ${name.padEnd(18)} ${kib(statSync(entry).size)}`)
  const pkg = readJson<{ main?: unknown; dependencies?: Record<string, unknown> }>(path.join(dir, 'package.json'), problems)
  if (pkg && (pkg.main !== 'index.js' || typeof pkg.dependencies?.['wx-server-sdk'] !== 'string')) {
    problems.push(`${name}: package.json 应有 main "index.js" 与 wx-server-sdk 依赖`)
  }
  const config = readJson<BuiltConfig>(path.join(dir, 'config.json'), problems)
  if (!config) return
  const { timeout, memorySize, triggers = [] } = config
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < TIMEOUT_RANGE[0] || timeout > TIMEOUT_RANGE[1]) {
    problems.push(`${name}: config.json 的 timeout 应为 1–60 秒的整数，实际为 ${JSON.stringify(timeout)}`)
  }
  if (memorySize !== undefined && !MEMORY_SIZES.includes(memorySize as number)) {
    problems.push(`${name}: config.json 的 memorySize 应为 ${MEMORY_SIZES.join('、')} 之一`)
  }
  const timers = triggers.filter((t) => t.type === 'timer')
  if (timers.length > 1) problems.push(`${name}: 每个云函数只能有一个定时触发器`)
  for (const t of timers) {
    try {
      toCronerPattern(String(t.config))
    } catch (err) {
      problems.push(`${name}: ${(err as Error).message}`)
    }
  }
}

function main(): number {
  const problems: string[] = []
  const built = existsSync(BUILT)
    ? readdirSync(BUILT, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
    : []
  const expected = Object.keys(MANIFEST)
  console.log(`functions: ${built.length} (limit ${FUNCTION_LIMIT})`)
  if (built.length > FUNCTION_LIMIT) problems.push(`云函数 ${built.length} 个，超过环境上限 ${FUNCTION_LIMIT} 个`)
  for (const extra of built.filter((n) => !expected.includes(n)))
    problems.push(`${extra}: 不在 cloudfunctions/manifest.ts 中（旧的打包结果？重新运行 npm run build:functions）`)
  for (const name of expected) checkFunction(name, problems)
  problems.push(...staleFiles().map((file) => `${file} 与 manifest 不一致：运行 npm run gen:functions`))
  const { collections, mostIndexes } = collectionFigures()
  console.log(`collections: ${collections} (limit ${COLLECTION_LIMIT}); indexes: at most ${mostIndexes} a collection (limit ${INDEX_LIMIT})`)
  problems.push(...collectionProblems())

  const sizes = weappSizes()
  if (!sizes) problems.push('没有小程序构建 dist/weapp（先运行 npm run build:weapp）')
  else {
    console.log(`weapp main package: ${kib(sizes.main)}; all packages: ${kib(sizes.total)}`)
    problems.push(...weappProblems(sizes))
  }

  for (const line of problems) console.error(`✗ ${line}`)
  console.log(problems.length ? `${problems.length} 个问题` : '可以上传：没有超出平台限制')
  return problems.length ? 1 : 0
}

process.exitCode = main()
