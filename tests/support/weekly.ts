import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { scheduleWeeklyList } from '../../server/actions/scheduleWeeklyList'
import { SUBSCRIPTIONS } from '../../server/notify/grants'
import type { ActionInput, StudyKind, TemplateKey, WeeklyList } from '../../types'
import { openTestCloud, type TestCloud } from './cloud'
import { addBook } from './content'
import { addPublishedArticle, advance, ok, openReader, readFor } from './study'

/** Monday 2026-11-23 08:00 in Beijing. */
export const MONDAY_8 = '2026-11-23T00:00:00Z'
export const WEEK = '2026-11-23'

/** Two published one-minute articles (`wk-a1`, `wk-a2`) and a book `wk-book` with two chapters. */
export async function addWeeklyContent(cloud: TestCloud): Promise<void> {
  await addPublishedArticle(cloud, 'wk-a1', { title: '学习党章' })
  await addPublishedArticle(cloud, 'wk-a2', { title: '选读文章' })
  await addBook(cloud.db, { _id: 'wk-book', title: '必读书' })
}

export const weeklyInput = (over: Partial<ActionInput<'saveWeeklyList'>> = {}): ActionInput<'saveWeeklyList'> => ({
  week: WEEK,
  intro: '本周学习党章和必读书第一章',
  items: [
    { kind: 'article', refId: 'wk-a1', required: true },
    { kind: 'chapter', refId: 'wk-book-c1', required: true },
    { kind: 'article', refId: 'wk-a2', required: false },
    { kind: 'link', title: '学习强国专题', url: 'https://www.xuexi.cn/', required: false },
  ],
  ...over,
})

/** A list saved and scheduled by the organisation's admin (`org` of the cast). */
export async function scheduledList(cloud: TestCloud, over: Partial<ActionInput<'saveWeeklyList'>> = {}): Promise<WeeklyList> {
  const list = ok(await cloud.call(saveWeeklyList, 'wx-org', weeklyInput(over)))
  return ok(await cloud.call(scheduleWeeklyList, 'wx-org', { id: list._id, scheduled: true }))
}

/** Unused grants for a template, as if the member had accepted the subscribe prompt. */
export const grant = (cloud: TestCloud, memberId: string, templateKey: TemplateKey, available = 1) =>
  cloud.db.collection(SUBSCRIPTIONS).add({
    data: {
      _id: `${memberId}_${templateKey}`,
      memberId,
      templateKey,
      available,
      accepted: available,
      rejected: 0,
      lastAnswer: 'accepted',
      lastAnswerAt: '2026-11-01T00:00:00Z',
    },
  })

/** A test cloud with the cast and the weekly content, the jobs' logs silenced (restore mocks after). */
export async function openWeeklyCloud(at: string): Promise<TestCloud> {
  const cloud = await openTestCloud(at)
  await cloud.addCast()
  await addWeeklyContent(cloud)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  return cloud
}

/** Reads a one-minute article or chapter to its end: completed by the reading rules. */
export async function completeReading(cloud: TestCloud, member: string, kind: StudyKind, id: string): Promise<void> {
  const reader = openReader(cloud, member, kind, id)
  await readFor(cloud, reader, 45)
  advance(cloud, 15)
  expect(await reader.beat({ atEnd: true })).toMatchObject({ completed: true })
}
