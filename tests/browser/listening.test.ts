import type { Request } from 'playwright-core'
import { withBrowserAndCloud } from '../support/browser-cloud'

/** 10:00 in Beijing: today's push (the seed's「每天二十分钟：把学习变成习惯」) is out; it has no audio file. */
const START = new Date('2026-11-23T02:00:00Z')
const TODAY_TITLE = '每天二十分钟：把学习变成习惯'

const env = withBrowserAndCloud({ now: START })

const isHeartbeat = (r: Request) => r.url().endsWith('/api/functions/study') && r.postDataJSON()?.action === 'heartbeat'

test('a member listens to today’s push, which has no audio file, two taps from opening the app: the local engine reads it aloud, the sentence being read is marked, and listening is credited', async () => {
  const { t, browser } = env
  // The speech job (content's trigger) records every text the seed marked; the local cloud runs it on start when it schedules timers.
  expect(await t.cloud.fire('content')).toMatchObject({ ok: true, data: { configured: true, failed: 0 } })

  const page = await browser.newPage()
  await page.clock.install({ time: START })
  const recordings: number[] = []
  page.on('response', (r) => {
    if (r.url().includes('/local/speech/')) recordings.push(r.status())
  })
  await env.signInAs(page, /赵雅琴/)
  const today = page.locator('.today-feed__today').filter({ hasText: TODAY_TITLE })
  await today.waitFor({ state: 'visible', timeout: 60_000 })

  let taps = 0
  await today.click()
  taps += 1
  await page.locator('.reader__title', { hasText: TODAY_TITLE }).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('语音朗读全文，可以边听边看').waitFor()
  await page.getByText('播放', { exact: true }).click()
  taps += 1
  // Playing: the engine's recording is fetched and the sentence being read is marked as it goes.
  await page.locator('.reader__spoken').first().waitFor({ state: 'visible', timeout: 30_000 })
  expect(taps).toBeLessThanOrEqual(3)
  expect(recordings.length).toBeGreaterThan(0)
  expect(recordings.every((s) => s === 200 || s === 206)).toBe(true)
  await page.getByText('正在播放，收听同样计入学时').waitFor()
  await browser.shot(page, 'listening')

  // Half a minute of listening on both clocks, then 暂停: the reader sends the time it counted.
  await t.setClock(new Date(START.getTime() + 30_000))
  await page.clock.runFor(30_000)
  const beat = page.waitForRequest(isHeartbeat, { timeout: 30_000 })
  await page.getByText('暂停', { exact: true }).click()
  await (await (await beat).response())?.finished()
  const { data } = await t.cloud.db.collection('studyLedgers').doc('member-04').get()
  expect(data.items['a_article-1'].s).toBeGreaterThanOrEqual(20)
})
