import { visible } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

// Monday 10:00 in Shanghai: no quiet hours, a fresh week.
const env = withBrowserAndCloud({ now: new Date('2026-11-23T02:00:00Z') })
const { open, signInAs } = env

const TITLE = '如何把理论学习落实到窗口服务'

test('a leader posts a prompt, a member of the group replies, a member of another group cannot see it', async () => {
  const { t, browser } = env
  const page = await browser.newPage()

  // 陈立新 leads 第一党小组: the 小组 tab shows the week and lets him post.
  await signInAs(page, /陈立新/)
  await open(page, '/pages/group/index')
  await visible(page, '本周学习')
  await visible(page, '结合本职工作，谈谈本周学习体会')
  await browser.shot(page, 'group-leader')
  await page.getByText('发布讨论题').click()
  await visible(page, '讨论内容')
  await page.locator('input').first().fill(TITLE)
  await page.locator('textarea').first().fill('请每位同志谈一条具体做法。')
  await page.getByText('发布', { exact: true }).click()
  // Nobody in the demo subscribed: the page says the notice reached none of the 9, and offers the words for the chat.
  await visible(page, '讨论题已发布')
  await visible(page, '已发送 0 人，9 人收不到')
  await visible(page, '复制提醒文字')
  await browser.shot(page, 'prompt-announced')
  await page.getByText('查看讨论', { exact: true }).click()
  await visible(page, '0/10 人已参与')
  await visible(page, TITLE)
  await browser.shot(page, 'prompt-posted')

  const { data } = await t.cloud.db.collection('prompts').where({ title: TITLE }).get()
  expect(data).toHaveLength(1)
  const promptId = String(data[0]._id)
  // The group's members were told (recorded in the outbox: nobody subscribed in the demo).
  const told = await t.cloud.db.collection('notifications').where({ templateKey: 'groupPrompt' }).count()
  expect(told.total).toBe(9)

  // 赵雅琴, a plain member of the group, finds it on the 小组 tab and replies.
  await signInAs(page, /赵雅琴/)
  await open(page, '/pages/group/index')
  await visible(page, TITLE)
  expect(await page.getByText('发布讨论题').count()).toBe(0)
  await page.getByText(TITLE).first().click()
  await visible(page, '写下你的看法')
  await page.locator('textarea').first().fill('把常见问题做成一张明白纸，群众少跑一趟。')
  await page.getByText('发送', { exact: true }).click()
  await visible(page, '把常见问题做成一张明白纸，群众少跑一趟。')
  await visible(page, '1/10 人已参与')
  await browser.shot(page, 'prompt-replied')
  const replies = await t.cloud.db.collection('replies').where({ promptId }).get()
  expect(replies.data).toEqual([expect.objectContaining({ authorName: '赵雅琴', body: '把常见问题做成一张明白纸，群众少跑一趟。' })])

  // 马淑芬 is in 第二党小组: the prompt is not in her list, and its address answers 没有权限.
  await signInAs(page, /马淑芬/)
  await open(page, '/pages/group/index')
  await visible(page, '第二党小组')
  await visible(page, '还没有讨论题')
  expect(await page.getByText(TITLE).count()).toBe(0)
  await open(page, `/packageGroup/pages/prompt/index?id=${encodeURIComponent(promptId)}`)
  await visible(page, '你没有权限查看这个党小组的讨论')
  expect(await page.getByText('把常见问题做成一张明白纸').count()).toBe(0)
  await browser.shot(page, 'prompt-forbidden')
  await page.close()
})
