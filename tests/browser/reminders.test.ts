/**
 * Every reminder reaches the member who asked for it, and the leader's pages tell the truth: 孙浩然
 * allows each kind on 我的, the leader posts a 讨论题 and nudges at night, and every timer fires
 * through a Sunday evening and a Monday morning.
 */
import { visible } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

/** Sunday 2026-11-22, 10:00 in Beijing: the seed's 每周一学 (week of 11-16) is out. */
const SUNDAY_10 = new Date('2026-11-22T02:00:00Z')
const SUNDAY_18 = new Date('2026-11-22T10:00:00Z')
const SUNDAY_2230 = new Date('2026-11-22T14:30:00Z')
const MONDAY_0730 = new Date('2026-11-22T23:30:00Z')
const MONDAY_08 = new Date('2026-11-23T00:00:00Z')
const TIMERS = ['dailyPush', 'weeklyDistribute', 'weeklyRemind', 'quarterRemind', 'quarterReport', 'reconcileScores', 'freezeRatings']

const env = withBrowserAndCloud({ now: SUNDAY_10 }, 300_000)
const { open, pageAt } = env

/** What became of 孙浩然's messages, oldest first. */
async function hisMessages() {
  const { data } = await env.t.cloud.db.collection('notifications').where({ memberId: 'member-05' }).get()
  return data.sort((a, b) => String(a.at).localeCompare(String(b.at))).map((n) => `${n.templateKey}:${n.result}`)
}

async function fireAll(at: Date): Promise<void> {
  await env.t.setClock(at)
  for (const timer of TIMERS) expect((await env.t.fetch(`/local/timers/${timer}/fire`, { method: 'POST' })).status).toBe(200)
}

test('a member allows each reminder on 我的; each message goes out (or waits for the morning) and the leader is told which', async () => {
  const { t, browser } = env

  // 孙浩然 allows one message of each kind, and a second 学习进度提醒.
  const member = await pageAt(SUNDAY_10, /孙浩然/)
  await open(member, '/pages/me/index')
  await visible(member, '消息提醒')
  const row = (title: string) => member.locator('.reminder-card__row', { hasText: title })
  for (const [title, times] of [
    ['每日学习提醒', 1],
    ['每周一学发布提醒', 1],
    ['小组讨论提醒', 1],
    ['学习进度提醒', 2],
  ] as const) {
    for (let i = 1; i <= times; i++) {
      await row(title)
        .getByText(i === 1 ? '开启' : '再开启一次', { exact: true })
        .click()
      await member.getByText('允许', { exact: true }).click()
      await row(title).getByText(`还可提醒 ${i} 次`, { exact: true }).waitFor({ state: 'visible' })
    }
  }
  await browser.shot(member, 'reminders-allowed')
  await member.close()

  // The leader posts a 讨论题: the page says who was told — 孙浩然 only.
  const leader = await pageAt(SUNDAY_10, /陈立新/)
  await open(leader, '/packageGroup/pages/edit/index')
  await visible(leader, '讨论内容')
  await leader.locator('input').first().fill('周末读书会的收获')
  await leader.locator('textarea').first().fill('这周读了哪一章？哪句话最有启发？')
  await leader.getByText('发布', { exact: true }).click()
  await visible(leader, '已发送 1 人，8 人收不到')
  await leader.locator('.nudge-row', { hasText: '孙浩然' }).getByText('已发送').waitFor({ state: 'visible' })
  await browser.shot(leader, 'prompt-announced-truth')
  await leader.close()
  expect(await hisMessages()).toEqual(['groupPrompt:sent'])

  // Sunday 18:00: every timer; the weekly reminder tells him what is left of the week's list.
  await fireAll(SUNDAY_18)
  expect(await hisMessages()).toEqual(['groupPrompt:sent', 'studyNudge:sent'])

  // 22:30: the leader nudges those behind; quiet hours hold 孙浩然's until the morning, and his page says so.
  await t.setClock(SUNDAY_2230)
  const late = await pageAt(SUNDAY_2230, /陈立新/)
  await open(late, '/packageGroup/pages/nudge/index')
  await late.getByText(/^提醒 \d+ 人$/).click()
  await visible(late, /稍后发送 1 人/)
  await late
    .locator('.nudge-row', { hasText: '孙浩然' })
    .getByText(/今天的提醒夜间免打扰，早上 7:30 发送/)
    .waitFor({ state: 'visible' })
  await browser.shot(late, 'nudge-deferred')
  await late.close()
  expect(await hisMessages()).toEqual(['groupPrompt:sent', 'studyNudge:sent', 'studyNudge:deferred'])

  // Monday 07:30 and 08:00: every timer again. The held nudge and the day's study go out at 07:30,
  // the new week's list at 08:00 — three messages, the day's cap.
  await fireAll(MONDAY_0730)
  const admin = await t.signIn('member-03')
  const list = await t.call<{ ok: true; data: { _id: string } }>(
    'saveWeeklyList',
    { week: '2026-11-23', intro: '新的一周，一起读透一篇文章。', items: [{ kind: 'article', refId: 'article-1', required: true }] },
    admin,
  )
  expect((await t.call('scheduleWeeklyList', { id: list.body.data._id, scheduled: true }, admin)).body).toMatchObject({ ok: true })
  await fireAll(MONDAY_08)
  expect(await hisMessages()).toEqual(['groupPrompt:sent', 'studyNudge:sent', 'studyNudge:sent', 'dailyStudy:sent', 'weeklyList:sent'])

  // Every grant he gave was used once; 我的 says so.
  const after = await pageAt(MONDAY_08, /孙浩然/)
  await open(after, '/pages/me/index')
  for (const title of ['每日学习提醒', '每周一学发布提醒', '小组讨论提醒', '学习进度提醒']) {
    await after.locator('.reminder-card__row', { hasText: title }).getByText('未开启，收不到').waitFor({ state: 'visible' })
  }
  await browser.shot(after, 'reminders-used')
  await after.close()
})

test('the 每周一学 page asks for the list’s own reminders: 马淑芬 allows one message of each there', async () => {
  const { t, browser } = env
  await t.setClock(MONDAY_08)
  const page = await pageAt(MONDAY_08, /马淑芬/)
  await open(page, '/pages/weekly/index')
  await visible(page, '本周学习清单')
  await page.getByText('清单发布和没学完时提醒我', { exact: true }).click()
  await page.getByText('允许', { exact: true }).click()
  await visible(page, '好的，已开启：每周一学发布提醒（还可提醒 1 次）、学习进度提醒（还可提醒 1 次）')
  await browser.shot(page, 'weekly-reminders-allowed')
  await page.close()
  const { data } = await t.cloud.db.collection('subscriptions').where({ memberId: 'member-12' }).get()
  expect(Object.fromEntries(data.map((d) => [d.templateKey, d.available]))).toEqual({ weeklyList: 1, studyNudge: 1 })
})
