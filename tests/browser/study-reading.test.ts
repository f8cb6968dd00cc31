import { withBrowserAndCloud } from '../support/browser-cloud'
import { readToCompletion } from '../support/reading'
import { durationText } from '../../types/reading'

/** 10:00 in Beijing: today's push (the seed's「每天二十分钟：把学习变成习惯」, 1 minute) is out. */
const START = new Date('2026-11-23T02:00:00Z')
const TODAY_TITLE = '每天二十分钟：把学习变成习惯'

const env = withBrowserAndCloud({ now: START })
const { open, signInAs } = env

test('a member opens today’s push from home, reads it to completion and sees the minutes on 我的学习', async () => {
  const { t, browser } = env
  const page = await browser.newPage()
  // The page's timers run on a clock the test moves, in step with the server's.
  await page.clock.install({ time: START })
  await signInAs(page, /孙浩然/)

  // 今日学习 on the home page: today's push, large.
  const todayArticle = page.locator('.today-feed__today').filter({ hasText: TODAY_TITLE })
  await todayArticle.waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('最近一周').waitFor()
  await browser.shot(page, 'reading-home')

  await todayArticle.click()
  await page.locator('.reader__title', { hasText: TODAY_TITLE }).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('本篇已计入学时 0 分钟').waitFor()

  // 48 s credited (80% of its minute) with the end reached completes it. The reader sends what it
  // counted when the end comes into view and once the count passes the completion point; when the end
  // shows (at once, or after a step) depends on the layout and the page's slide-in, so the heartbeats
  // vary. Under a loaded runner the end can be seen late (the page's observer runs on the test's
  // clock), so the item may complete only at its cap (twice its minute); either way it completes,
  // credited once and never past the cap.
  const { answers } = await readToCompletion(page, t, START)
  const done = answers.at(-1)!
  expect(done).toMatchObject({ justCompleted: true })
  expect(done.itemSeconds).toBeGreaterThanOrEqual(48)
  expect(done.itemSeconds).toBeLessThanOrEqual(120)
  expect(answers.reduce((sum, a) => sum + a.creditedSeconds, 0)).toBe(done.itemSeconds)
  const credited = durationText(done.itemSeconds)

  // At once: in the page and as a toast.
  await page.locator('.reader__done-text', { hasText: `本篇已完成 · +${credited}` }).waitFor({ state: 'visible' })
  await browser.shot(page, 'reading-complete')

  // The server's record: the article read to its end and completed, that time today.
  const { data } = await t.cloud.db.collection('studyLedgers').doc('member-05').get()
  expect(data.items['a_article-1']).toMatchObject({ s: done.itemSeconds, end: true, done: true })
  expect(Object.values(data.days as Record<string, number>)).toEqual([done.itemSeconds])

  // 我的学习 shows the credited time; the week's minutes round down, as the rules say.
  await open(page, '/pages/my-study/index')
  await page.getByText(`今天已学 ${credited}`).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(`本周已学 ${Math.floor(done.itemSeconds / 60)} 分钟，目标每周 30 分钟`).waitFor()
  await browser.shot(page, 'reading-my-study')
})

test('someone who is not a member opens a shared article: they read it, are invited to register, and nothing is credited', async () => {
  const { t, browser } = env
  const ledgers = async () => (await t.cloud.db.collection('studyLedgers').count()).total
  const ledgersBefore = await ledgers()
  const page = await browser.newPage()
  await page.clock.install({ time: START })
  const calls: string[] = []
  page.on('request', (r) => {
    if (/\/api\/functions\/\w+$/.test(r.url())) calls.push(r.postDataJSON()?.action)
  })
  await signInAs(page, /新的微信用户/, '/#/pages/reader/index?kind=article&id=article-2')
  await page.locator('.reader__title', { hasText: '读原著要“慢”下来' }).waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText(/完成实名注册后，阅读会计入你的学时/).waitFor()
  await page.locator('#reader-end').scrollIntoViewIfNeeded()
  await page.clock.runFor(60_000)
  await browser.shot(page, 'reading-guest')

  expect(calls).toEqual(['getArticle'])
  expect(await page.getByText(/已计入学时/).count()).toBe(0)
  // No study record was started for the guest.
  expect(await ledgers()).toBe(ledgersBefore)

  await page.getByText('去实名注册').click()
  await page.getByText('真实姓名', { exact: true }).waitFor()
})

test('after checking in, 明天提醒我学习 records a grant for each reminder asked (the local demo stands in for WeChat’s sheet)', async () => {
  const { t, browser } = env
  const page = await browser.newPage()
  await signInAs(page, /周慧玲/)
  const checkInButton = page.getByText('打卡', { exact: true })
  await checkInButton.waitFor({ state: 'visible', timeout: 60_000 })
  await checkInButton.click()
  await page.getByText('今日已打卡').waitFor({ state: 'visible' })

  await page.getByText('明天提醒我学习').click()
  await page.getByText('订阅消息（本地演示）').waitFor({ state: 'visible' })
  await page.getByText('允许', { exact: true }).click()
  await page
    .getByText('好的，已开启：每日学习提醒（还可提醒 1 次）、每周一学发布提醒（还可提醒 1 次）、学习进度提醒（还可提醒 1 次）')
    .waitFor({ state: 'visible' })
  await browser.shot(page, 'reading-remind-me')

  // One grant each for tomorrow's study, the week's list and a reminder when behind.
  const { data } = await t.cloud.db.collection('subscriptions').where({ memberId: 'member-06' }).get()
  expect(data.map((d) => [d.templateKey, d.available, d.accepted]).sort()).toEqual([
    ['dailyStudy', 1, 1],
    ['studyNudge', 1, 1],
    ['weeklyList', 1, 1],
  ])
})
