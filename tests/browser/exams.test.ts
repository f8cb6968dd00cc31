/**
 * An exam from composition to results: a branch admin composes and publishes it, one member sits it
 * in time, another runs past the time limit and is refused, and the admin reads the results.
 */
import type { Page } from 'playwright-core'
import { visible } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

/** Wednesday 2026-11-25, 10:00 in Beijing: the admin composes; the exam opens tomorrow at 09:00. */
const WEDNESDAY = new Date('2026-11-25T02:00:00Z')
const THURSDAY = new Date('2026-11-26T02:00:00Z')

const env = withBrowserAndCloud({ now: WEDNESDAY }, 300_000)
const { pageAt } = env

/** Opens the exam from 我的考试, answers every question with its first option (one a screen), then 交卷. */
async function sit(page: Page): Promise<void> {
  await env.open(page, '/packageQuiz/pages/exams/index')
  await page.locator('.card', { hasText: '十二月专项考试' }).getByText('开始考试', { exact: true }).click()
  await visible(page, '第 1 / 5 题')
  for (let i = 1; i <= 5; i++) {
    await visible(page, `第 ${i} / 5 题`)
    await page.locator('.quiz-option').first().click()
    await page.getByText(i < 5 ? '下一题' : '交卷', { exact: true }).click()
  }
}

test('a branch admin composes and publishes an exam; members sit it, one past the time and refused; the admin reads the results', async () => {
  const { t, browser } = env

  // 刘晓燕 (机关第一党支部's admin) composes: five questions drawn, one minute, one attempt.
  const admin = await pageAt(WEDNESDAY, /刘晓燕/)
  await env.open(admin, '/packageAdmin/pages/exam-edit/index')
  await visible(admin, '考试范围（谁来考）')
  await admin.locator('input').first().fill('十二月专项考试')
  const numbers = admin.locator('input[type="number"]')
  await numbers.nth(0).fill('1')
  await numbers.nth(2).fill('1')
  await admin.locator('.card', { hasText: '题数' }).last().locator('input').last().fill('5')
  await admin.getByText('保存草稿', { exact: true }).click()
  await visible(admin, '已保存草稿：每次作答 5 道题')
  await admin.getByText('发布考试', { exact: true }).click()
  await visible(admin, /已发布：应考 20 人/)
  await browser.shot(admin, 'exam-published')
  await admin.close()

  // Thursday 10:00: it is open. 孙浩然 sits it in time and sees his result with the explanations.
  await t.setClock(THURSDAY)
  const member = await pageAt(THURSDAY, /孙浩然/)
  await sit(member)
  await visible(member, '成绩已记入学习档案')
  await visible(member, '解析：')
  await browser.shot(member, 'exam-result')
  await member.close()

  // 周慧玲 starts, and hands in two minutes later: past the one minute and its grace.
  const late = await pageAt(THURSDAY, /周慧玲/)
  await env.open(late, '/packageQuiz/pages/exams/index')
  await late.locator('.card', { hasText: '十二月专项考试' }).getByText('开始考试', { exact: true }).click()
  await visible(late, '第 1 / 5 题')
  await t.setClock(new Date(THURSDAY.getTime() + 120_000))
  for (let i = 1; i < 5; i++) await late.getByText('下一题', { exact: true }).click()
  await late.getByText('交卷', { exact: true }).click()
  // Nothing answered: the page asks first; the dialog's own 交卷 confirms.
  await visible(late, '还有 5 道题没有作答，没答的题不得分。')
  await late.getByText('交卷', { exact: true }).last().click()
  await visible(late, '答题时间已到')
  await visible(late, '这份答卷没有在时限内交上，这一次作答已用掉。')
  expect(await late.getByText('上一题', { exact: true }).count()).toBe(0)
  await browser.shot(late, 'exam-time-up')
  await late.close()

  // The admin's results: the branch, its two groups, each member's best.
  const results = await pageAt(new Date(THURSDAY.getTime() + 180_000), /刘晓燕/)
  await env.open(results, '/packageAdmin/pages/exams/index')
  await results.getByText('十二月专项考试').first().click()
  await visible(results, '成员成绩')
  await browser.shot(results, 'exam-results')
  await visible(results, '1/20 人')
  await results.locator('.pair-row', { hasText: '周慧玲' }).getByText('超时未交').waitFor()
  await results
    .locator('.pair-row', { hasText: '孙浩然' })
    .getByText(/\d+ 分/)
    .waitFor()
  await browser.shot(results, 'exam-results')
  const { data } = await t.cloud.db.collection('examAttempts').where({ memberId: 'member-06' }).get()
  expect(data.map((a) => a.status)).toEqual(['expired'])
})
