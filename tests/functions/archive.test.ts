import { openXlsx } from '../support/spreadsheets'
import { checkIn } from '../../server/actions/checkIn'
import { exportMemberArchive } from '../../server/actions/exportMemberArchive'
import { getMemberArchive } from '../../server/actions/getMemberArchive'
import { ARCHIVE_HEADERS } from '../../server/reports/archive'
import { readLocalFile } from '../../server/files/local-files'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { submitReflection } from '../../server/actions/submitReflection'
import { addBook, addCategories } from '../support/content'
import { oneQuestionExam } from '../support/exams'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addPublishedArticle, ok } from '../support/study'
import { completeReading } from '../support/weekly'

/** 电子档案: a member's year as its parts recorded it. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-24T02:00:00Z')
  await cloud.addCast()
  await addCategories(cloud.db)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const at = (iso: string) => cloud.clock.fix(new Date(iso))

it('holds the year’s study by category, books completed, check-ins, exams, reflections, points and stars', async () => {
  await addBook(cloud.db, { _id: 'book-a', title: '一本书', categoryId: 'history' }, 1)
  await addPublishedArticle(cloud, 'a1', { title: '一篇文章', categoryId: 'economy' })
  await completeReading(cloud, 'm1', 'chapter', 'book-a-c1')
  ok(await cloud.call(checkIn, 'wx-m1', {}))
  at('2026-11-25T02:00:00Z')
  ok(await cloud.call(checkIn, 'wx-m1', {}))
  const { exam, sit } = await oneQuestionExam(cloud, {
    title: '十一月考核',
    unitId: 'committee',
    opensAt: '2026-11-25T08:00:00+08:00',
    closesAt: '2026-11-30T18:00:00+08:00',
  })
  await sit('m1', 0)
  const body = '读了这篇文章，我体会到读原著不能图快。以前我总是一口气读完，只记住几个标题；这周我一段一段地读，每段停下来问自己讲了什么。'
  const reflection = ok(await cloud.call(submitReflection, 'wx-m1', { target: { kind: 'article', id: 'a1' }, body, requestKey: 'archive-reflection' }))
  ok(await cloud.call(reviewReflection, 'wx-lead1', { id: reflection._id, decision: 'approve', featured: true }))

  const archive = ok(await cloud.call(getMemberArchive, 'wx-m1', {}))
  expect(archive.member).toEqual({ memberId: 'm1', name: '李党员', groupName: '第一党小组', branchName: '第一党支部' })
  expect(archive.years).toHaveLength(1)
  const year = archive.years[0]
  expect(year).toMatchObject({
    year: 2026,
    byCategory: [{ categoryId: 'history', categoryName: '历史文化', seconds: year.studySeconds }],
    booksCompleted: [{ bookId: 'book-a', title: '一本书' }],
    checkInDays: 2,
    longestStreak: 2,
    exams: [{ examId: exam._id, title: '十一月考核', best: 100, passed: true }],
    reflectionsApproved: 1,
    reflectionsFeatured: 1,
    starsFrozen: false,
  })
  expect(year.studySeconds).toBeGreaterThan(0)
  // Points: two check-ins (2 each), the chapter and its book, the study time, the reflection (5).
  expect(year.points).toBeGreaterThanOrEqual(2 + 2 + 5)
  // The leader opens it for their group; another branch's admin may not.
  expect(ok(await cloud.call(getMemberArchive, 'wx-lead1', { memberId: 'm1' })).years[0].checkInDays).toBe(2)
  expect(await cloud.call(getMemberArchive, 'wx-ba2', { memberId: 'm1' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('shows this year even with nothing in it yet', async () => {
  const archive = ok(await cloud.call(getMemberArchive, 'wx-t2', {}))
  expect(archive.years).toEqual([expect.objectContaining({ year: 2026, studySeconds: 0, checkInDays: 0, exams: [], points: 0, stars: 0 })])
})

describe('导出学习档案', () => {
  const download = async (url: string) => (await readLocalFile(cloud.db, url.split('/').pop()!, cloud.clock.now()))!

  it('gives a row per member of the unit for the year, the same figures as each archive, opened back from .xlsx', async () => {
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    at('2026-11-25T02:00:00Z')
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    ok(await cloud.call(checkIn, 'wx-t2', {}))
    const { sit } = await oneQuestionExam(cloud, {
      title: '十一月考核',
      unitId: 'committee',
      opensAt: '2026-11-25T08:00:00+08:00',
      closesAt: '2026-11-30T18:00:00+08:00',
    })
    await sit('m1', 0)
    await sit('t1', 1)

    const answer = ok(await cloud.call(exportMemberArchive, 'wx-ba1', { format: 'xlsx' }))
    expect(answer).toMatchObject({ fileName: '学习档案-第一党支部-2026.xlsx', rows: 6 })
    const { rows } = await openXlsx((await download(answer.url)).bytes)
    expect(rows[0]).toEqual(ARCHIVE_HEADERS)
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]))
    const m1 = ok(await cloud.call(getMemberArchive, 'wx-m1', {})).years[0]
    expect(byName.get('李党员')).toEqual(['李党员', '第一党支部', '第一党小组', 2026, 0, 0, 0, 2, 2, '1/1', '0/0', 0, 0, m1.points, m1.stars, '否'])
    expect(byName.get('赵一')?.[9]).toBe('0/1')
    expect(byName.get('钱二')).toEqual(expect.arrayContaining(['第二党小组', 1]))
    // A leader exports their group; a member nothing.
    expect(ok(await cloud.call(exportMemberArchive, 'wx-lead1', { format: 'csv' }))).toMatchObject({ rows: 5 })
    expect(await cloud.call(exportMemberArchive, 'wx-m1', { format: 'csv' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
