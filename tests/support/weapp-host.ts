/**
 * Runs Taro's built weapp output under miniprogram-simulate: stands in for the mini-program
 * host (`App`, `getApp`, `getCurrentPages`, `Page`, `wx.cloud`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { domainOf } from '../../types/actions'

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

/** Answers the named functions with their data; any other function does not exist. */
export function answerFrom(answers: Record<string, unknown>): CloudAnswer {
  return ({ name }) => (name in answers ? { ok: true, data: answers[name] } : { ok: false, code: 'NOT_FOUND', message: `没有这个云函数：${name}` })
}

/** A rendered node's text, its white space folded. */
export const text = (node: { dom: Element }) => (node.dom.textContent ?? '').replace(/\s+/g, ' ')

/**
 * Installs the host globals, with `wx.cloud.callFunction` answering through `answer`
 * (its `result` is what the cloud function returned). The page sends `{ action, ...input }` to the
 * action's domain function, as the deployed routers expect; `calls` and `answer` see the action and
 * its input, and a call to the wrong function answers UNKNOWN_ACTION as a router would.
 */
export function installHost(answer: CloudAnswer) {
  const calls: CloudCall[] = []
  const callFunction = jest.fn(async (options: CloudCall) => {
    const { action, ...input } = options.data
    const call = { name: String(action), data: input }
    calls.push(call)
    const routed = domainOf(call.name) === options.name
    const result = routed ? await answer(call) : { ok: false, code: 'UNKNOWN_ACTION', message: `${options.name} 云函数没有操作 ${call.name}` }
    return { errMsg: 'cloud.callFunction:ok', requestID: `req-${calls.length}`, result }
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
    /**
     * Starts the app and renders the page at `route` with its query (what `onLoad` receives).
     * Once per test file: the simulator loads each component path once.
     */
    open(route: string, query: Record<string, string> = {}) {
      this.launch()
      // Required once the host globals are in place, as the mini-program would find them.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const simulate = require('miniprogram-simulate')
      currentRoute = route
      currentQuery = query
      const page = simulate.render(simulate.load(path.join(WEAPP_DIR, route), { rootPath: WEAPP_DIR }))
      page.attach(document.createElement('parent-wrapper'))
      return page
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
