import type { Page } from 'playwright-core'
import { visible } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

// 2026-11-23 10:00 in Beijing.
const env = withBrowserAndCloud({ now: new Date('2026-11-23T02:00:00.000Z') })
const { open, signInAs } = env

/** The input or textarea under the field label `label` (the `index`-th such field). */
const fieldInput = (page: Page, label: string, index = 0) =>
  page
    .locator('.field')
    .filter({ has: page.locator('.field__label', { hasText: new RegExp(`^${label}$`) }) })
    .nth(index)
    .locator('input, textarea')

test('the organisation admin writes an article, queues it, and finds it in 内容管理', async () => {
  const { t, browser } = env
  const page = await browser.newPage()
  await signInAs(page, /张文博/)
  await open(page, '/packageAdmin/pages/index/index')
  await page.getByText('内容管理', { exact: true }).click()
  await visible(page, '新建文章')
  await browser.shot(page, 'admin-content')

  await page.getByText('新建文章').click()
  await visible(page, '保存为草稿')
  await fieldInput(page, '标题').fill('浏览器里写的文章')
  await fieldInput(page, '摘要').fill('一篇用来检查编辑器的文章。')
  await fieldInput(page, '来源').fill('学习圈编辑部')
  await page.getByText('政治理论', { exact: true }).click()
  await fieldInput(page, '段落').fill('这是第一段正文。')
  await page.getByText('+ 小标题').click()
  await fieldInput(page, '小标题').fill('一、开头')
  await page.getByLabel('第 2 块上移').click()
  await page.getByText('保存为草稿').click()
  await visible(page, '已保存为草稿')
  await visible(page, '草稿：还没有安排推送。')
  await browser.shot(page, 'admin-article')

  await page.getByText('放入待推送队列', { exact: true }).click()
  await visible(page, '已放入待推送队列')

  // What the server holds is what was typed, in the order arranged.
  const cookie = await t.signIn('member-03')
  const list = await t.call<{ ok: true; data: { items: { _id: string; title: string; status: string }[] } }>(
    'listContent',
    { kind: 'article', status: 'queued' },
    cookie,
  )
  const row = list.body.data.items.find((r) => r.title === '浏览器里写的文章')!
  expect(row.status).toBe('queued')
  const got = await t.call<{ ok: true; data: { article: { body: unknown } } }>('getContent', { kind: 'article', id: row._id }, cookie)
  expect(got.body.data.article.body).toEqual([
    { type: 'heading', text: '一、开头' },
    { type: 'paragraph', text: '这是第一段正文。' },
  ])

  await open(page, '/packageAdmin/pages/content/index')
  await page.getByRole('radio', { name: '待推送' }).click()
  await visible(page, '浏览器里写的文章')
  await open(page, '/packageAdmin/pages/outbox/index')
  await visible(page, /还没有公众号发布记录|的推送/)
  await browser.shot(page, 'admin-outbox')
})
