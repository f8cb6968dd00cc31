import { withBrowserAndCloud } from '../support/browser-cloud'
import { readToCompletion } from '../support/reading'

/** Monday 10:00 in Beijing. */
const START = new Date('2026-11-23T02:00:00Z')
/** The first chapter of the seed's「读懂理论的方法」, required of every 党支部 this year. */
const CHAPTER = 'book-method-1'

const env = withBrowserAndCloud({ now: START })
const { open, signInAs } = env

/** member-05's ledger entries and its points this year and this week (the week of START's Monday). */
async function member05() {
  const db = env.t.cloud.db
  const { data: entries } = await db.collection('scoreEntries').where({ memberId: 'member-05' }).get()
  const { data: totals } = await db.collection('scoreTotals').where({ _id: 'member-05' }).get()
  const points = (period: 'y' | 'w', key: string): number => totals[0]?.[period]?.[key]?.p ?? 0
  return { ids: entries.map((e) => String(e._id)), entries, year: points('y', '2026'), week: points('w', '2026-11-23') }
}

test('a member checks in and reads a required chapter, and sees points and the star projection move on 我的', async () => {
  // What the seed scored already (the member's reply in the demo discussion): the figures start there.
  const seeded = await member05()
  const page = await env.browser.newPage()
  // The page's timers run on a clock the test moves, in step with the server's.
  await page.clock.install({ time: START })
  await signInAs(page, /孙浩然/)
  await open(page, '/pages/me/index')

  // No study yet: 无星, the first star needs 10 hours and 100 points.
  await page.getByText('现在 无星，照此进度年底 无星').waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(`距 ★ 还需学时 10 小时、积分 ${100 - seeded.year} 分`).waitFor()
  await page.getByText(`本周积分目标 30 分，已得 ${seeded.week} 分`).waitFor()
  await env.browser.shot(page, 'score-before')

  // Check in on the home page: 2 points.
  await open(page, '/pages/index/index')
  const checkInButton = page.getByText('打卡', { exact: true })
  await checkInButton.waitFor({ state: 'visible', timeout: 60_000 })
  await checkInButton.click()
  await page.getByText('今日已打卡').waitFor({ state: 'visible' })

  await open(page, '/pages/me/index')
  await page.getByText(`距 ★ 还需学时 10 小时、积分 ${98 - seeded.year} 分`).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(`本周积分目标 30 分，已得 ${seeded.week + 2} 分`).waitFor()

  // Read the chapter to its end until the server completes it: 3 points, one required chapter, and
  // 2 more for the item of this week's 每周一学 (the seed's) it completes.
  await open(page, `/pages/reader/index?kind=chapter&id=${CHAPTER}`)
  await readToCompletion(page, env.t, START)

  await open(page, '/pages/me/index')
  await page.getByText(`距 ★ 还需学时 10 小时、积分 ${93 - seeded.year} 分`).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(`本周积分目标 30 分，已得 ${seeded.week + 7} 分`).waitFor()
  await page.getByText(/今年学时 \d+ 分钟 · 必读书目 1 章/).waitFor()
  await env.browser.shot(page, 'score-after')

  // 分享我的学习: this week's study drawn as a picture (the mini-program sends it to a chat).
  const picture = page.locator('img.share-card__picture, .share-card__picture img').first()
  await picture.waitFor({ state: 'attached', timeout: 30_000 })
  expect(await picture.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
  await page.locator('.share-card').scrollIntoViewIfNeeded()
  await env.browser.shot(page, 'share-card')

  // 排行榜 from 我的 (the group's week): the member's own row, on its own and, as the group's top scorer, at the top.
  await page.getByText('排行榜', { exact: true }).click()
  const mine = page.locator('.score-row--me')
  await mine.first().waitFor({ state: 'visible', timeout: 60_000 })
  const row = `第 1孙浩然（我）${seeded.week + 7} 分`
  expect(await mine.allTextContents()).toEqual([row, row])
  await env.browser.shot(page, 'score-leaderboard')

  // The ledger holds exactly what the seed scored, the check-in, the chapter, its 每周一学 item and its study time.
  const { entries } = await member05()
  const added = entries.filter((e) => !seeded.ids.includes(String(e._id)))
  expect(new Set(added.map((e) => e.kind))).toEqual(new Set(['checkin', 'studyTime', 'chapterDone', 'weeklyItemDone']))
  expect(added.filter((e) => e.kind !== 'studyTime')).toHaveLength(3)
})

test('the demo shows what stars look like: 谢伟东, who read every book since May, holds ★★ on 我的 and sees what ★★★ needs', async () => {
  const page = await env.browser.newPage()
  await page.clock.install({ time: START })
  await signInAs(page, /谢伟东/)
  await open(page, '/pages/me/index')
  await page.getByText('现在 ★★，照此进度年底 ★★').waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(/^距 ★★★ 还需学时 \d+ 小时/).waitFor()
  await env.browser.shot(page, 'score-two-stars')
})
