import type { Page } from 'playwright-core'
import type { LocalCloudOptions } from '../../local-cloud/index'
import { launchBrowser, openRoute, signInAs, type Browser } from './browser'
import { startTestLocalCloud, type TestLocalCloud } from './local-cloud'

export interface BrowserTestEnv {
  /** The local cloud (read inside the tests). */
  readonly t: TestLocalCloud
  /** Chromium on the built H5 app (read inside the tests). */
  readonly browser: Browser
  /** Opens a page of the app by its route as a fresh load. */
  open(page: Page, route: string): Promise<void>
  /** Signs in on the local sign-in page as the demo member named `name`, then opens `next`. */
  signInAs(page: Page, name: string | RegExp, next?: string): Promise<void>
  /** A new page whose clock starts at `at`, signed in as the demo member named `who`. */
  pageAt(at: Date, who: string | RegExp): Promise<Page>
}

/**
 * A local cloud and Chromium for a browser test file: started before its tests, closed after them.
 * Starting Chromium and a first page load of the H5 build take a while on a small machine, hence
 * the generous `timeoutMs` for every test of the file.
 */
export function withBrowserAndCloud(options: Partial<LocalCloudOptions> = {}, timeoutMs = 180_000): BrowserTestEnv {
  jest.setTimeout(timeoutMs)
  let t: TestLocalCloud | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    t = await startTestLocalCloud(options)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })
  const env: BrowserTestEnv = {
    get t() {
      if (!t) throw new Error('the local cloud is not started yet')
      return t
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet')
      return browser
    },
    open: (page, route) => openRoute(page, env.t.url, route),
    signInAs: (page, name, next) => signInAs(page, env.t.url, name, next),
    async pageAt(at, who) {
      const page = await env.browser.newPage()
      await page.clock.install({ time: at })
      await env.signInAs(page, who)
      return page
    },
  }
  return env
}
