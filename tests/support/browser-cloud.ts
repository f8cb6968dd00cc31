import type { LocalCloudOptions } from '../../local-cloud/index'
import { launchBrowser, type Browser } from './browser'
import { startTestLocalCloud, type TestLocalCloud } from './local-cloud'

/**
 * A local cloud and Chromium for a browser test file: started before its tests, closed after them.
 * Read `t` and `browser` inside the tests.
 */
export function withBrowserAndCloud(options: Partial<LocalCloudOptions> = {}): { readonly t: TestLocalCloud; readonly browser: Browser } {
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
  return {
    get t() {
      if (!t) throw new Error('the local cloud is not started yet')
      return t
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet')
      return browser
    },
  }
}
