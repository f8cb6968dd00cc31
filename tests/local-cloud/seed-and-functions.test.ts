import type { Unit } from '../../types'
import type { Member } from '../../server/members'
import { articles as seedArticles } from '../../local-cloud/seed/articles'
import { AdminArticle } from '../../types'
import type { ArticleDoc, BookDoc } from '../../server/content/docs'
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

/** Every document of a collection, 1,000 at a time. */
async function every<T>(collection: string): Promise<T[]> {
  const out: T[] = []
  for (;;) {
    const { data } = await t.cloud.db.collection(collection).orderBy('_id', 'asc').skip(out.length).limit(1000).get()
    out.push(...(data as unknown as T[]))
    if (data.length < 1000) return out
  }
}

/** The members who studied all year (local-cloud/seed/history.ts). */
const YEAR_READERS = ['member-17', 'member-28', 'member-34']

describe('demo seed', () => {
  test('the first start seeds one 党委, two 党支部 and four 党小组 with readable ids', async () => {
    expect(t.cloud.seed).toEqual({
      seeded: true,
      units: 7,
      members: 42,
      invitations: 7,
      articles: 14,
      books: 6,
      questions: 76,
      examSitters: expect.any(Number),
      checkIns: expect.any(Number),
      readings: expect.any(Number),
    })
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
    expect(units.every((u) => u.archived === false)).toBe(true)
  })

  test('40 active members, ten per 党小组, each with a leader; admins for the 党委 and each 党支部', async () => {
    const members = (await all<Member>('members')).filter((m) => m.status !== 'pending')
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

  test('two pre-registered members wait to be claimed: no OPENID, a phone, no guard', async () => {
    const pending = (await all<Member>('members')).filter((m) => m.status === 'pending')
    expect(pending.map((m) => [m._id, m.name, m.groupId, m.openid])).toEqual([
      ['member-41', '欧阳宁', 'group-1-1', ''],
      ['member-42', '司马文', 'group-2-1', ''],
    ])
    for (const m of pending) expect(m.phone).toMatch(/^1\d{10}$/)
    // Every active member's OPENID is guarded, as if they had registered.
    const guards = await all<{ _id: string; memberId: string }>('openids')
    expect(guards).toHaveLength(40)
    expect(guards.find((g) => g._id === 'local-openid-7')).toMatchObject({ memberId: 'member-07' })
  })

  test('demo invitation codes: one roomy code per group, valid for a year from the seed clock, plus refusals to try', async () => {
    const codes = await all<{ _id: string; groupId: string; maxUses: number; uses: number; revoked: boolean; expiresAt: Date }>('invitations')
    const byCode = Object.fromEntries(codes.map((c) => [c._id, c]))
    for (const [code, groupId] of [
      ['XXQGA888', 'group-1-1'],
      ['XXQGB888', 'group-1-2'],
      ['XXQGC888', 'group-2-1'],
      ['XXQGD888', 'group-2-2'],
    ]) {
      expect(byCode[code]).toMatchObject({ groupId, maxUses: 200, uses: 0, revoked: false })
      expect(new Date(byCode[code].expiresAt).toISOString()).toBe('2027-11-23T16:00:00.000Z')
    }
    expect(byCode.XXQGA333).toMatchObject({ maxUses: 1 })
    expect(byCode.XXQREVKD).toMatchObject({ revoked: true })
    expect(new Date(byCode.XXQEXPRD.expiresAt).getTime()).toBeLessThanOrEqual(NOW.getTime())
    for (const c of codes) expect(c._id).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
  })

  test('two weeks of articles: pushed on the last Shanghai days before the clock, scheduled after it, queued', async () => {
    const articles = await all<ArticleDoc>('articles')
    expect(articles).toHaveLength(seedArticles.length)
    for (const a of articles) expect(AdminArticle.safeParse(a).error).toBeUndefined()
    expect(
      articles
        .filter((a) => a.status === 'scheduled')
        .map((a) => a.scheduledFor)
        .sort(),
    ).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    expect(articles.filter((a) => a.status === 'queued')).toHaveLength(2)
    const pushes = await all<{ _id: string; articleIds: string[] }>('pushes')
    expect(pushes.map((p) => p._id).sort()).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'])
    const published = articles.filter((a) => a.status === 'published')
    expect(
      published
        .map((a) => a.publishedOn)
        .sort()
        .reverse(),
    ).toEqual(['2026-11-23', '2026-11-22', '2026-11-21', '2026-11-20', '2026-11-19', '2026-11-18'])
    for (const a of articles) {
      expect(a.body.length).toBeGreaterThan(2)
      expect(['politics', 'economy', 'history', 'cultivation', 'practice']).toContain(a.categoryId)
    }
  })

  test('books with chapters in the categories, one required for the year for every 党支部', async () => {
    const categories = await all<{ name: string }>('categories')
    expect(categories.map((c) => c.name)).toEqual(expect.arrayContaining(['政治理论', '经济管理', '历史文化', '励志修养', '法律法规']))
    const books = await all<BookDoc>('books')
    expect(books).toHaveLength(6)
    expect(books.find((b) => b.required?.year === 2026 && b.required.branchIds.length === 0)).toBeDefined()
    const chapters = await every<{ bookId: string; order: number; minutes: number; speechPending?: true }>('chapters')
    for (const book of books) {
      const own = chapters.filter((c) => c.bookId === book._id).sort((a, b) => a.order - b.order)
      expect(own.map((c) => c.order)).toEqual(own.map((_, i) => i + 1))
      expect(own.length).toBeGreaterThanOrEqual(3)
      expect(book.chapterCount).toBe(own.length)
      expect(book.totalMinutes).toBe(own.reduce((sum, c) => sum + c.minutes, 0))
    }
    // The laws are long (the Civil Code alone reads in about six hours) and left to the phone to read aloud.
    const civilCode = chapters.filter((c) => c.bookId === 'book-civil-code')
    expect(civilCode.reduce((sum, c) => sum + c.minutes, 0)).toBeGreaterThan(300)
    expect(civilCode.some((c) => c.speechPending)).toBe(false)
    expect(chapters.filter((c) => c.bookId === 'book-method').every((c) => c.speechPending)).toBe(true)
  })

  test('two weeks of check-ins and reading before the seed’s day, each scored once in the ledger', async () => {
    const checkins = await every<{ _id: string; memberId: string; day: string }>('checkins')
    expect(checkins).toHaveLength(t.cloud.seed.checkIns)
    expect(t.cloud.seed.readings).toBeGreaterThan(0)
    const days = [...new Set(checkins.filter((c) => !YEAR_READERS.includes(c.memberId)).map((c) => c.day))].sort()
    expect(days[0]).toBe('2026-11-09')
    expect(days[days.length - 1]).toBe('2026-11-22')
    // Today is left to the members; the newcomers have no history at all.
    expect(new Set(checkins.map((c) => c.memberId)).size).toBeGreaterThan(30)
    expect(checkins.filter((c) => ['member-05', 'member-06', 'member-41'].includes(c.memberId))).toEqual([])

    const entries = await every<{ _id: string; kind: string; quantity: number; memberId: string }>('scoreEntries')
    expect(
      entries
        .filter((e) => e.kind === 'checkin')
        .map((e) => e._id)
        .sort(),
    ).toEqual(checkins.map((c) => `checkin_${c._id}`).sort())
    // Every credited second of the study ledgers is in the points ledger, once.
    const ledgers = await every<{ _id: string; days: Record<string, number> }>('studyLedgers')
    const credited = ledgers.reduce((sum, l) => sum + Object.values(l.days).reduce((a, b) => a + b, 0), 0)
    expect(credited).toBeGreaterThan(0)
    expect(entries.filter((e) => e.kind === 'studyTime').reduce((sum, e) => sum + e.quantity, 0)).toBe(credited)
    expect(entries.filter((e) => e.kind === 'chapterDone').length).toBeGreaterThan(0)
  })

  test('three members studied the books since May: their 我的 shows ★2 and ★1, earned by hours, required chapters and points', async () => {
    const checkins = await every<{ memberId: string; day: string }>('checkins')
    type Standing = { stars: number; hours: number; requiredChapters: number; points: number }
    const standings: Record<string, Standing> = {}
    for (const id of YEAR_READERS) {
      const days = checkins
        .filter((c) => c.memberId === id)
        .map((c) => c.day)
        .sort()
      // An evening about once a week, in the 26 weeks up to the two weeks of everyone's history: 11 May to 8 November.
      expect(days[0] >= '2026-05-11' && days[0] < '2026-06-01').toBe(true)
      expect(days.filter((d) => d <= '2026-11-08').length).toBeGreaterThan(15)
      const res = await t.call<{ ok: true; data: { standing: Standing } }>('getMyScore', {}, await t.signIn(id))
      standings[id] = res.body.data.standing
    }
    expect(standings['member-17']).toMatchObject({ stars: 2 })
    expect(standings['member-17'].hours).toBeGreaterThanOrEqual(20)
    expect(standings['member-17'].requiredChapters).toBeGreaterThanOrEqual(5)
    expect(standings['member-17'].points).toBeGreaterThanOrEqual(200)
    for (const id of ['member-28', 'member-34']) {
      expect(standings[id]).toMatchObject({ stars: 1 })
      expect(standings[id].hours).toBeGreaterThanOrEqual(10)
      expect(standings[id].hours).toBeLessThan(20)
    }
    // Everyone else is still on the way to their first star.
    const others = await t.call<{ ok: true; data: { standing: Standing } }>('getMyScore', {}, await t.signIn('member-11'))
    expect(others.body.data.standing.stars).toBe(0)
  })

  test('the leaderboards start with the history: the quarter by points and by hours', async () => {
    const cookie = await t.signIn('member-11')
    type Board = { top: { memberId: string; rank: number; value: number }[]; me: { memberId: string } }
    for (const metric of ['points', 'hours']) {
      const res = await t.call<{ ok: true; data: Board }>('getLeaderboard', { scope: 'org', period: 'quarter', metric }, cookie)
      const { top } = res.body.data
      expect(top.length).toBeGreaterThan(5)
      expect(top[0].rank).toBe(1)
      expect(top.every((row) => row.value > 0)).toBe(true)
      expect(top.map((row) => row.value)).toEqual([...top.map((row) => row.value)].sort((a, b) => b - a))
    }
  })

  test('a reconciliation right after seeding finds the totals exact: nothing repaired, nothing added to the ledger', async () => {
    const before = (await t.cloud.db.collection('scoreEntries').count()).total
    expect(await t.cloud.fire('reconcileScores')).toMatchObject({ ok: true, data: { checked: 42, repaired: 0, skipped: 0 } })
    expect((await t.cloud.db.collection('scoreEntries').count()).total).toBe(before)
    // Every visible seeded reply, and each featured one's featuring, is in the ledger once, to its author.
    const replies = (await every<{ _id: string; authorId: string; status: string; featured: boolean }>('replies')).filter((r) => r.status === 'visible')
    expect(replies.length).toBeGreaterThan(0)
    const entries = await every<{ _id: string; kind: string; memberId: string }>('scoreEntries')
    const replyEntries = entries.filter((e) => e.kind === 'reply' || e.kind === 'replyFeatured').map((e) => `${e._id}@${e.memberId}`)
    const expected = replies.flatMap((r) => [`reply_${r._id}@${r.authorId}`, ...(r.featured ? [`replyFeatured_${r._id}@${r.authorId}`] : [])])
    expect(replyEntries.sort()).toEqual(expected.sort())
    expect(replies.some((r) => r.featured)).toBe(true)
  })

  test('this week’s 每周一学 is composed and 定稿 by the seed: the Monday timer sends it, and members see its items', async () => {
    const lists = await all<{ _id: string; week: string; status: string; items: { kind: string; required: boolean }[] }>('weeklyLists')
    expect(lists).toEqual([expect.objectContaining({ week: '2026-11-23', status: 'scheduled' })])
    expect(lists[0].items.map((i) => `${i.kind}:${i.required}`)).toEqual(['article:true', 'chapter:true', 'chapter:true', 'chapter:false'])
    try {
      await t.setClock(new Date('2026-11-23T00:00:00Z'))
      expect((await t.fetch('/local/timers/weeklyDistribute/fire', { method: 'POST' })).status).toBe(200)
      const res = await t.call<{ ok: true; data: { list: { intro: string; items: unknown[] } | null } }>('getMyWeekly', {}, await t.signIn('member-05'))
      expect(res.body.data.list?.intro).toContain('学用结合')
      expect(res.body.data.list?.items).toHaveLength(4)
    } finally {
      await t.setClock(NOW)
    }
  })

  test('a restart on the same data dir seeds nothing and keeps changes', async () => {
    await t.cloud.db
      .collection('members')
      .doc('member-07')
      .update({ data: { name: '吴俊峰（已改名）' } })
    await t.cloud.db.collection('articles').doc('article-6').remove()
    await t.restart()
    expect(t.cloud.seed.seeded).toBe(false)
    expect((await t.cloud.db.collection('units').count()).total).toBe(7)
    expect((await t.cloud.db.collection('members').count()).total).toBe(42)
    expect((await t.cloud.db.collection('invitations').count()).total).toBe(7)
    expect((await t.cloud.db.collection('articles').count()).total).toBe(13)
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
      callerPass: expect.any(String),
      data: {
        memberId: 'member-05',
        name: '孙浩然',
        displayName: null,
        avatarUrl: null,
        largeFont: false,
        groupId: 'group-1-1',
        groupName: '第一党小组',
        branchId: 'branch-1',
        branchName: '机关第一党支部',
        roles: ['member'],
      },
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

  test('getToday answers the seeded push of today, then the days before, newest first', async () => {
    const cookie = await t.signIn('member-05')
    type Today = { today: string; push: { items: { _id: string }[] } | null; recent: { day: string }[] }
    const res = await t.call<{ ok: true; data: Today }>('getToday', {}, cookie)
    expect(res.body.data.today).toBe('2026-11-23')
    expect(res.body.data.push?.items.map((a) => a._id)).toEqual(['article-1'])
    expect(res.body.data.recent.map((d) => d.day).slice(0, 2)).toEqual(['2026-11-22', '2026-11-21'])
  })

  test('a check-in persists across stop and start', async () => {
    const cookie = await t.signIn('member-12')
    // The seeded history may hold a check-in yesterday: the streak goes on from it.
    const { data: yesterday } = await t.cloud.db.collection('checkins').where({ _id: 'member-12_2026-11-22' }).get()
    const streak = ((yesterday[0]?.streak as number | undefined) ?? 0) + 1
    const first = await t.call<{ ok: true; data: { status: string; streak: number } }>('checkIn', { reflection: '每天读一点' }, cookie)
    expect(first.body).toMatchObject({ ok: true, data: { status: 'created', streak } })
    await t.restart()
    // The session secret lives in the data dir: the same cookie still works.
    const summary = await t.call<{ ok: true; data: { today: string; todayRecord: { reflection: string } | null; streak: number } }>(
      'getCheckInSummary',
      {},
      cookie,
    )
    expect(summary.status).toBe(200)
    expect(summary.body.data).toMatchObject({ today: '2026-11-23', streak, todayRecord: { reflection: '每天读一点' } })
    const again = await t.call('checkIn', {}, cookie)
    expect(again.body).toMatchObject({ ok: true, data: { status: 'already' } })
  })
})

describe('registering in the browser as「一个新的微信用户」', () => {
  test('the sign-in page offers a new WeChat user, the demo codes and the records waiting to be claimed', async () => {
    const html = await (await t.fetch('/local/signin')).text()
    expect(html).toContain('一个新的微信用户')
    expect(html).toMatch(/name="newUser"/)
    for (const code of ['XXQGA888', 'XXQGB888', 'XXQGC888', 'XXQGD888', 'XXQEXPRD', 'XXQREVKD']) expect(html).toContain(code)
    expect(html).toContain('演示邀请码')
    expect(html).toMatch(/待认领：<strong>欧阳宁<\/strong>（第一党小组）/)
    // Pre-registered records are not sign-in buttons: they have no WeChat user yet.
    expect(html).not.toMatch(/name="memberId" value="member-41"/)
  })

  test('a new user gets a fresh OPENID with no record, reaches the app, registers, and is then a member', async () => {
    const cookie = await t.signInNewUser()
    const again = await t.signInNewUser()
    expect(again).not.toBe(cookie)
    expect((await t.call('getMe', {}, cookie)).body).toMatchObject({ ok: false, code: 'NOT_REGISTERED' })
    expect(await (await t.fetch('/local/signin', { headers: { cookie } })).text()).toContain('当前登录：<strong>一个新的微信用户（尚未注册）</strong>')

    const registered = await t.call('register', { name: '陈新来', code: 'xxqgb888' }, cookie)
    expect(registered.body).toMatchObject({ ok: true, data: { status: 'created', me: { name: '陈新来', groupName: '第二党小组' } } })
    expect((await t.call('getMe', {}, cookie)).body).toMatchObject({ ok: true, data: { name: '陈新来' } })
    expect(t.logs.some((line) => /\[登录\] 一个新的微信用户（local-new-[0-9a-f]{16}）/.test(line))).toBe(true)
    // Now listed on the sign-in page under their group.
    expect(await (await t.fetch('/local/signin')).text()).toContain('陈新来')
  })

  test('a new user claims a pre-registered record with its name and the group’s code', async () => {
    const cookie = await t.signInNewUser()
    const claimed = await t.call('register', { name: '司马文', code: 'XXQGC888' }, cookie)
    expect(claimed.body).toMatchObject({ ok: true, data: { status: 'claimed', me: { memberId: 'member-42' } } })
  })

  test('the demo refusals: expired, revoked, and a single-use code used twice', async () => {
    const cookie = await t.signInNewUser()
    expect((await t.call('register', { name: '陈一', code: 'XXQEXPRD' }, cookie)).body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('已过期'),
    })
    expect((await t.call('register', { name: '陈一', code: 'XXQREVKD' }, cookie)).body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('已作废'),
    })
    expect((await t.call('register', { name: '陈一', code: 'XXQGA333' }, cookie)).body).toMatchObject({ ok: true })
    const other = await t.signInNewUser()
    expect((await t.call('register', { name: '陈二', code: 'XXQGA333' }, other)).body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('次数已满'),
    })
  })
})
