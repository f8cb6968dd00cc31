import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const built = path.join(root, 'dist', 'cloudfunctions')
const sources = readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)

/** Runs a built function's main in a plain Node process with no WeChat context. */
function runBuilt(name: string, event: unknown): unknown {
  const script = `require(${JSON.stringify(path.join(built, name, 'index.js'))})
      .main(${JSON.stringify(event)})
      .then((r) => process.stdout.write(JSON.stringify(r)))`
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (key.startsWith('WX_')) delete env[key]
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8', timeout: 30_000 }))
}

describe('deployable cloud functions (npm run build:functions)', () => {
  beforeAll(() => {
    if (!existsSync(built)) throw new Error('dist/cloudfunctions is missing: run `npm run build:functions` first')
  })

  it.each(sources)('%s is a self-contained folder WeChat DevTools can upload', (name) => {
    const dir = path.join(built, name)
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({
      main: 'index.js',
      dependencies: { 'wx-server-sdk': expect.any(String) },
    })
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(readFileSync(path.join(root, 'cloudfunctions', name, 'config.json'), 'utf8'))
    const code = readFileSync(path.join(dir, 'index.js'), 'utf8')
    expect(code).toMatch(/require\("wx-server-sdk"\)/)
    // The embedded store belongs to the local cloud only.
    expect(code).not.toMatch(/local-store|mingo/)
  })

  it('runs in plain Node on the WeChat platform and refuses a call with no OPENID in the cloud context', () => {
    expect(runBuilt('member', { action: 'getMe', userInfo: { openId: 'forged' } })).toEqual({
      ok: false,
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    })
  })

  it('answers an action its function does not serve with UNKNOWN_ACTION', () => {
    expect(runBuilt('member', { action: 'saveArticle', userInfo: { openId: 'forged' } })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  it('pass npm run deploy:check, which prints every function’s bundle size and the collections against the cloud’s limits', () => {
    const output = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/deploy-check.ts')], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    for (const name of sources) expect(output).toMatch(new RegExp(`function ${name} +[0-9.]+ KiB`))
    expect(output).toMatch(/collections: \d+ \(limit 100\); indexes: at most \d+ a collection \(limit 20\)/)
    expect(output).toContain('可以上传')
  })
})
