/**
 * 组织生活 from scheduling to the 季度通报: a leader schedules a meeting, one member asks for leave,
 * another signs in with the code on the leader's screen, a third with a code that has expired is
 * refused, and the attendance shows in the quarterly report.
 */
import type { Page } from 'playwright-core'
import { visible } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

/** Wednesday 2026-11-25, 10:00 in Beijing: 陈立新 schedules tomorrow afternoon's 党小组会 (14:30–16:00 is the form's default). */
const WEDNESDAY = new Date('2026-11-25T02:00:00Z')
/** Thursday 14:35: the meeting is under way. */
const DURING = new Date('2026-11-26T06:35:00Z')
/** 1 January 10:00: the fourth quarter's report is out. */
const NEW_YEAR = new Date('2027-01-01T02:00:00Z')

const env = withBrowserAndCloud({ now: WEDNESDAY }, 300_000)
const { pageAt } = env

/** The text field showing `placeholder` (Taro's H5 input wraps the real one). */
const field = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)

/** The member opens the meeting from 组织生活. */
async function openMeeting(page: Page): Promise<void> {
  await env.open(page, '/packageGroup/pages/meetings/index')
  await page.locator('.card', { hasText: '十一月读书交流会' }).click()
  await visible(page, '我的出席')
}

/** The leader opens it from the meetings they run. */
async function openAsLeader(page: Page): Promise<void> {
  await env.open(page, '/packageGroup/pages/meetings/index')
  await page.getByText('我安排的', { exact: true }).click()
  await page.locator('.card', { hasText: '十一月读书交流会' }).click()
  await visible(page, '出席情况')
}

async function typeCode(page: Page, code: string): Promise<void> {
  await field(page, '6 位数字').fill(code)
  await page.getByText('签到', { exact: true }).click()
}

test('a leader schedules a meeting; one member asks for leave, one signs in with the code, one with an expired code is refused; the report shows the attendance', async () => {
  const { t, browser } = env

  const leader = await pageAt(WEDNESDAY, /陈立新/)
  await env.open(leader, '/packageGroup/pages/meeting-edit/index')
  await visible(leader, '参会范围')
  await field(leader, '例如：十二月党小组会').fill('十一月读书交流会')
  await field(leader, '例如：社区党群服务中心二楼').fill('社区党群服务中心二楼')
  await leader.getByText('保存并通知', { exact: true }).click()
  await visible(leader, /已保存：应到 10 人/)
  await browser.shot(leader, 'meeting-scheduled')
  await leader.close()

  // 孙浩然 can't come: he asks for leave with a reason.
  const away = await pageAt(WEDNESDAY, /孙浩然/)
  await openMeeting(away)
  await field(away, '请假理由，例如：外出就医').fill('去外地看望女儿')
  await away.getByText('提交请假', { exact: true }).click()
  await visible(away, '请假待批')
  await away.close()

  // Thursday 14:35: the leader shows the code; 周慧玲 types it and is signed in.
  await t.setClock(DURING)
  const screen = await pageAt(DURING, /陈立新/)
  await openAsLeader(screen)
  await visible(screen, '请假：去外地看望女儿')
  await screen.getByText('显示签到二维码', { exact: true }).click()
  await visible(screen, '请扫码签到')
  const code = (await screen.locator('.meeting-code__digits').textContent())!.trim()
  expect(code).toMatch(/^\d{6}$/)
  await browser.shot(screen, 'meeting-code')

  const present = await pageAt(DURING, /周慧玲/)
  await openMeeting(present)
  await typeCode(present, code)
  await visible(present, '已签到 14:35')
  await present.close()

  // Seventy seconds later the code on the screen has moved on twice: 吴俊峰's old code is refused.
  const later = new Date(DURING.getTime() + 70_000)
  await t.setClock(later)
  const late = await pageAt(later, /吴俊峰/)
  await openMeeting(late)
  await typeCode(late, code)
  await visible(late, '签到码已过期，请扫描组长手机上的最新二维码')
  await late.locator('.card', { hasText: '我的出席' }).getByText('未签到', { exact: true }).waitFor()
  await browser.shot(late, 'meeting-code-expired')
  await late.close()

  // The leader's roster: 应到 10, one signed in, 孙浩然's leave waiting.
  await screen.close()
  const roster = await pageAt(later, /陈立新/)
  await openAsLeader(roster)
  await visible(roster, /应到 10 人 · 实到 1 人 · 请假 0 人 · 未到 9 人/)
  await roster.close()

  // The fourth quarter's report counts it: 周慧玲 at one of the quarter's four (the group's three and the branch's 主题党日), on leave from one.
  await t.setClock(NEW_YEAR)
  expect((await t.fetch('/local/timers/quarterReport/fire', { method: 'POST' })).status).toBe(200)
  const report = await pageAt(NEW_YEAR, /陈立新/)
  await env.open(report, '/packageReport/pages/unit/index')
  await visible(report, /组织生活出勤率 \d+(\.\d)?%/)
  await visible(report, /组织生活 1\/4（请假 1）/)
  await browser.shot(report, 'meeting-attendance-report')
  await report.close()
})
