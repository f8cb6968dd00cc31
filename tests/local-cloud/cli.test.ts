import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { FIXTURE_FUNCTIONS, FIXTURE_STATIC } from '../support/local-cloud'

const ROOT = path.resolve(__dirname, '..', '..')
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx')

jest.setTimeout(60_000)

let dataDir: string

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'xxq-cli-'))
})

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

function run(script: string, args: string[], env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } })
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { text: '' }
  child.stdout.on('data', (c: Buffer) => (out.text += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (out.text += c.toString('utf8')))
  return out
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

async function waitForText(out: { text: string }, pattern: RegExp, ms = 30_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms
  for (;;) {
    const m = out.text.match(pattern)
    if (m) return m
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; output so far:\n${out.text}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address() as { port: number }
  await new Promise((r) => srv.close(r))
  return port
}

test('npm start runs the local cloud, npm run fire reaches it, and SIGTERM shuts it down cleanly', async () => {
  const env = {
    PORT: '0',
    DATA_DIR: dataDir,
    FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
    STATIC_DIR: FIXTURE_STATIC,
    CLOCK: '2026-11-23T00:00:00Z',
  }
  const server = run('local-cloud/main.ts', [], env)
  const out = collect(server)
  try {
    const [, port] = await waitForText(out, /学习圈本地云已启动: http:\/\/localhost:(\d+)/)
    expect(out.text).toContain(`数据目录: ${dataDir}`)
    expect(out.text).toContain('已写入演示数据')
    expect(out.text).not.toContain('npm run build:h5')
    const clock = await (await fetch(`http://localhost:${port}/local/clock`)).json()
    expect(clock).toEqual({ now: '2026-11-23T00:00:00.000Z', fixed: true })

    const fire = run('scripts/fire.ts', ['dailyTick'], { PORT: port })
    const fireOut = collect(fire)
    expect(await exited(fire)).toBe(0)
    expect(fireOut.text).toContain('已由本地云运行 dailyTick')
    expect(fireOut.text).toContain('"runs": 1')
    await waitForText(out, /dailyTick 运行完成/)
  } finally {
    server.kill('SIGTERM')
  }
  expect(await exited(server)).toBe(0)
  expect(out.text).toContain('正在关闭本地云')
})

test('npm run fire with no local cloud running opens the data dir itself', async () => {
  const fire = run('scripts/fire.ts', ['dailyTick'], {
    PORT: String(await closedPort()),
    DATA_DIR: dataDir,
    FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
  })
  const out = collect(fire)
  expect(await exited(fire)).toBe(0)
  expect(out.text).toContain('本地云没有运行')
  // The run of the previous test persisted in the same data dir.
  expect(out.text).toContain('"runs": 2')
})

test('npm run fire names a missing timer clearly', async () => {
  const fire = run('scripts/fire.ts', ['whoami'], { PORT: String(await closedPort()), DATA_DIR: dataDir, FUNCTIONS_DIR: FIXTURE_FUNCTIONS })
  const out = collect(fire)
  expect(await exited(fire)).toBe(1)
  expect(out.text).toContain('没有定时触发器')
})

test('npm start without an H5 build says how to make one', async () => {
  const server = run('local-cloud/main.ts', [], {
    PORT: '0',
    DATA_DIR: dataDir,
    FUNCTIONS_DIR: FIXTURE_FUNCTIONS,
    STATIC_DIR: path.join(dataDir, 'no-build-here'),
  })
  const out = collect(server)
  try {
    const [, port] = await waitForText(out, /本地演示登录: http:\/\/localhost:(\d+)/)
    expect(out.text).toContain('先运行 npm run build:h5')
    const res = await fetch(`http://localhost:${port}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('npm run build:h5')
  } finally {
    server.kill('SIGTERM')
  }
  expect(await exited(server)).toBe(0)
})
