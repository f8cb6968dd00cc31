import type { Page, Response } from 'playwright-core'
import type { ActionOutput } from '../../types'
import type { TestLocalCloud } from './local-cloud'

/** The reader's heartbeat interval (the study rules'). */
export const BEAT_MS = 15_000

/** The reader's heartbeat goes to the study function as `{ action: 'heartbeat', … }`. */
const isHeartbeat = (r: Response) => r.url().endsWith('/api/functions/study') && r.request().postDataJSON()?.action === 'heartbeat'

/**
 * Reads the article or chapter open in the reader (H5, with `page.clock` installed) until the
 * server completes it: scrolls to the end, then heartbeat by heartbeat moves the local cloud's
 * clock and the page's timers 15 s on together, tapping the title so the member stays active.
 * Answers every heartbeat's answer and the server time reached.
 */
export async function readToCompletion(
  page: Page,
  cloud: TestLocalCloud,
  start: Date,
  maxBeats = 40,
): Promise<{ answers: ActionOutput<'heartbeat'>[]; end: Date }> {
  await page.getByText('— 全文完 —').waitFor({ state: 'visible', timeout: 60_000 })
  const answers: ActionOutput<'heartbeat'>[] = []
  let now = start.getTime()
  while (answers.length < maxBeats) {
    now += BEAT_MS
    await cloud.setClock(new Date(now))
    await page.locator('.reader__title').click()
    await page.locator('#reader-end').scrollIntoViewIfNeeded()
    const beat = page.waitForResponse((r) => isHeartbeat(r))
    await page.clock.runFor(BEAT_MS)
    const answer = (await (await beat).json()).data as ActionOutput<'heartbeat'>
    answers.push(answer)
    if (answer.justCompleted) return { answers, end: new Date(now) }
  }
  throw new Error(`not completed after ${maxBeats} heartbeats`)
}

/** Resolves with the answer of the page's next heartbeat. */
export async function nextHeartbeat(page: Page): Promise<ActionOutput<'heartbeat'>> {
  const response = await page.waitForResponse((r) => isHeartbeat(r))
  return (await response.json()).data
}
