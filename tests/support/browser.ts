import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const ROOT = path.resolve(__dirname, '..', '..')
const H5 = path.join(ROOT, 'dist', 'h5')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Screenshots of the pages, to look at after a run. */
export const SHOTS = path.join(ROOT, '.tmp', 'screenshots')

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface Browser {
  context: BrowserContext
  /** A fresh tab (its own page, same cookies). */
  newPage(): Promise<Page>
  shot(page: Page, name: string): Promise<void>
  close(): Promise<void>
}

/** Debian's Chromium with a phone-sized window and a fresh profile, for the built H5 app. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(path.join(H5, 'index.html'))) {
    throw new Error(`找不到 H5 构建 ${H5}：先运行 npm run build:h5（npm test 会先构建）`)
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium ${CHROMIUM}：运行 apt-get install -y chromium，或用 CHROMIUM_PATH 指定`)
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'xxq-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  await mkdir(SHOTS, { recursive: true })
  return {
    context,
    async newPage() {
      const page = await context.newPage()
      page.on('pageerror', (err) => console.error('页面脚本错误:', err.message))
      return page
    },
    async shot(page, name) {
      // A page slides in after a navigation: wait until it has settled.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
    },
    async close() {
      await context.close().catch(() => undefined)
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Opens a page of the app by its route as a fresh load (the H5 build routes by hash, and a
 * hash-only change on the same document is not a new visit).
 */
export async function openRoute(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${baseUrl}/#${route}`)
}

/** Waits until the first element with `text` is visible (the first load of the H5 build is slow). */
export async function visible(page: Page, text: string | RegExp, timeout = 60_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout })
}

/** Polls `check` until it holds (for what the server writes after the page has moved on). */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Signs in on the local sign-in page as a demo member (by the name on their button), then opens `next`. */
export async function signInAs(page: Page, baseUrl: string, name: string | RegExp, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/local/signin?next=${encodeURIComponent(next)}`)
  await page.getByRole('heading', { name: /本地演示登录/ }).waitFor()
  await page.getByRole('button', { name }).first().click()
  await page.waitForURL((url) => !url.pathname.startsWith('/local/'))
}
