import { checkIn } from '../../server/actions/checkIn'
import { getCheckInSummary } from '../../server/actions/getCheckInSummary'
import { CHECKINS } from '../../server/checkin'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { recordTrips } from '../support/interrupt'

// Monday 2026-11-23, 10:00 in Shanghai.
const MONDAY_10AM = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY_10AM)
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1', name: '王建华' })
  await cloud.addMember({ _id: 'm2', openid: 'wx-m2', name: '李秀英' })
})
afterEach(() => cloud.close())

describe('checkIn', () => {
  it('records a check-in for the caller on the Shanghai day, with the reflection', async () => {
    const result = await cloud.call(checkIn, 'wx-m1', { reflection: '  今天读了《论持久战》第一章。 ' })

    expect(result).toEqual({
      ok: true,
      callerPass: expect.any(String),
      data: {
        status: 'created',
        streak: 1,
        record: {
          _id: 'm1_2026-11-23',
          memberId: 'm1',
          day: '2026-11-23',
          reflection: '今天读了《论持久战》第一章。',
          streak: 1,
          createdAt: '2026-11-23T02:00:00.000Z',
        },
      },
    })
    const docs = await allDocs(cloud.db, CHECKINS)
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ memberId: 'm1', day: '2026-11-23' })
  })

  it('survives a restart of the store once acknowledged', async () => {
    await cloud.call(checkIn, 'wx-m1', {})
    await cloud.restart()
    const summary = await cloud.call(getCheckInSummary, 'wx-m1', {})
    expect(summary).toMatchObject({ ok: true, data: { todayRecord: { day: '2026-11-23' }, streak: 1 } })
  })

  it('answers a repeat the same day with the existing record and writes nothing', async () => {
    await cloud.call(checkIn, 'wx-m1', { reflection: '第一次' })
    cloud.clock.fix(new Date('2026-11-23T15:59:59Z')) // 23:59:59 the same Shanghai day

    const again = await cloud.call(checkIn, 'wx-m1', { reflection: '第二次' })

    expect(again).toMatchObject({ ok: true, data: { status: 'already', streak: 1, record: { reflection: '第一次' } } })
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(1)
  })

  it('opens a new day at Shanghai midnight (16:00Z) and extends the streak', async () => {
    await cloud.call(checkIn, 'wx-m1', {})
    cloud.clock.fix(new Date('2026-11-23T16:00:00Z')) // 00:00 on the 24th in Shanghai

    const next = await cloud.call(checkIn, 'wx-m1', {})

    expect(next).toMatchObject({ ok: true, data: { status: 'created', streak: 2, record: { day: '2026-11-24' } } })
  })

  it('restarts the streak at 1 after a missed day', async () => {
    await cloud.call(checkIn, 'wx-m1', {})
    cloud.clock.fix(new Date('2026-11-25T02:00:00Z'))
    expect(await cloud.call(checkIn, 'wx-m1', {})).toMatchObject({ data: { status: 'created', streak: 1 } })
  })

  it('creates exactly one record from twenty concurrent identical requests', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => cloud.call(checkIn, 'wx-m1', { reflection: '同时提交' })))

    expect(results.every((r) => r.ok)).toBe(true)
    const statuses = results.map((r) => (r.ok ? r.data.status : r.code))
    expect(statuses.filter((s) => s === 'created')).toHaveLength(1)
    expect(statuses.filter((s) => s === 'already')).toHaveLength(19)
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(1)
  })

  it('keeps members apart: each checks in for themself', async () => {
    await cloud.call(checkIn, 'wx-m1', {})
    const other = await cloud.call(checkIn, 'wx-m2', {})
    expect(other).toMatchObject({ ok: true, data: { status: 'created', record: { memberId: 'm2' } } })
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(2)
  })

  it('takes identity from the context only: payload identity fields are refused, userInfo is ignored', async () => {
    const forged = await cloud.call(checkIn, 'wx-m1', { memberId: 'm2', openid: 'wx-m2' })
    expect(forged).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    // WeChat adds userInfo to every mini-program call; it never decides who the caller is.
    const withUserInfo = await cloud.call(checkIn, 'wx-m1', { userInfo: { openId: 'wx-m2', appId: 'wx1' } })
    expect(withUserInfo).toMatchObject({ ok: true, data: { record: { memberId: 'm1' } } })
  })

  it('refuses a caller who has not registered, and one with no identity, writing nothing', async () => {
    expect(await cloud.call(checkIn, 'wx-stranger', {})).toEqual({
      ok: false,
      code: 'NOT_REGISTERED',
      message: expect.stringContaining('注册'),
    })
    expect(await cloud.call(checkIn, undefined, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(0)
  })

  it('refuses a deactivated member', async () => {
    await cloud.addMember({ _id: 'm3', openid: 'wx-m3', status: 'inactive' })
    expect(await cloud.call(checkIn, 'wx-m3', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(0)
  })

  describe('bad input: INVALID_INPUT with a readable message, nothing written', () => {
    it.each([
      ['a reflection of the wrong type', { reflection: 42 }, '应为文字'],
      ['an extra field', { reflection: '好', mood: 'happy' }, 'mood'],
      ['a reflection over 500 characters', { reflection: '学'.repeat(501) }, '最多 500 字'],
      ['a payload that is not an object', '打卡', ''],
      ['a list instead of an object', [{ reflection: '好' }], ''],
    ])('%s', async (_case, event, messagePart) => {
      const result = await cloud.call(checkIn, 'wx-m1', event)
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      if (!result.ok) {
        expect(result.message).toContain(messagePart)
        expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(0)
    })

    it('accepts exactly 500 characters, counting emoji as one each', async () => {
      const reflection = '学'.repeat(498) + '👍👍'
      const result = await cloud.call(checkIn, 'wx-m1', { reflection })
      expect(result).toMatchObject({ ok: true, data: { record: { reflection } } })
    })
  })
})

describe('getCheckInSummary', () => {
  it('gives an empty state before any check-in', async () => {
    const result = await cloud.call(getCheckInSummary, 'wx-m1', {})
    expect(result).toEqual({
      ok: true,
      callerPass: expect.any(String),
      data: {
        today: '2026-11-23',
        todayRecord: null,
        streak: 0,
        month: '2026-11',
        firstWeekday: 6,
        daysInMonth: 30,
        checkedDays: [],
        reflections: [],
      },
    })
  })

  it("gives back a month's reflections to read again, by day; a check-in without one adds none", async () => {
    cloud.clock.fix(new Date('2026-10-30T01:00:00Z'))
    await cloud.call(checkIn, 'wx-m1', { reflection: '十月底的体会' })
    cloud.clock.fix(new Date('2026-10-31T01:00:00Z'))
    await cloud.call(checkIn, 'wx-m1', {})
    cloud.clock.fix(new Date('2026-11-23T02:00:00Z'))
    expect(await cloud.call(getCheckInSummary, 'wx-m1', { month: '2026-10' })).toMatchObject({
      ok: true,
      data: { checkedDays: ['2026-10-30', '2026-10-31'], reflections: [{ day: '2026-10-30', text: '十月底的体会' }] },
    })
  })

  it("lists this month's check-in days and keeps yesterday's streak alive until today ends", async () => {
    for (const at of ['2026-10-31T01:00:00Z', '2026-11-01T01:00:00Z', '2026-11-02T01:00:00Z']) {
      cloud.clock.fix(new Date(at))
      await cloud.call(checkIn, 'wx-m1', {})
    }
    cloud.clock.fix(new Date('2026-11-03T15:00:00Z')) // 23:00 on the 3rd, not checked in yet

    const result = await cloud.call(getCheckInSummary, 'wx-m1', {})

    expect(result).toMatchObject({
      ok: true,
      data: { today: '2026-11-03', todayRecord: null, streak: 3, checkedDays: ['2026-11-01', '2026-11-02'] },
    })
    const october = await cloud.call(getCheckInSummary, 'wx-m1', { month: '2026-10' })
    expect(october).toMatchObject({ ok: true, data: { month: '2026-10', daysInMonth: 31, checkedDays: ['2026-10-31'] } })

    cloud.clock.fix(new Date('2026-11-04T16:00:00Z')) // a whole day missed
    expect(await cloud.call(getCheckInSummary, 'wx-m1', {})).toMatchObject({ data: { streak: 0 } })
  })

  it('on the first of a month counts yesterday (last month) in the streak but not in the month, from one read of the check-ins', async () => {
    for (const at of ['2026-10-31T01:00:00Z', '2026-11-01T01:00:00Z']) {
      cloud.clock.fix(new Date(at))
      await cloud.call(checkIn, 'wx-m1', { reflection: at.slice(0, 10) })
    }
    const { result: november, trips } = await recordTrips(cloud, () => cloud.call(getCheckInSummary, 'wx-m1', {}))
    expect(november).toMatchObject({
      ok: true,
      data: { today: '2026-11-01', todayRecord: { day: '2026-11-01' }, streak: 2, checkedDays: ['2026-11-01'], reflections: [{ day: '2026-11-01' }] },
    })
    expect(trips).toEqual(['get members', 'get checkins'])
    // Another month shown: today's record and streak are still today's.
    expect(await cloud.call(getCheckInSummary, 'wx-m1', { month: '2026-09' })).toMatchObject({
      data: { month: '2026-09', todayRecord: { day: '2026-11-01' }, streak: 2, checkedDays: [] },
    })
  })

  it("never shows another member's days", async () => {
    await cloud.call(checkIn, 'wx-m2', {})
    expect(await cloud.call(getCheckInSummary, 'wx-m1', {})).toMatchObject({ data: { checkedDays: [], streak: 0 } })
  })

  it('refuses a malformed month', async () => {
    expect(await cloud.call(getCheckInSummary, 'wx-m1', { month: '2026-13' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('YYYY-MM'),
    })
  })
})
