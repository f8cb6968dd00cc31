/**
 * Runs Taro's built weapp output under miniprogram-simulate: stands in for the mini-program
 * host (`App`, `getApp`, `getCurrentPages`, `Page`, `wx.cloud`).
 */
import fs from 'node:fs'
import path from 'node:path'

export const WEAPP_DIR = path.resolve(__dirname, '../../dist/weapp')

export function requireBuiltWeapp(): void {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json'))) {
    throw new Error(
      `The built mini-program is missing (${WEAPP_DIR}). Run \`npm run build:weapp\` before these tests.`,
    )
  }
}

export type CloudCall = { name: string; data: Record<string, unknown> }
export type CloudAnswer = (call: CloudCall) => unknown

type AnyRecord = Record<string, any>

/**
 * Installs the host globals, with `wx.cloud.callFunction` answering through `answer`
 * (its `result` is what the cloud function returned).
 */
export function installHost(answer: CloudAnswer) {
  const calls: CloudCall[] = []
  const callFunction = jest.fn(async (options: CloudCall) => {
    calls.push({ name: options.name, data: options.data })
    return { errMsg: 'cloud.callFunction:ok', requestID: `req-${calls.length}`, result: await answer(options) }
  })
  const cloud = { init: jest.fn(), callFunction }

  const g = globalThis as AnyRecord
  g.wx = Object.assign(g.wx ?? {}, { cloud })

  let app: AnyRecord | undefined
  const pages: AnyRecord[] = []
  g.App = (config: AnyRecord) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages

  // The simulator knows components only: run a Page as a Component whose lifetimes drive the
  // page lifecycle the way the mini-program would on open.
  g.Page = (config: AnyRecord) => {
    const methods: AnyRecord = {}
    const data = config.data ?? {}
    for (const [key, value] of Object.entries(config)) {
      if (typeof value === 'function') methods[key] = value
    }
    g.Component({
      data,
      methods,
      lifetimes: {
        attached(this: AnyRecord) {
          this.route = this.__route__ = currentRoute
          pages.push(this)
          this.onLoad?.({ ...currentQuery })
          this.onShow?.()
          this.onReady?.()
        },
        detached(this: AnyRecord) {
          this.onUnload?.()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }

  let currentRoute = ''
  let currentQuery: Record<string, string> = {}

  return {
    cloud,
    calls,
    get app() {
      return app
    },
    /** Runs app.js as the mini-program does at start-up. */
    launch() {
      require(path.join(WEAPP_DIR, 'app.js'))
      if (!app) throw new Error('app.js did not call App()')
      app.onLaunch?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
      app.onShow?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
    },
    /** The page opened next, and its query (what `onLoad` receives). */
    setRoute(route: string, query: Record<string, string> = {}) {
      currentRoute = route
      currentQuery = query
    },
  }
}

/** Polls until `check` passes (Taro renders asynchronously). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const started = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}
