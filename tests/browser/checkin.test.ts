import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startTestLocalCloud, type TestLocalCloud } from '../support/local-cloud'

const ROOT = path.resolve(__dirname, '..', '..')
const H5 = path.join(ROOT, 'dist', 'h5')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Screenshots of the pages, to look at after a run. */
const SHOTS = path.join(ROOT, '.tmp', 'screenshots')

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

// Starting Chromium and a first page load of the H5 build take a while on a small machine.
jest.setTimeout(120_000)

let t: TestLocalCloud | undefined
let context: BrowserContext | undefined
let userDataDir: string | undefined

beforeAll(async () => {
  if (!existsSync(path.join(H5, 'index.html'))) {
    throw new Error(`找不到 H5 构建 ${H5}：先运行 npm run build:h5（npm test 会先构建）`)
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium ${CHROMIUM}：运行 apt-get install -y chromium，或用 CHROMIUM_PATH 指定`)
  }
  t = await startTestLocalCloud()
  userDataDir = await mkdtemp(path.join(os.tmpdir(), 'xxq-chromium-'))
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  })
  await mkdir(SHOTS, { recursive: true })
})

afterAll(async () => {
  await context?.close().catch(() => undefined)
  await t?.close()
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true })
})

async function openPage(): Promise<Page> {
  const page = context!.pages()[0] ?? (await context!.newPage())
  page.on('pageerror', (err) => console.error('页面脚本错误:', err.message))
  return page
}

test('a member signs in, checks in on the home page, and the check-in survives a reload', async () => {
  const page = await openPage()

  // Not signed in: the app page sends the browser to the local sign-in page.
  await page.goto(`${t!.url}/`)
  await page.waitForURL(/\/local\/signin\?next=/)
  await page.getByRole('heading', { name: /本地演示登录/ }).waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'signin.png') })
  await page.screenshot({ path: path.join(SHOTS, 'signin-full.png'), fullPage: true })

  await page.getByRole('button', { name: /孙浩然/ }).click()

  // The home page of a member who has not checked in today.
  await page.waitForURL((url) => !url.pathname.startsWith('/local/'))
  const checkInButton = page.getByText('打卡', { exact: true })
  await checkInButton.waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('孙浩然').first().waitFor({ state: 'visible' })
  await page.screenshot({ path: path.join(SHOTS, 'home.png'), fullPage: true })

  await checkInButton.click()
  await page.getByText('今日已打卡').waitFor({ state: 'visible' })
  await page.getByText('连续打卡 1 天').waitFor({ state: 'visible' })
  await page.screenshot({ path: path.join(SHOTS, 'home-checked-in.png'), fullPage: true })

  await page.reload()
  await page.getByText('今日已打卡').waitFor({ state: 'visible', timeout: 60_000 })
  await page.getByText('连续打卡 1 天').waitFor({ state: 'visible' })
  expect(await page.getByText('打卡', { exact: true }).count()).toBe(0)

  // The server recorded exactly one check-in for that member.
  const { data } = await t!.cloud.db.collection('checkins').where({ memberId: 'member-05' }).get()
  expect(data).toHaveLength(1)
})
