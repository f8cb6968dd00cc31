/**
 * Mini-program package sizes from the built output (dist/weapp): the main package and each
 * subpackage, in KiB. Exits non-zero when the main package exceeds WeChat's 2 MB limit.
 */
import fs from 'node:fs'
import path from 'node:path'

const WEAPP_DIR = path.resolve(__dirname, '../dist/weapp')
const KIB = 1024
/** WeChat's limit for the main package (and for each subpackage). */
const PACKAGE_LIMIT = 2 * 1024 * KIB
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

const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`

function main(): number {
  const appJsonPath = path.join(WEAPP_DIR, 'app.json')
  if (!fs.existsSync(appJsonPath)) {
    console.error(`No built mini-program at ${WEAPP_DIR}: run \`npm run build:weapp\` first.`)
    return 2
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8')) as {
    subpackages?: SubPackage[]
    subPackages?: SubPackage[]
  }
  const roots = [...(appJson.subpackages ?? []), ...(appJson.subPackages ?? [])].map((p) =>
    p.root.replace(/^\.?\//, '').replace(/\/?$/, '/'),
  )

  const sizes = new Map<string, number>(roots.map((r) => [r, 0]))
  let main = 0
  for (const file of filesUnder(WEAPP_DIR)) {
    const rel = path.relative(WEAPP_DIR, file).split(path.sep).join('/')
    if (NOT_UPLOADED.some((re) => re.test(path.basename(rel)))) continue
    const bytes = fs.statSync(file).size
    const root = roots.find((r) => rel.startsWith(r))
    if (root) sizes.set(root, (sizes.get(root) ?? 0) + bytes)
    else main += bytes
  }

  console.log(`main package: ${kib(main)} (limit ${kib(PACKAGE_LIMIT)})`)
  for (const [root, bytes] of sizes) console.log(`subpackage ${root}: ${kib(bytes)}`)
  const total = main + [...sizes.values()].reduce((a, b) => a + b, 0)
  if (sizes.size > 0) console.log(`total: ${kib(total)}`)

  let failed = false
  if (main > PACKAGE_LIMIT) {
    console.error(`The main package is over WeChat's 2 MB limit by ${kib(main - PACKAGE_LIMIT)}.`)
    failed = true
  }
  for (const [root, bytes] of sizes) {
    if (bytes > PACKAGE_LIMIT) {
      console.error(`Subpackage ${root} is over WeChat's 2 MB limit by ${kib(bytes - PACKAGE_LIMIT)}.`)
      failed = true
    }
  }
  return failed ? 1 : 0
}

process.exitCode = main()
