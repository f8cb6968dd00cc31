import { withBrowserAndCloud } from '../support/browser-cloud'

/** 10:00 in Beijing on a Monday. */
const START = new Date('2026-11-23T02:00:00Z')
const env = withBrowserAndCloud({ now: START })

test('in the browser, every page that is not a tab has a title bar with 返回; tabs have none; tab labels grow in 大字模式', async () => {
  const { browser } = env
  const page = await browser.newPage()
  await env.signInAs(page, /孙浩然/)
  await page.getByText('最近一周').waitFor({ state: 'visible', timeout: 60_000 })
  expect(await page.locator('.page-chrome').count()).toBe(0)
  const label = page.locator('.weui-tabbar__label').first()
  expect(await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12)

  // Into the reader from the home page, and back.
  await page.locator('.today-feed__today').first().click()
  const back = page.locator('.page-chrome__back')
  await back.waitFor({ state: 'visible', timeout: 60_000 })
  await back.click()
  await page.getByText('最近一周').waitFor({ state: 'visible', timeout: 60_000 })

  // A sub-page opened directly (no page before it) goes back to 首页.
  await env.open(page, '/packageReport/pages/mine/index')
  await back.waitFor({ state: 'visible', timeout: 60_000 })
  await browser.shot(page, 'navigation-back-bar')
  await back.click()
  await page.getByText('最近一周').waitFor({ state: 'visible', timeout: 60_000 })

  // 大字模式 on 我的: the tab labels follow.
  await env.open(page, '/pages/me/index')
  const before = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await page.getByText('大字模式').waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('大字模式').click()
  await page.waitForFunction(() => document.body.classList.contains('large-font'), undefined, { timeout: 30_000 })
  expect(await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThan(before)
})
