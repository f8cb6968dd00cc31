/**
 * The batch jobs for the bench organisation (10,000 members by default, BENCH_MEMBERS to change):
 * 每日推送 with its message, 每周一学 distribution and its Sunday reminder, the quarterly report: wall
 * time and database round trips of a first run and of a repeated run (which must find everything
 * done), in a temporary local store. Messages are WeChat calls, one per member: counted apart.
 */
import { CHECKINS } from '../../server/checkin'
import type { CloudDatabase } from '../../server/db/types'
import { outboxMessenger } from '../../server/notify/messenger'
import { SUBSCRIPTIONS } from '../../server/notify/grants'
import { runQuarterReport } from '../../server/reports/report'
import { STUDY_LEDGERS, type LedgerDoc } from '../../server/study/ledger'
import { ARTICLES, type ArticleDoc } from '../../server/content/docs'
import { runDailyPush } from '../../server/push/daily-push'
import { runWeeklyDistribution } from '../../server/weekly/distribute'
import { runWeeklyReminder } from '../../server/weekly/remind'
import { WEEKLY_LISTS, type WeeklyListDoc } from '../../server/weekly/docs'
import type { WeeklyItem } from '../../types'
import { countingDatabase, figure, seconds, printUnserved, temporaryStore, type BenchModule } from './bench'
import { addAll, memberDoc, seedUnitsAndMembers } from './scoring'

const MEMBER_COUNT = Number(process.env.BENCH_MEMBERS || 10_000)
const WEEK = '2026-11-23'
/** Monday 07:30 and 08:00, Sunday 18:00 and the next quarter's first day, 00:10, in Beijing. */
const MONDAY_730 = new Date('2026-11-22T23:30:00Z')
const MONDAY_8 = new Date('2026-11-23T00:00:00Z')
const SUNDAY_18 = new Date('2026-11-29T10:00:00Z')
const NEW_QUARTER = new Date('2026-12-31T16:10:00Z')
const CHECK_IN_DAYS = 10
const TEMPLATES = ['dailyStudy', 'weeklyList', 'studyNudge'] as const

const item = (key: string, refId: string, required: boolean): WeeklyItem => ({
  key,
  kind: 'article',
  refId,
  title: `文章${refId}`,
  bookTitle: null,
  url: null,
  minutes: 5,
  required,
})

/** The day's article, scheduled for Monday's push. */
const article: ArticleDoc = {
  _id: 'push-bench',
  title: '今日学习',
  summary: '摘要',
  body: [{ type: 'paragraph', text: '学习型党组织建设要坚持学以致用。' }],
  source: '学习圈编辑部',
  categoryId: 'theory',
  minutes: 5,
  status: 'scheduled',
  scheduledFor: WEEK,
  recommended: false,
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
}

const list: WeeklyListDoc = {
  _id: 'weekly-bench',
  week: WEEK,
  intro: '本周学习',
  targetMinutes: 30,
  branchIds: [],
  items: [item('i1', 'a1', true), item('i2', 'a2', true), item('i3', 'a3', false)],
  status: 'scheduled',
  publishedTo: null,
  createdBy: 'bench',
  createdAt: '2026-11-20T00:00:00Z',
  updatedAt: '2026-11-20T00:00:00Z',
}

/** Every other member read the first item; a third asked for each kind of message; check-ins on 10 days. */
async function seedStudy(db: CloudDatabase): Promise<void> {
  const ids = Array.from({ length: MEMBER_COUNT }, (_, i) => memberDoc(i)._id)
  const done = new Date('2026-11-24T02:00:00Z')
  await addAll(
    db,
    STUDY_LEDGERS,
    ids.map((id, i): Partial<LedgerDoc> & { _id: string } => ({
      _id: id,
      memberId: id,
      quarters: { '2026-Q4': 1200 + (i % 50) * 60 },
      weeks: { [WEEK]: (i % 50) * 60 },
      items:
        i % 2 ? {} : { a_a1: { kind: 'article', id: 'a1', bookId: null, s: 300, pos: 1, end: true, done: true, doneAt: done, at: done, day: '2026-11-24' } },
    })),
  )
  await addAll(
    db,
    SUBSCRIPTIONS,
    ids
      .filter((_, i) => i % 3 === 0)
      .flatMap((memberId) => TEMPLATES.map((templateKey) => ({ memberId, templateKey })))
      .map(({ memberId, templateKey }) => ({
        _id: `${memberId}_${templateKey}`,
        memberId,
        templateKey,
        available: 1,
        accepted: 1,
        rejected: 0,
        lastAnswer: 'accepted',
        lastAnswerAt: '2026-11-01T00:00:00Z',
      })),
  )
  const days = Array.from({ length: CHECK_IN_DAYS }, (_, d) => `2026-11-${String(10 + d).padStart(2, '0')}`)
  await addAll(
    db,
    CHECKINS,
    ids.flatMap((memberId, i) =>
      days
        .filter((_, d) => (i + d) % 3 !== 0)
        .map((day) => ({ _id: `${memberId}_${day}`, memberId, day, reflection: '', streak: 1, createdAt: `${day}T01:00:00Z` })),
    ),
  )
}

async function measure<T>(label: string, db: CloudDatabase, run: (db: CloudDatabase) => Promise<T>): Promise<T> {
  const counted = countingDatabase(db)
  const started = performance.now()
  const result = await run(counted.db)
  const wall = performance.now() - started
  figure(`${label}: wall time`, seconds(wall))
  figure(`${label}: database round trips`, `${counted.roundTrips()} (${((counted.roundTrips() / MEMBER_COUNT) * 1000).toFixed(0)} per 1,000 members)`)
  return result
}

export const weeklyReportsBench: BenchModule = {
  name: 'weekly',
  title: `the batch jobs (每日推送, 每周一学 and its reminder, 季度通报), ${MEMBER_COUNT.toLocaleString('en')} members`,
  async run() {
    let now = MONDAY_8
    const { store, unserved, dispose } = await temporaryStore(() => now)
    try {
      const db = store.database()
      await seedUnitsAndMembers(db)
      await db.collection(WEEKLY_LISTS).add({ data: list })
      await db.collection(ARTICLES).add({ data: article })
      await seedStudy(db)
      const ports = (counted: CloudDatabase) => ({ db: counted, now, messenger: outboxMessenger })
      now = MONDAY_730
      const push = await measure('daily push', db, (d) => runDailyPush({ ...ports(d), officialAccount: undefined }))
      figure('daily push: messages sent', String(push.notifications.sent ?? 0))
      await measure('daily push run again (nothing to do)', db, (d) => runDailyPush({ ...ports(d), officialAccount: undefined }))
      now = MONDAY_8
      const first = await measure('distribution', db, (d) => runWeeklyDistribution(ports(d)))
      figure('distribution: published / messages sent', `${first.lists[0]?.publishedTo ?? 0} / ${first.lists[0]?.notifications.sent ?? 0}`)
      await measure('distribution run again (nothing to do)', db, (d) => runWeeklyDistribution(ports(d)))
      now = SUNDAY_18
      const reminded = await measure('Sunday reminder', db, (d) => runWeeklyReminder(ports(d)))
      figure('Sunday reminder: messages sent', String(reminded.lists[0]?.notifications.sent ?? 0))
      await measure('Sunday reminder run again (nothing to do)', db, (d) => runWeeklyReminder(ports(d)))
      now = NEW_QUARTER
      const report = await measure('quarterly report', db, (d) => runQuarterReport(d, now))
      figure('quarterly report: members', String(report.members))
      await measure('quarterly report run again (frozen)', db, (d) => runQuarterReport(d, now))
      printUnserved(unserved)
    } finally {
      await dispose()
    }
  },
}
