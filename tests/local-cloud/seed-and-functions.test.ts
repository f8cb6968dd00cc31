import type { Member, Unit } from '../../types'
import { articles as seedArticles } from '../../local-cloud/seed/articles'
import { startTestLocalCloud, FIXTURE_STATIC, type TestLocalCloud } from '../support/local-cloud'

// 2026-11-22T17:30Z is already Monday 2026-11-23, 01:30 in Shanghai (and Sunday in Los Angeles).
const NOW = new Date('2026-11-22T17:30:00Z')

let t: TestLocalCloud

beforeAll(async () => {
  t = await startTestLocalCloud({ now: NOW, staticDir: FIXTURE_STATIC })
})

afterAll(async () => {
  await t?.close()
})

async function all<T>(collection: string): Promise<T[]> {
  const { data } = await t.cloud.db.collection(collection).limit(1000).get()
  return data as unknown as T[]
}

describe('demo seed', () => {
  test('the first start seeds one 党委, two 党支部 and four 党小组 with readable ids', async () => {
    expect(t.cloud.seed).toEqual({ seeded: true, units: 7, members: 40, articles: 6 })
    const units = await all<Unit>('units')
    const byId = Object.fromEntries(units.map((u) => [u._id, u]))
    expect(byId.committee).toMatchObject({ kind: 'committee', parentId: null })
    expect(units.filter((u) => u.kind === 'branch').map((u) => [u._id, u.parentId])).toEqual(
      expect.arrayContaining([
        ['branch-1', 'committee'],
        ['branch-2', 'committee'],
      ]),
    )
    const groups = units.filter((u) => u.kind === 'group')
    expect(groups.map((g) => [g._id, g.parentId]).sort()).toEqual([
      ['group-1-1', 'branch-1'],
      ['group-1-2', 'branch-1'],
      ['group-2-1', 'branch-2'],
      ['group-2-2', 'branch-2'],
    ])
    expect(new Set(units.map((u) => u.name)).size).toBe(7)
  })

  test('40 active members, ten per 党小组, each with a leader; admins for the 党委 and each 党支部', async () => {
    const members = await all<Member>('members')
    expect(members).toHaveLength(40)
    const units = Object.fromEntries((await all<Unit>('units')).map((u) => [u._id, u]))
    for (const m of members) {
      expect(m.status).toBe('active')
      expect(m.roles).toContain('member')
      expect(m.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/)
      expect(units[m.groupId].parentId).toBe(m.branchId)
      expect(m.openid).toBe(`local-openid-${Number(m._id.replace('member-', ''))}`)
    }
    expect(new Set(members.map((m) => m.openid)).size).toBe(40)
    expect(new Set(members.map((m) => m.name)).size).toBe(40)
    expect(new Set(members.map((m) => m.name[0])).size).toBeGreaterThan(25)
    for (const groupId of ['group-1-1', 'group-1-2', 'group-2-1', 'group-2-2']) {
      const group = members.filter((m) => m.groupId === groupId)
      expect(group).toHaveLength(10)
      expect(group.filter((m) => m.roles.includes('leader')).length).toBeGreaterThanOrEqual(1)
    }
    expect(members.filter((m) => m.roles.includes('orgAdmin'))).toHaveLength(1)
    for (const branchId of ['branch-1', 'branch-2']) {
      expect(members.filter((m) => m.branchId === branchId && m.roles.includes('branchAdmin'))).toHaveLength(1)
    }
  })

  test('articles are dated on the last Shanghai days before the clock', async () => {
    const articles = await all<{ _id: string; publishedOn: string; body: { type: string; text: string }[] }>('articles')
    expect(articles).toHaveLength(seedArticles.length)
    expect(articles.map((a) => a.publishedOn).sort().reverse()).toEqual([
      '2026-11-23',
      '2026-11-22',
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
    ])
    for (const a of articles) {
      expect(a.body.length).toBeGreaterThan(2)
      for (const block of a.body) expect(['paragraph', 'heading', 'quote']).toContain(block.type)
    }
  })

  test('a restart on the same data dir seeds nothing and keeps changes', async () => {
    await t.cloud.db.collection('members').doc('member-07').update({ data: { name: '吴俊峰（已改名）' } })
    await t.cloud.db.collection('articles').doc('article-6').remove()
    await t.restart()
    expect(t.cloud.seed.seeded).toBe(false)
    expect((await t.cloud.db.collection('units').count()).total).toBe(7)
    expect((await t.cloud.db.collection('members').count()).total).toBe(40)
    expect((await t.cloud.db.collection('articles').count()).total).toBe(5)
    const { data } = await t.cloud.db.collection('members').doc('member-07').get()
    expect(data.name).toBe('吴俊峰（已改名）')
  })
})

describe('project cloud functions over HTTP', () => {
  test('getMe answers the signed-in member; body identity is ignored', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call('getMe', { userInfo: { openId: 'local-openid-3', appId: 'x' } }, cookie)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      ok: true,
      data: { memberId: 'member-05', name: '孙浩然', groupName: '第一党小组', branchName: '机关第一党支部', roles: ['member'] },
    })
  })

  test('getMe without a session: 401', async () => {
    expect((await t.call('getMe', {})).status).toBe(401)
  })

  test('an expected error answers 200 with the error result', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call('getMe', { openid: 'local-openid-3' }, cookie)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  test('listArticles answers the seeded articles, newest first', async () => {
    const cookie = await t.signIn('member-05')
    const res = await t.call<{ ok: true; data: { items: { _id: string; publishedOn: string }[] } }>(
      'listArticles',
      { limit: 3 },
      cookie,
    )
    expect(res.body.data.items.map((a) => a.publishedOn)).toEqual(['2026-11-23', '2026-11-22', '2026-11-21'])
  })

  test('a check-in persists across stop and start', async () => {
    const cookie = await t.signIn('member-12')
    const first = await t.call<{ ok: true; data: { status: string; streak: number } }>('checkIn', { reflection: '每天读一点' }, cookie)
    expect(first.body).toMatchObject({ ok: true, data: { status: 'created', streak: 1 } })
    await t.restart()
    // The session secret lives in the data dir: the same cookie still works.
    const summary = await t.call<{ ok: true; data: { today: string; todayRecord: { reflection: string } | null; streak: number } }>(
      'getCheckInSummary',
      {},
      cookie,
    )
    expect(summary.status).toBe(200)
    expect(summary.body.data).toMatchObject({ today: '2026-11-23', streak: 1, todayRecord: { reflection: '每天读一点' } })
    const again = await t.call('checkIn', {}, cookie)
    expect(again.body).toMatchObject({ ok: true, data: { status: 'already' } })
  })
})
