import { withBrowserAndCloud } from '../support/browser-cloud'
import { readToCompletion } from '../support/reading'

/** Friday 2026-11-20 10:00 in Beijing: the admin prepares next week's list. */
const FRIDAY = new Date('2026-11-20T02:00:00Z')
/** Monday 2026-11-23 08:00 in Beijing: the distribution timer's moment. */
const MONDAY_8 = new Date('2026-11-23T00:00:00Z')
/** Published by the seed on the seeding day. */
const ARTICLE = '每天二十分钟：把学习变成习惯'

// Two pages and a timer run: longer than most.
const env = withBrowserAndCloud({ now: FRIDAY }, 240_000)
const { open, signInAs } = env

test('an admin prepares a list, the Monday timer publishes it, and a member’s progress moves as they read', async () => {
  const { t, browser } = env
  // The admin (张文博, 组织管理员) composes next week's list with today's article as required reading.
  const admin = await browser.newPage()
  await admin.clock.install({ time: FRIDAY })
  await signInAs(admin, /张文博/)
  await open(admin, '/packageAdmin/pages/weekly-edit/index')
  await admin.getByText('学习内容（0 项）').waitFor({ state: 'visible', timeout: 60_000 })
  await admin.locator('.field', { hasText: '导语' }).locator('textarea').fill('本周一起读透这篇文章')
  await admin.getByText('添加文章', { exact: true }).click()
  await admin.getByText(ARTICLE).click()
  await admin.getByText('学习内容（1 项）').waitFor()
  await browser.shot(admin, 'weekly-compose')
  await admin.getByText('定稿发布').click()
  await admin.getByText('已定稿，将于11月23日（周一）08:00 发布').waitFor({ state: 'visible' })

  // Monday 08:00: the timer fires and publishes it to all 40 active members.
  await t.setClock(MONDAY_8)
  const fired = await t.fetch('/local/timers/weeklyDistribute/fire', { method: 'POST' })
  expect(fired.status).toBe(200)
  // The seed's list for the week it ran in (11-16), and this one.
  const lists = await t.cloud.db.collection('weeklyLists').where({ week: '2026-11-23' }).get()
  expect(lists.data).toHaveLength(1)
  expect(lists.data[0]).toMatchObject({ status: 'published', publishedTo: 40 })

  // A member (孙浩然) sees it at the top of 首页, nothing done yet.
  const page = await browser.newPage()
  await page.clock.install({ time: MONDAY_8 })
  await signInAs(page, /孙浩然/)
  const card = page.locator('.weekly-card')
  await card.getByText('本周一起读透这篇文章').waitFor({ state: 'visible', timeout: 60_000 })
  await card.getByText('必学 0/1 项').waitFor()
  await browser.shot(page, 'weekly-home-card')

  // The list, then the article in the reader, read to its end.
  await card.click()
  await page.locator('.weekly-item', { hasText: ARTICLE }).getByText('未开始').waitFor({ state: 'visible', timeout: 60_000 })
  await page.locator('.weekly-item', { hasText: ARTICLE }).click()
  await readToCompletion(page, t, MONDAY_8)

  // Back on the list, the item is done, counted from the credited reading.
  await open(page, '/pages/weekly/index')
  await page.locator('.weekly-item--done', { hasText: ARTICLE }).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('已全部完成').waitFor()
  await browser.shot(page, 'weekly-done')
  await open(page, '/pages/index/index')
  await page.locator('.weekly-card').getByText('必学 1/1 项').waitFor({ state: 'visible', timeout: 60_000 })
})
