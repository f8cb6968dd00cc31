import { visible, waitUntil } from '../support/browser'
import { withBrowserAndCloud } from '../support/browser-cloud'

const env = withBrowserAndCloud()
const { open, signInAs } = env

/** A new WeChat user registers as `name` with `code` and is held for the admin; answers her page and session. */
async function registerHeld(name: string, code: string) {
  const { t, browser } = env
  const page = await browser.newPage()
  await page.goto(`${t.url}/local/signin`)
  await page.getByRole('button', { name: '一个新的微信用户' }).click()
  await page.waitForURL(/#\/pages\/register\/index/, { timeout: 60_000 })
  await visible(page, '真实姓名')
  await page.locator('input').nth(0).fill(name)
  await page.locator('input').nth(1).fill(code)
  await page.getByText('注册', { exact: true }).click()
  await visible(page, '注册已提交，等待确认')
  return page
}

/** The organisation's admin, on another phone, opens 成员管理 filtered to 待确认. */
async function adminSeesHeld() {
  const admin = await env.browser.newPage()
  await signInAs(admin, /张文博/)
  await open(admin, '/packageAdmin/pages/members/index')
  await admin.getByText('更改', { exact: true }).click()
  await admin.locator('.chip', { hasText: '待确认' }).click()
  return admin
}

test('a new visitor is sent to 实名注册, registers with a demo code and lands home in their group', async () => {
  const { t, browser } = env
  const page = await browser.newPage()

  // 一个新的微信用户 on the local sign-in page: signed in, but not registered.
  await page.goto(`${t.url}/`)
  await page.waitForURL(/\/local\/signin\?next=/)
  await page.getByRole('button', { name: '一个新的微信用户' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/local/'))

  // The home page sends them to 实名注册.
  await page.waitForURL(/#\/pages\/register\/index/, { timeout: 60_000 })
  await visible(page, '真实姓名')
  await browser.shot(page, 'register')

  const [name, code] = [page.locator('input').nth(0), page.locator('input').nth(1)]

  // Nothing typed: the form says what is missing, nothing is sent.
  await page.getByText('注册', { exact: true }).click()
  await visible(page, '姓名不能为空')

  // An expired demo code: the server's message.
  await name.fill('李新民')
  await code.fill('XXQEXPRD')
  await page.getByText('注册', { exact: true }).click()
  await visible(page, '这个邀请码已过期，请向管理员索取新的邀请码')
  await browser.shot(page, 'register-expired')

  // The 第三党小组 code, typed in lower case with a space: shown as the server reads it.
  await code.fill('xxqgc 888')
  await waitUntil(async () => (await code.inputValue()) === 'XXQGC888')
  await page.getByText('注册', { exact: true }).click()

  // Home, with the member's name and group.
  await page.waitForURL(/#\/pages\/index\/index|#\/?$/, { timeout: 60_000 })
  await visible(page, '李新民，你好')
  await visible(page, '第三党小组 · 机关第二党支部')
  await visible(page, '打卡')
  await browser.shot(page, 'home-after-register')

  const { data } = await t.cloud.db.collection('members').where({ name: '李新民' }).get()
  expect(data).toHaveLength(1)
  expect(data[0]).toMatchObject({ groupId: 'group-2-1', branchId: 'branch-2', status: 'active', roles: ['member'] })

  // 小组 shows the group with its leader first and the new member in it.
  await open(page, '/pages/group/index')
  await visible(page, '第三党小组')
  await visible(page, '李新民')
  await visible(page, '共 11 名党员，党小组长 许建华')
  await browser.shot(page, 'group')

  // 我的: 大字模式 enlarges the text, is saved to the profile, and holds after a reload.
  await open(page, '/pages/me/index')
  await visible(page, '大字模式')
  await browser.shot(page, 'me')
  const bodySize = () =>
    page
      .locator('.profile__row')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  const normal = await bodySize()
  await page.getByText('大字模式').click()
  await visible(page, '已开')
  await page.locator('.app-root--large').first().waitFor({ state: 'visible' })
  expect(await bodySize()).toBeGreaterThan(normal * 1.15)
  await waitUntil(async () => {
    const {
      data: [me],
    } = await t.cloud.db.collection('members').where({ name: '李新民' }).get()
    return me?.largeFont === true
  })
  await browser.shot(page, 'me-large')

  await page.reload()
  await page.locator('.app-root--large').first().waitFor({ state: 'visible', timeout: 60_000 })
  await open(page, '/pages/index/index')
  await visible(page, '李新民，你好')
  await browser.shot(page, 'home-large')
  await page.close()
})

test('组织管理 is for admins: a member sees 没有权限, an admin manages members', async () => {
  const { t, browser } = env
  const page = await browser.newPage()

  // 孙浩然 is a plain member: opening an admin page directly answers 没有权限.
  await signInAs(page, /孙浩然/)
  await open(page, '/packageAdmin/pages/members/index')
  await visible(page, '没有权限')
  expect(await page.getByText('预登记新成员').count()).toBe(0)
  await browser.shot(page, 'admin-no-permission')

  // 张文博 is the organisation's admin.
  await signInAs(page, /张文博/)
  await open(page, '/packageAdmin/pages/members/index')
  await visible(page, '预登记新成员')
  await visible(page, '加载更多')
  await browser.shot(page, 'admin-members')
  // 42 members in the demo organisation, 20 a page.
  expect(await page.locator('.member-row').count()).toBe(20)
  await page.getByText('加载更多').click()
  await page.locator('.member-row').nth(39).waitFor()

  // Search, then open a member.
  await page.locator('input').first().fill('孙浩然')
  await page.getByText('搜索', { exact: true }).click()
  await visible(page, '正在搜索「孙浩然」')
  await page.locator('.member-row', { hasText: '孙浩然' }).click()
  await visible(page, '状态：正常')
  await visible(page, '停用这位成员')
  await browser.shot(page, 'admin-member')

  // Making 孙浩然 党小组长: the dialog asks first.
  await page.getByText('党小组长', { exact: true }).click()
  await visible(page, '确定任命孙浩然为党小组长吗？')
  await browser.shot(page, 'admin-member-confirm')
  await page.getByText('任命', { exact: true }).click()
  await visible(page, '已任命孙浩然为党小组长')
  await visible(page, '身份：党员、党小组长')
  const {
    data: [sun],
  } = await t.cloud.db.collection('members').where({ _id: 'member-05' }).get()
  expect(sun.roles).toEqual(['member', 'leader'])

  for (const [path, text, shot] of [
    ['/packageAdmin/pages/index/index', '你是组织管理员，可以管理整个组织。', 'admin-home'],
    ['/packageAdmin/pages/units/index', '示范单位机关党委', 'admin-units'],
    ['/packageAdmin/pages/invitations/index', 'XXQGA888', 'admin-invitations'],
    ['/packageAdmin/pages/audit/index', '身份：党员 → 党员、党小组长', 'admin-audit'],
  ]) {
    await open(page, path)
    await visible(page, text)
    await browser.shot(page, shot)
  }

  // A new invitation code, shown big with the text to share.
  await open(page, '/packageAdmin/pages/invitations/index')
  await visible(page, '给哪个党小组')
  await page.locator('.chip', { hasText: '第二党小组' }).click()
  await page.locator('.big-button', { hasText: '生成邀请码' }).click()
  await visible(page, '复制邀请文字')
  await visible(page, /邀请你加入「学习圈」机关第一党支部第二党小组/)
  await browser.shot(page, 'admin-invitation-created')
  await page.close()
})

test('a second 赵雅琴 registering is held for the admin, who finds her flagged in 成员管理 and accepts her as another person', async () => {
  const { t, browser } = env
  // 第一党小组 has an active 赵雅琴; this one registers with 第三党小组's code.
  const page = await registerHeld('赵雅琴', 'XXQGC888')
  await browser.shot(page, 'register-held')
  const held = async () => (await t.cloud.db.collection('members').where({ name: '赵雅琴', groupId: 'group-2-1' }).get()).data
  expect(await held()).toEqual([
    expect.objectContaining({ status: 'review', review: { sameNameAs: [expect.objectContaining({ _id: 'member-04', status: 'active' })] } }),
  ])
  // Not a member yet: 首页 says why, once, calmly.
  await open(page, '/pages/index/index')
  await visible(page, '注册已提交，等待确认')
  expect(await page.getByText('重试').count()).toBe(0)
  await browser.shot(page, 'home-held')

  // The organisation's admin (on another phone: her session is put back after) filters 成员管理 by 待确认.
  const hers = await browser.context.cookies()
  const admin = await adminSeesHeld()
  const row = admin.locator('.member-row', { hasText: '赵雅琴' })
  await row.getByText('待确认').waitFor({ state: 'visible', timeout: 60_000 })
  expect(await admin.locator('.member-row').count()).toBe(1)
  await browser.shot(admin, 'members-held')
  await row.click()
  await visible(admin, '注册待确认')
  await visible(admin, '赵雅琴 · 第一党小组 · 正常 ›')
  await admin.getByText('是另一位同志，确认为新成员').click()
  await admin.getByText('确认', { exact: true }).click()
  await visible(admin, '已确认赵雅琴为新成员')
  expect(await held()).toEqual([expect.objectContaining({ status: 'active' })])

  await admin.close()

  // She asks again: she is in.
  await browser.context.addCookies(hers)
  await page.getByText('管理员已确认？点这里再看看').click()
  await visible(page, '赵雅琴，你好')
  await visible(page, '第三党小组 · 机关第二党支部')
  await page.close()
})

test('司马文, pre-registered in 第三党小组, registers with another group’s code: the admin merges the registration into his record', async () => {
  const { t, browser } = env
  const page = await registerHeld('司马文', 'XXQGA888')
  await open(page, '/pages/index/index')
  await visible(page, '注册已提交，等待确认')
  const hers = await browser.context.cookies()

  const admin = await adminSeesHeld()
  await admin.locator('.member-row', { hasText: '司马文' }).click()
  await visible(admin, '司马文 · 第三党小组 · 待认领 ›')
  await admin.getByText('就是这位同志（第三党小组）').click()
  await admin.getByText('合并', { exact: true }).click()
  await visible(admin, '已合并：第三党小组的司马文改用新的微信')
  await browser.shot(admin, 'member-merged')
  await admin.close()
  const records = (await t.cloud.db.collection('members').where({ name: '司马文' }).get()).data
  expect(records).toEqual([expect.objectContaining({ _id: 'member-42', status: 'active', groupId: 'group-2-1' })])

  await browser.context.addCookies(hers)
  await page.getByText('管理员已确认？点这里再看看').click()
  await visible(page, '司马文，你好')
  await visible(page, '第三党小组 · 机关第二党支部')
  await page.close()
})
