import { getMyStudy } from '../../server/actions/getMyStudy'
import { getStudyRules } from '../../server/actions/getStudyRules'
import { STUDY_SETTINGS, STUDY_SETTINGS_ID } from '../../server/study/rules'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addBook, addCategories } from '../support/content'
import { addPublishedArticle, advance, ok, openReader, readFor } from '../support/study'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z') // Monday 10:00 Shanghai
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1' }) // branch-1
  await cloud.addMember({ _id: 'm3', openid: 'wx-m3', groupId: 'group-3', branchId: 'branch-2' })
  await addCategories(cloud.db)
  await addPublishedArticle(cloud, 'politics', { minutes: 60, categoryId: 'politics' })
  await addPublishedArticle(cloud, 'economy', { minutes: 60, categoryId: 'economy' })
})
afterEach(() => cloud.close())

const myStudy = async (member = 'm1') => ok(await cloud.call(getMyStudy, `wx-${member}`, {}))
const at = (iso: string) => cloud.clock.fix(new Date(iso))
/** Reads article `id` from `iso` for `seconds`; answers the seconds the heartbeats credited. */
const session = async (iso: string, id: string, seconds: number) => {
  at(iso)
  const answers = await readFor(cloud, openReader(cloud, 'm1', 'article', id), seconds)
  return answers.reduce((n, a) => n + a.creditedSeconds, 0)
}

describe('我的学习', () => {
  it('is all zero before any study', async () => {
    const mine = await myStudy()
    expect(mine).toMatchObject({
      today: '2026-11-23',
      year: { key: '2026', seconds: 0 },
      quarter: { key: '2026-Q4', seconds: 0 },
      week: { key: '2026-11-23', seconds: 0 },
      todaySeconds: 0,
      byCategory: [],
      booksCompleted: [],
      requiredBooks: [],
      weeklyTarget: { minutes: 30, met: false },
    })
    expect(mine.last15Days).toHaveLength(15)
    expect(mine.last15Days[0]).toEqual({ day: '2026-11-09', seconds: 0 })
  })

  it('adds up to exactly the seconds the heartbeats credited, by year, quarter, week, day and category', async () => {
    const credited = [
      await session('2026-03-10T02:00:00Z', 'politics', 600), // Q1
      await session('2026-11-10T02:00:00Z', 'economy', 300), // 13 days ago
      await session('2026-11-22T02:00:00Z', 'politics', 95), // Sunday: last week
      await session('2026-11-23T02:00:00Z', 'economy', 127), // Monday: this week
      await session('2026-11-23T05:00:00Z', 'politics', 45),
    ]
    expect(credited).toEqual([600, 300, 95, 127, 45])
    const mine = await myStudy()
    expect(mine).toMatchObject({
      year: { key: '2026', seconds: 1167 },
      quarter: { key: '2026-Q4', seconds: 567 },
      week: { key: '2026-11-23', seconds: 172 },
      todaySeconds: 172,
      byCategory: [
        { categoryId: 'politics', categoryName: '政治理论', seconds: 740 },
        { categoryId: 'economy', categoryName: '经济管理', seconds: 427 },
      ],
    })
    const chart = Object.fromEntries(mine.last15Days.filter((d) => d.seconds > 0).map((d) => [d.day, d.seconds]))
    expect(chart).toEqual({ '2026-11-10': 300, '2026-11-22': 95, '2026-11-23': 172 })
    expect(mine.last15Days.map((d) => d.day)).toEqual(Array.from({ length: 15 }, (_, i) => `2026-11-${String(9 + i).padStart(2, '0')}`))
  })

  it('starts a new year, quarter and day at Shanghai midnight, and keeps the week that spans them', async () => {
    at('2026-12-31T15:59:50Z') // 23:59:50 Thursday
    const reader = openReader(cloud, 'm1', 'article', 'politics')
    await reader.beat()
    advance(cloud, 20)
    await reader.beat()
    expect(await myStudy()).toMatchObject({
      today: '2027-01-01',
      year: { key: '2027', seconds: 10 },
      quarter: { key: '2027-Q1', seconds: 10 },
      week: { key: '2026-12-28', seconds: 20 },
      todaySeconds: 10,
      byCategory: [{ categoryId: 'politics', seconds: 10 }],
    })
    expect((await myStudy()).last15Days.slice(-2)).toEqual([
      { day: '2026-12-31', seconds: 10 },
      { day: '2027-01-01', seconds: 10 },
    ])
  })
})

describe('the weekly target', () => {
  it('is met by 30 minutes in the week, and starts again on Monday at 00:00 Shanghai', async () => {
    expect(await session('2026-11-29T15:00:00Z', 'politics', 1795)).toBe(1795) // Sunday 23:00
    expect((await myStudy()).weeklyTarget).toEqual({ minutes: 30, met: false })
    advance(cloud, 5)
    // The same page, 5 s later: the target's last seconds.
    await session(cloud.clock.now().toISOString(), 'politics', 5)
    expect(await myStudy()).toMatchObject({ week: { key: '2026-11-23', seconds: 1800 }, weeklyTarget: { met: true } })

    at('2026-11-29T15:59:50Z') // 23:59:50 Sunday
    const reader = openReader(cloud, 'm1', 'article', 'economy')
    await reader.beat()
    advance(cloud, 20) // 00:00:10 Monday
    await reader.beat()
    expect(await myStudy()).toMatchObject({ week: { key: '2026-11-30', seconds: 10 }, weeklyTarget: { minutes: 30, met: false } })
    at('2026-11-29T15:59:59Z')
    expect(await myStudy()).toMatchObject({ week: { key: '2026-11-23', seconds: 1810 }, weeklyTarget: { met: true } })
  })

  it('follows the organisation’s setting, on the rules page too', async () => {
    await cloud.db.collection(STUDY_SETTINGS).add({ data: { _id: STUDY_SETTINGS_ID, weeklyTargetMinutes: 10 } })
    await session('2026-11-23T02:00:00Z', 'politics', 600)
    expect((await myStudy()).weeklyTarget).toEqual({ minutes: 10, met: true })
    const rules = ok(await cloud.call(getStudyRules, 'wx-m1', {}))
    expect(rules.weeklyTargetMinutes).toBe(10)
    expect(rules.sentences.join('')).toContain('每周（周一至周日）学习 10 分钟')
  })

  it('ignores a setting that is not a whole number of minutes', async () => {
    await cloud.db.collection(STUDY_SETTINGS).add({ data: { _id: STUDY_SETTINGS_ID, weeklyTargetMinutes: 'lots' } })
    expect((await myStudy()).weeklyTarget.minutes).toBe(30)
  })
})

describe('required books', () => {
  beforeEach(async () => {
    await addBook(cloud.db, { _id: 'req-all', title: '1 全体必修', required: { year: 2026, branchIds: [] } }, 2)
    await addBook(cloud.db, { _id: 'req-b1', title: '2 一支部必修', required: { year: 2026, branchIds: ['branch-1'] } }, 2)
    await addBook(cloud.db, { _id: 'req-b2', title: '3 二支部必修', required: { year: 2026, branchIds: ['branch-2'] } }, 2)
    await addBook(cloud.db, { _id: 'req-2025', title: '4 去年必修', required: { year: 2025, branchIds: [] } }, 2)
    await addBook(cloud.db, { _id: 'req-draft', title: '5 未上架', status: 'draft', required: { year: 2026, branchIds: [] } }, 2)
  })

  it('lists this year’s required books of the member’s 党支部, with chapter progress', async () => {
    const reader = openReader(cloud, 'm1', 'chapter', 'req-b1-c1')
    await reader.beat()
    for (let i = 0; i < 4; i++) {
      advance(cloud, 15)
      await reader.beat({ atEnd: true })
    }
    expect((await myStudy('m1')).requiredBooks).toEqual([
      { bookId: 'req-all', title: '1 全体必修', completedChapters: 0, chapterCount: 2, completed: false, completedAt: null },
      { bookId: 'req-b1', title: '2 一支部必修', completedChapters: 1, chapterCount: 2, completed: false, completedAt: null },
    ])
    expect((await myStudy('m3')).requiredBooks.map((b) => b.bookId)).toEqual(['req-all', 'req-b2'])
  })
})
