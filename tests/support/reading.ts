import type { Page, Request, Response } from 'playwright-core'
import type { ActionOutput } from '../../types'
import type { TestLocalCloud } from './local-cloud'

/** How far each step of reading moves both clocks: the reader looks whether a heartbeat is due this often. */
const STEP_MS = 10_000

/** The reader's heartbeat goes to the study function as `{ action: 'heartbeat', … }`. */
const isHeartbeatRequest = (r: Request) => r.url().endsWith('/api/functions/study') && r.postDataJSON()?.action === 'heartbeat'
const isHeartbeat = (r: Response) => isHeartbeatRequest(r.request())

/**
 * Reads the article or chapter open in the reader (H5, with `page.clock` installed) until the
 * server completes it: scrolls to the end, then moves the local cloud's clock and the page's timers
 * on together 10 s at a time, tapping the title so the member stays active; the reader sends its
 * heartbeat when the counted time completes the item. Answers every heartbeat's answer and the
 * server time reached.
 */
export async function readToCompletion(
  page: Page,
  cloud: TestLocalCloud,
  start: Date,
  maxSteps = 60,
): Promise<{ answers: ActionOutput<'heartbeat'>[]; end: Date }> {
  await page.getByText('— 全文完 —').waitFor({ state: 'visible', timeout: 60_000 })
  const answers: ActionOutput<'heartbeat'>[] = []
  const pending: Promise<void>[] = []
  const collect = (r: Response) => {
    if (isHeartbeat(r)) pending.push(r.json().then((body: { data: ActionOutput<'heartbeat'> }) => void answers.push(body.data)))
  }
  page.on('response', collect)
  try {
    let now = start.getTime()
    for (let step = 0; step < maxSteps; step++) {
      now += STEP_MS
      await cloud.setClock(new Date(now))
      await page.locator('.reader__title').click()
      await page.locator('#reader-end').scrollIntoViewIfNeeded()
      const sent = pending.length
      // A heartbeat due at this step is sent as the page's timers run: wait for its answer, however
      // slow the server is, before the clocks move on.
      const request = page.waitForRequest(isHeartbeatRequest, { timeout: 1000 }).catch(() => undefined)
      await page.clock.runFor(STEP_MS)
      const beat = await (await request)?.response()
      if (beat) await beat.finished()
      await Promise.all(pending.slice(sent))
      if (answers.some((a) => a.justCompleted)) return { answers, end: new Date(now) }
    }
  } finally {
    page.off('response', collect)
  }
  throw new Error(`not completed after ${maxSteps} steps of reading`)
}
