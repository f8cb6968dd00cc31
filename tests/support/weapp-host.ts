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
    throw new Error(`The built mini-program is missing (${WEAPP_DIR}). Run \`npm run build:weapp\` before these tests.`)
  }
}

export type CloudCall = { name: string; data: Record<string, unknown> }
export type CloudAnswer = (call: CloudCall) => unknown

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mini-program's own objects, as untyped as its runtime
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
  // The simulator's stand-ins for the wx APIs, on the one object Taro keeps hold of when app.js loads
  // (the simulator later assigns onto this same object).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  g.wx = Object.assign(require('miniprogram-simulate/src/api'), g.wx ?? {}, { cloud })
  // Where the pages sent the member (the simulator renders one page; the test opens the next).
  const navigations: { api: string; url: string }[] = []
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch']) {
    g.wx[api] = (options: AnyRecord) => {
      navigations.push({ api, url: String(options.url) })
      options.success?.({ errMsg: `${api}:ok` })
      options.complete?.({ errMsg: `${api}:ok` })
    }
  }
  // Files the pages downloaded (their links), handed to WeChat's document viewer.
  const downloads: string[] = []
  g.wx.downloadFile = (options: AnyRecord) => {
    downloads.push(String(options.url))
    options.success?.({ errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: `wxfile://tmp/${downloads.length}` })
    options.complete?.({ errMsg: 'downloadFile:ok' })
  }
  // A page's intersection observers, as the mini-program gives them: `intersect` brings a target into view.
  const observers: { targets: { selector: string; callback: (r: AnyRecord) => void }[]; connected: boolean }[] = []
  const createIntersectionObserver = () => {
    const observer = { targets: [] as (typeof observers)[number]['targets'], connected: true }
    observers.push(observer)
    const api = {
      relativeToViewport: () => api,
      observe: (selector: string, callback: (r: AnyRecord) => void) => void observer.targets.push({ selector, callback }),
      disconnect: () => void (observer.connected = false),
    }
    return api
  }
  g.wx.createIntersectionObserver = createIntersectionObserver
  // jsdom lays nothing out: a selector query answers no rectangle for what it selected.
  g.wx.createSelectorQuery = () => {
    let selected = 0
    const query: AnyRecord = {
      in: () => query,
      select: () => (selected++, query),
      selectAll: () => (selected++, query),
      selectViewport: () => (selected++, query),
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      exec: (callback?: (res: null[]) => void) => callback?.(Array.from({ length: selected }, () => null)),
    }
    return query
  }

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
    navigations,
    downloads,
    /** The element `selector` names comes into view: every connected observer of it is told. */
    intersect(selector: string) {
      for (const o of observers) for (const t of o.targets) if (o.connected && t.selector === selector) t.callback({ intersectionRatio: 1 })
    },
    get app() {
      return app
    },
    /** Runs app.js as the mini-program does at start-up. */
    launch() {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, by path
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

/** Polls until `check` passes (Taro renders asynchronously; the store answers asynchronously). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 3000): Promise<void> {
  const started = Date.now()
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

type SimNode = { dom: Element; dispatchEvent(name: string, options?: AnyRecord): void }

/** The simulator's node for a rendered element (its class wraps any exparser element). */
function nodeOf(page: SimNode, element: Element): SimNode {
  const Node = Object.getPrototypeOf(page.constructor) as new (exparserNode: unknown) => SimNode
  return new Node((element as AnyRecord).__wxElement)
}

/** The innermost rendered element whose text is `label` (white space folded), or else that contains it. */
export function byText(page: SimNode, label: string): SimNode {
  const elements = Array.from(page.dom.querySelectorAll('*')).reverse()
  const folded = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()
  const element = elements.find((e) => folded(e) === label) ?? elements.find((e) => folded(e).includes(label))
  if (!element) throw new Error(`nothing on the page reads「${label}」:\n${text(page)}`)
  return nodeOf(page, element)
}

/** Events are delivered asynchronously and React commits after them: what a finger does next sees the result. */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 30))

/** Taps what reads `label`, as a finger would (the tap bubbles to the handler that owns it). */
export async function tap(page: SimNode, label: string): Promise<void> {
  byText(page, label).dispatchEvent('tap')
  await rendered()
}

/** Types `value` into the `index`-th input or text area of the page. */
export async function type(page: SimNode, index: number, value: string): Promise<void> {
  const fields = Array.from(page.dom.querySelectorAll('wx-input, wx-textarea'))
  if (!fields[index]) throw new Error(`the page has ${fields.length} input fields, not ${index + 1}`)
  nodeOf(page, fields[index]).dispatchEvent('input', { detail: { value, cursor: value.length } })
  await rendered()
}
