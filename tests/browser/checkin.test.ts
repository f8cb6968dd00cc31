import { withBrowserAndCloud } from '../support/browser-cloud'

const env = withBrowserAndCloud()

test('a member signs in, checks in on the home page, and the check-in survives a reload', async () => {
  const { t, browser } = env
  const page = await browser.newPage()

  // Not signed in: the app page sends the browser to the local sign-in page.
  await page.goto(`${t.url}/`)
  await page.waitForURL(/\/local\/signin\?next=/)
  await page.getByRole('heading', { name: /本地演示登录/ }).waitFor()
  await browser.shot(page, 'signin')

  await page.getByRole('button', { name: /孙浩然/ }).click()

  // The home page of a member who has not checked in today.
  await page.waitForURL((url) => !url.pathname.startsWith('/local/'))
  const checkInButton = page.getByText('打卡', { exact: true })
  await checkInButton.waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('孙浩然').first().waitFor({ state: 'visible' })
  await browser.shot(page, 'home')

  await checkInButton.click()
  await page.getByText('今日已打卡').waitFor({ state: 'visible' })
  await page.getByText('连续打卡 1 天').waitFor({ state: 'visible' })
  await browser.shot(page, 'home-checked-in')

  await page.reload()
  await page.getByText('今日已打卡').waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('连续打卡 1 天').waitFor({ state: 'visible' })
  expect(await page.getByText('打卡', { exact: true }).count()).toBe(0)

  // The server recorded exactly one check-in for that member.
  const { data } = await t.cloud.db.collection('checkins').where({ memberId: 'member-05' }).get()
  expect(data).toHaveLength(1)
})
