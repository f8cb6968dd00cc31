/**
 * Mini-program package sizes from the built output (dist/weapp): the main package and each
 * subpackage, in KiB, and the main package against a bare Taro two-page React app
 * (scripts/bench/bare-app) built now with the same node_modules. Exits non-zero over WeChat's limits.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const WEAPP_DIR = path.resolve(__dirname, '../dist/weapp')
const BARE_APP = path.join(__dirname, 'bench', 'bare-app')
const KIB = 1024
/** WeChat's limit for the main package (and for each subpackage). */
const PACKAGE_LIMIT = 2 * 1024 * KIB
/** WeChat's limit for all packages together. */
const TOTAL_LIMIT = 30 * 1024 * KIB
/** Files the WeChat upload leaves out of the package. */
const NOT_UPLOADED = [/\.map$/, /\.LICENSE\.txt$/, /^project(\.private)?\.config\.json$/]

interface SubPackage {
  root: string
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

export interface WeappSizes {
  main: number
  /** Subpackage root → bytes. */
  subpackages: Map<string, number>
  total: number
}

/** The uploaded bytes of the built mini-program, or undefined when there is no build. */
export function weappSizes(dir = WEAPP_DIR): WeappSizes | undefined {
  const appJsonPath = path.join(dir, 'app.json')
  if (!fs.existsSync(appJsonPath)) return undefined
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    subpackages?: SubPackage[]
    subPackages?: SubPackage[]
  }
  const roots = [...(appJson.subpackages ?? []), ...(appJson.subPackages ?? [])].map((p) => p.root.replace(/^\.?\//, '').replace(/\/?$/, '/'))
  const subpackages = new Map<string, number>(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of filesUnder(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/')
    if (NOT_UPLOADED.some((re) => re.test(path.basename(rel)))) continue
    const bytes = fs.statSync(file).size
    const root = roots.find((r) => rel.startsWith(r))
    if (root) subpackages.set(root, (subpackages.get(root) ?? 0) + bytes)
    else main += bytes
  }
  return { main, subpackages, total: main + [...subpackages.values()].reduce((a, b) => a + b, 0) }
}

/** Lines for each package over WeChat's limits (2 MB each, 30 MB in all). */
export function weappProblems({ main, subpackages, total }: WeappSizes): string[] {
  const problems: string[] = []
  if (main > PACKAGE_LIMIT) problems.push(`The main package is over WeChat's 2 MB limit by ${kib(main - PACKAGE_LIMIT)}.`)
  for (const [root, bytes] of subpackages) {
    if (bytes > PACKAGE_LIMIT) problems.push(`Subpackage ${root} is over WeChat's 2 MB limit by ${kib(bytes - PACKAGE_LIMIT)}.`)
  }
  if (total > TOTAL_LIMIT) problems.push(`The whole mini-program is over WeChat's 30 MB limit by ${kib(total - TOTAL_LIMIT)}.`)
  return problems
}

export const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`

/** Builds the bare app's weapp and answers its main package's bytes. */
function bareAppMain(): number {
  const taro = path.resolve(__dirname, '../node_modules/@tarojs/cli/bin/taro')
  execFileSync(process.execPath, [taro, 'build', '--type', 'weapp'], { cwd: BARE_APP, stdio: 'ignore', env: { ...process.env, TARO_ENV: 'weapp' } })
  const sizes = weappSizes(path.join(BARE_APP, 'dist', 'weapp'))
  if (!sizes) throw new Error('the bare Taro app did not build')
  return sizes.main
}

function main(): number {
  const sizes = weappSizes()
  if (!sizes) {
    console.error(`No built mini-program at ${WEAPP_DIR}: run \`npm run build:weapp\` first.`)
    return 2
  }
  console.log(`main package: ${kib(sizes.main)} (limit ${kib(PACKAGE_LIMIT)})`)
  for (const [root, bytes] of sizes.subpackages) console.log(`subpackage ${root}: ${kib(bytes)}`)
  if (sizes.subpackages.size > 0) console.log(`total: ${kib(sizes.total)}`)
  const bare = bareAppMain()
  console.log(`bare Taro 4 two-page app main package: ${kib(bare)}; ratio ${(sizes.main / bare).toFixed(2)}× (goal ≤ 1.60×)`)
  const problems = weappProblems(sizes)
  for (const line of problems) console.error(line)
  return problems.length ? 1 : 0
}

if (require.main === module) process.exitCode = main()
