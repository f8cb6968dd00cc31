import type { Locator, Page } from 'playwright-core'
import type { DailyQuizDoc } from '../../server/quiz/daily'
import type { QuestionDoc } from '../../server/quiz/questions'
import { withBrowserAndCloud } from '../support/browser-cloud'
import { visible, waitUntil } from '../support/browser'

const env = withBrowserAndCloud()

/** 孙浩然's quiz of the day as stored, with its questions in the order drawn. */
async function storedQuiz(): Promise<{ quiz: DailyQuizDoc; questions: QuestionDoc[] }> {
  const db = env.t.cloud.db
  const { data } = await db.collection('dailyQuizzes').where({ memberId: 'member-05' }).get()
  const quiz = data[0] as DailyQuizDoc
  const found = (
    await db
      .collection('questions')
      .where({ _id: db.command.in(quiz.questionIds) })
      .get()
  ).data as QuestionDoc[]
  return { quiz, questions: quiz.questionIds.map((id) => found.find((q) => q._id === id)!) }
}

/** Taps the options of a question (an option's text exactly), then (unless told not to) 提交答案, within `scope`. */
async function answer(scope: Page | Locator, options: string[], submit = true): Promise<void> {
  // An option reads its letter (none for 对/错) and its text.
  const exactly = (option: string) => new RegExp(`^(?:[A-F]\\.)?${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  for (const option of options)
    await scope
      .locator('.quiz-option')
      .filter({ hasText: exactly(option) })
      .click()
  if (submit) await scope.getByText('提交答案', { exact: true }).click()
}
const right = (q: QuestionDoc) => q.answer.map((i) => q.options[i])
const wrong = (q: QuestionDoc) => [q.options.find((_, i) => !q.answer.includes(i))!]

test('a member answers the day’s five questions from 首页, sees why after each, and retries the ones missed in the 错题本', async () => {
  const { browser } = env
  const page = await browser.newPage()
  await env.signInAs(page, /孙浩然/)
  await page.getByText('开始答题', { exact: true }).click()
  await visible(page, '第 1 题 · 共 5 题')
  const { questions } = await storedQuiz()
  await browser.shot(page, 'quiz-first')

  // Three right, two wrong: each answer says so at once, with the explanation.
  const plan = [right, wrong, right, wrong, right]
  for (const [i, q] of questions.entries()) {
    await visible(page, `第 ${i + 1} 题 · 共 5 题`)
    await answer(page, plan[i](q))
    await visible(page, plan[i] === right ? '回答正确' : '回答错误')
    await visible(page, `解析：${q.explanation}`)
    if (i === 1) await browser.shot(page, 'quiz-wrong-answer')
    await page.getByText(i < 4 ? '下一题' : '看今天的结果', { exact: true }).click()
  }
  await visible(page, '答对 3 / 5 题，得 3 分')
  await browser.shot(page, 'quiz-summary')
  const entries = (await env.t.cloud.db.collection('scoreEntries').where({ memberId: 'member-05', kind: 'quiz' }).get()).data
  expect(entries).toHaveLength(3)

  // Reopened, the day's quiz stays answered; 积分明细 shows the points against the rule's cap.
  await page.reload()
  await visible(page, '答对 3 / 5 题，得 3 分')
  const points = await browser.newPage()
  await env.open(points, '/packageScore/pages/points/index')
  await visible(points, '每日答题答对一题')
  await points.locator('.points-rule').filter({ hasText: '每日答题答对一题' }).getByText('3/5 分').waitFor()
  await points.close()

  // The 错题本 has the two missed; one answered right twice leaves it.
  await page.getByText('去错题本', { exact: true }).click()
  await visible(page, '共 2 道题待巩固')
  const missed = questions[1]
  const card = page.locator('.card').filter({ hasText: missed.stem })
  await answer(card, right(missed))
  await card.getByText('回答正确').waitFor()
  await card.getByText('再答对 1 次就移出错题本').waitFor()
  await card.getByText('再做一遍', { exact: true }).click()
  await answer(card, right(missed))
  await card.getByText('这道题已移出错题本').waitFor()
  await browser.shot(page, 'quiz-wrong-book')
  await waitUntil(async () => {
    const { data } = await env.t.cloud.db.collection('wrongBooks').doc('member-05').get()
    return Object.keys((data as { items: object }).items).length === 1
  })
})

test('a member who finished a chapter takes its quiz from the book page and the chapter shows 已掌握', async () => {
  const { browser, t } = env
  const db = t.cloud.db
  // A member of the seeded history who completed the first chapter of 读懂理论的方法.
  const { data: ledgers } = await db.collection('studyLedgers').where({ 'items.c_book-method-1.done': true }).limit(1).get()
  const memberId = String(ledgers[0].memberId)
  const { data: member } = await db.collection('members').doc(memberId).get()
  const { data: linked } = await db.collection('questions').where({ 'link.kind': 'chapter', 'link.id': 'book-method-1' }).get()
  const questions = (linked as QuestionDoc[]).sort((a, b) => (a._id < b._id ? -1 : 1))

  const page = await browser.newPage()
  await env.signInAs(page, String(member.name))
  await env.open(page, '/pages/book/index?id=book-method')
  await page.locator('.chapter').filter({ hasText: '为什么要读原文' }).getByText('做小测', { exact: true }).click()
  await visible(page, '第 3 题 · 共 3 题')
  for (const [i, q] of questions.entries()) await answer(page.locator('.card').filter({ hasText: `第 ${i + 1} 题` }), right(q), false)
  await page.getByText('提交答案', { exact: true }).click()
  await visible(page, '答对 3 / 3 题，通过了')
  await visible(page, '这一章已记为「已掌握」')
  await browser.shot(page, 'chapter-quiz-passed')
  await page.getByText('返回书目', { exact: true }).click()
  await page.locator('.chapter').filter({ hasText: '为什么要读原文' }).getByText('已掌握', { exact: true }).waitFor()
})
