import { startTestLocalCloud, FIXTURE_STATIC, type TestLocalCloud } from '../support/local-cloud'

// Seeded at 06:00 Shanghai on Monday 2026-11-23; the push then runs at 07:30 the next morning.
const SEEDED = new Date('2026-11-22T22:00:00Z')

let t: TestLocalCloud
beforeAll(async () => {
  t = await startTestLocalCloud({ now: SEEDED, staticDir: FIXTURE_STATIC })
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterAll(async () => {
  jest.restoreAllMocks()
  await t?.close()
})

type Today = { ok: true; data: { today: string; push: { day: string; items: { _id: string; title: string }[] } | null; recent: { day: string }[] } }

describe('the daily push in the local cloud', () => {
  it('is a timer at 07:30 Beijing time, run again at 07:40 and 07:50 to finish what a stopped run left', async () => {
    const res = await t.fetch('/local/timers')
    const { timers } = (await res.json()) as { timers: { name: string; cron: string }[] }
    expect(timers).toContainEqual(expect.objectContaining({ name: 'dailyPush', cron: '0 30,40,50 7 * * * *' }))
  })

  it('the seeded week is on the home page; firing the timer the next morning pushes the article scheduled for it, once', async () => {
    const cookie = await t.signIn('member-05')
    const before = await t.call<Today>('getToday', {}, cookie)
    expect(before.body.data).toMatchObject({ today: '2026-11-23', push: { day: '2026-11-23', items: [{ _id: 'article-1' }] } })
    expect(before.body.data.recent).toHaveLength(5)

    // A member asks to be told about the daily study.
    expect((await t.call('recordSubscription', { templateKey: 'dailyStudy', accepted: true }, cookie)).body).toMatchObject({ ok: true })

    t.cloud.clock.fix(new Date('2026-11-23T23:30:00Z'))
    const first = await t.fetch('/local/timers/dailyPush/fire', { method: 'POST' })
    const fired = await first.json()
    expect(fired).toMatchObject({
      ok: true,
      data: {
        day: '2026-11-24',
        push: { created: true, source: 'scheduled', articleIds: ['article-7'] },
        publication: { status: 'submitted', mediaId: expect.stringMatching(/^local-draft-/) },
        notifications: { sent: 1 },
      },
    })
    const second = await t.fetch('/local/timers/dailyPush/fire', { method: 'POST' })
    expect(await second.json()).toMatchObject({ ok: true, data: { push: { created: false } } })

    const after = await t.call<Today>('getToday', {}, cookie)
    expect(after.body.data).toMatchObject({ today: '2026-11-24', push: { items: [{ _id: 'article-7', title: '看懂一张统计表：读数据的四个习惯' }] } })

    // The organisation's admin sees what went out in the outbox.
    const admin = await t.signIn('member-03')
    const sends = await t.call('listOutbox', { kind: 'notification' }, admin)
    expect(sends.body).toMatchObject({ ok: true, data: { items: [{ memberId: 'member-05', result: 'sent', channel: 'outbox' }] } })
    const editions = await t.call('listOutbox', { kind: 'publication' }, admin)
    expect(editions.body).toMatchObject({ ok: true, data: { items: [{ day: '2026-11-24', status: 'submitted' }] } })

    // The local 公众号 made the edition, published it, and shows it as followers would read it.
    const preview = `/local/official-account/${fired.data.publication.mediaId}`
    expect((await t.fetch(preview)).status).toBe(302)
    const page = await t.fetch(preview, { headers: { cookie: admin } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1>看懂一张统计表：读数据的四个习惯</h1>')
    expect(html).toContain('学习圈本地公众号 · 已发布')
    expect((await t.fetch('/local/official-account/local-draft-0000', { headers: { cookie: admin } })).status).toBe(404)
  })

  it('refuses to run when a signed-in member calls it as a function', async () => {
    const cookie = await t.signIn('member-03')
    expect((await t.call('dailyPush', {}, cookie)).body).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
