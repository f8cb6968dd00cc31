/**
 * Every page of the built weapp, in miniprogram-simulate, over the real functions and the demo seed
 * (tests/support/weapp-cloud.ts): each case opens its page as one signed-in member, waits for what
 * the seeded data must show, then does the page's main thing and checks what the member (or the
 * store) sees afterwards. One file per member, so each runs as one app run with one profile.
 */
import fs from 'node:fs'
import path from 'node:path'
import { eventually, installHost, requireBuiltWeapp, text, WEAPP_DIR } from '../../support/weapp-host'
import { openWeappCloud, type WeappCloud } from '../../support/weapp-cloud'

export type Host = ReturnType<typeof installHost>
export type Page = ReturnType<Host['open']>

export interface PageCase {
  query?: Record<string, string> | ((cloud: WeappCloud) => Promise<Record<string, string>>)
  /** What the page shows once loaded. */
  shows: string[]
  /** The page's main action, and what follows from it; none for a page whose one job is to show (rules, ratings, records). */
  act?: (page: Page, ctx: { host: Host; cloud: WeappCloud }) => Promise<void>
}

/** Where the page last sent the member. */
export const lastUrl = (host: Host) => host.navigations.at(-1)?.url ?? ''

/** Wednesday 2026-11-25, 10:00 in Beijing: this week's 每周一学 is out. */
export const AT = '2026-11-25T02:00:00Z'

/** Every page route in the built app.json, main package and subpackages. */
export function builtRoutes(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((r) => `${p.root}/${r}`))]
}

export function testPages(memberId: string, cases: Record<string, PageCase>): void {
  requireBuiltWeapp()
  let cloud: WeappCloud
  const host = installHost((call) => cloud.answer(call))

  beforeAll(async () => {
    // The phone's clock starts where the cloud's is fixed, and runs.
    jest.useFakeTimers({ now: new Date(AT), advanceTimers: true, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    cloud = await openWeappCloud(AT)
    await cloud.as(memberId)
  })
  afterAll(async () => {
    await cloud.close()
    jest.useRealTimers()
  })

  for (const [route, c] of Object.entries(cases)) {
    test(`${route} renders with the seeded data${c.act ? ' and its main action works' : ''}`, async () => {
      const query = typeof c.query === 'function' ? await c.query(cloud) : (c.query ?? {})
      const page = host.open(route, query)
      await eventually(() => {
        for (const shown of c.shows) expect(text(page)).toContain(shown)
      })
      // No part of it failed to load (ErrorNotice).
      expect(page.dom.querySelector('[class*="status--error"]')?.textContent ?? null).toBeNull()
      await c.act?.(page, { host, cloud })
    })
  }
}
