import type { Page, Response } from 'playwright-core'
import type { ActionOutput } from '../../types'
import type { TestLocalCloud } from './local-cloud'

/** How far each step of reading moves both clocks: the reader looks whether a heartbeat is due this often. */
const STEP_MS = 10_000

/** The reader's heartbeat goes to the study function as `{ action: 'heartbeat', … }`. */
const isHeartbeat = (r: Response) => r.url().endsWith('/api/functions/study') && r.request().postDataJSON()?.action === 'heartbeat'

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
      await page.clock.runFor(STEP_MS)
      // A heartbeat due at this step: wait for its answer before the clocks move on.
      const beat = await page.waitForResponse((r) => isHeartbeat(r), { timeout: 500 }).catch(() => undefined)
      if (beat) await beat.finished()
      await Promise.all(pending.slice(sent))
      if (answers.some((a) => a.justCompleted)) return { answers, end: new Date(now) }
    }
  } finally {
    page.off('response', collect)
  }
  throw new Error(`not completed after ${maxSteps} steps of reading`)
}
