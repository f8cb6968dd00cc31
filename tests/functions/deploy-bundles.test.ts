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

  describe('npm run deploy -- --dry-run', () => {
    /** The deploy script in a child process, as `npm run deploy` runs it, with `env` on top of a clean one. */
    function deploy(env: Record<string, string>): { status: number; out: string; err: string } {
      const clean = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
      try {
        const out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/deploy.ts'), '--dry-run'], {
          env: { ...clean, ...env },
          encoding: 'utf8',
          timeout: 60_000,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        return { status: 0, out, err: '' }
      } catch (e) {
        const failed = e as { status: number; stdout: string; stderr: string }
        return { status: failed.status, out: failed.stdout, err: failed.stderr }
      }
    }

    it('says what an upload still needs, a line each, and uploads nothing', () => {
      const { status, out, err } = deploy({})
      expect(status).toBe(2)
      expect(out).toBe('')
      expect(err.trim().split('\n')).toEqual([
        '没有小程序 AppID：设置 WEAPP_APPID，或改 project.config.json 的 appid',
        '没有代码上传密钥：在「开发管理 → 开发设置 → 小程序代码上传」生成后，设置 UPLOAD_KEY 为密钥文件的路径',
        '没有云开发环境：设置 CLOUD_ENV 为环境 ID（与构建时相同）',
      ])
      expect(deploy({ WEAPP_APPID: 'wx0123456789abcdef', UPLOAD_KEY: '/nowhere/private.key', CLOUD_ENV: 'xxq-1' }).err).toContain(
        '代码上传密钥文件不存在：/nowhere/private.key',
      )
    })

    it('with an AppID, a key and an environment: the mini-program, then every function with its dependencies installed in the cloud', () => {
      const key = path.join(root, 'package.json')
      const { status, out } = deploy({ WEAPP_APPID: 'wx0123456789abcdef', UPLOAD_KEY: key, CLOUD_ENV: 'xxq-1', DEPLOY_VERSION: '1.2.0' })
      expect(status).toBe(0)
      const lines = out.trim().split('\n')
      const project = `--appid wx0123456789abcdef --pp dist/weapp --pkp ${key}`
      expect(lines[0]).toBe(`npx --yes miniprogram-ci@2.1.42 upload ${project} --uv 1.2.0 --ud "学习圈 1.2.0" -r 1`)
      expect(lines.slice(1, -1).sort()).toEqual(
        [...sources]
          .sort()
          .map(
            (name) => `npx --yes miniprogram-ci@2.1.42 cloud functions upload ${project} --env xxq-1 --name ${name} --path dist/cloudfunctions/${name} --rnpm`,
          ),
      )
      expect(lines.at(-1)).toBe(`（演练：以上 ${sources.length + 1} 个上传没有执行）`)
    })
  })
})
