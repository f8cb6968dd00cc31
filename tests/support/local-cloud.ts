import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { domainOf } from '../../types/actions'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../local-cloud'
import { SESSION_COOKIE } from '../../local-cloud/session'

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures')
/** whoami (echoes the caller), dailyTick (a timer) and boom (throws). */
export const FIXTURE_FUNCTIONS = path.join(FIXTURES, 'functions')
export const FIXTURE_STATIC = path.join(FIXTURES, 'static')

export interface JsonResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

export interface TestLocalCloud {
  /** The running cloud (a new one after `restart`). */
  readonly cloud: LocalCloud
  readonly url: string
  readonly dataDir: string
  /** Everything the cloud logged. */
  readonly logs: string[]
  fetch(pathname: string, init?: RequestInit): Promise<Response>
  /** Signs in through the sign-in form; answers the `Cookie` header value for the session. */
  signIn(memberId: string): Promise<string>
  /** Signs in as「一个新的微信用户」: a fresh OPENID with no member record. */
  signInNewUser(): Promise<string>
  /**
   * `POST /api/functions/:name` with a JSON body, as the cookie's member (none: signed out). An
   * action's name goes to its domain function as `{ action, ...body }`, as the mini-program sends it.
   */
  call<T = unknown>(name: string, body?: unknown, cookie?: string): Promise<JsonResponse<T>>
  /** Fixes the cloud's clock at `at` through `POST /local/clock`, as a person trying the app would. */
  setClock(at: Date): Promise<void>
  /** Stops the cloud and starts a new one on the same data dir (and the same port choice). */
  restart(overrides?: Partial<LocalCloudOptions>): Promise<void>
  /** Stops the cloud and deletes its data dir. */
  close(): Promise<void>
}

/**
 * A local cloud in this process on a free port with a temporary data dir; timers are not
 * scheduled on real time unless asked.
 */
export async function startTestLocalCloud(options: Partial<LocalCloudOptions> = {}): Promise<TestLocalCloud> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'xxq-local-cloud-')))
  const logs: string[] = []
  const base: LocalCloudOptions = { port: 0, schedule: false, log: (line) => logs.push(line), ...options, dataDir }
  let cloud = await startLocalCloud(base)

  async function signInWith(form: Record<string, string>): Promise<string> {
    const res = await helper.fetch('/local/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, next: '/' }).toString(),
    })
    const who = JSON.stringify(form)
    if (res.status !== 303) throw new Error(`sign-in as ${who} answered ${res.status}`)
    const setCookie = res.headers.get('set-cookie') ?? ''
    const match = new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(setCookie)
    if (!match) throw new Error(`sign-in as ${who} set no session cookie: ${setCookie}`)
    return `${SESSION_COOKIE}=${match[1]}`
  }

  const helper: TestLocalCloud = {
    get cloud() {
      return cloud
    },
    get url() {
      return cloud.url
    },
    dataDir,
    logs,
    fetch: (pathname, init) => fetch(`${cloud.url}${pathname}`, { redirect: 'manual', ...init }),
    signIn: (memberId) => signInWith({ memberId }),
    signInNewUser: () => signInWith({ newUser: '1' }),
    async call(name, body = {}, cookie) {
      const domain = domainOf(name)
      const payload = domain && body !== null && typeof body === 'object' ? { action: name, ...body } : body
      const res = await helper.fetch(`/api/functions/${domain ?? name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      })
      return { status: res.status, headers: res.headers, body: await res.json() }
    },
    async setClock(at) {
      const res = await helper.fetch('/local/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: at.toISOString() }),
      })
      if (res.status !== 200) throw new Error(`setting the clock to ${at.toISOString()} answered ${res.status}`)
    },
    async restart(overrides = {}) {
      await cloud.stop()
      cloud = await startLocalCloud({ ...base, ...overrides, dataDir })
    },
    async close() {
      await cloud.stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return helper
}
