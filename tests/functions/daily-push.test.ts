import { dailyPush } from '../../cloudfunctions/dailyPush'
import { checkIn } from '../../server/actions/checkIn'
import { recordSubscription } from '../../server/actions/recordSubscription'
import { getToday } from '../../server/actions/getToday'
import { scheduleArticle } from '../../server/actions/scheduleArticle'
import { ARTICLES, type ArticleDoc } from '../../server/content/docs'
import { notify, NOTIFICATIONS } from '../../server/notify/notify'
import { SUBSCRIPTIONS } from '../../server/notify/grants'
import { PUBLICATIONS } from '../../server/official-account/publication'
import { PUSHES } from '../../server/push/pushes'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addArticle, addCategories } from '../support/content'
import { countingMessenger, recordTrips, stopper, withRoundTrips } from '../support/interrupt'

// 07:30 in Shanghai on Tuesday 2026-11-24 is 23:30Z on Monday 2026-11-23.
const PUSH_TIME = '2026-11-23T23:30:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(PUSH_TIME)
  await cloud.addCast()
  await addCategories(cloud.db)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const fire = () => cloud.call(dailyPush, undefined, { Type: 'Timer', TriggerName: 'daily', Time: cloud.clock.now().toISOString() })
const article = async (id: string) => (await cloud.db.collection(ARTICLES).doc(id).get()).data as ArticleDoc
const grant = (memberId: string, available = 1) =>
  cloud.db.collection(SUBSCRIPTIONS).add({
    data: {
      _id: `${memberId}_dailyStudy`,
      memberId,
      templateKey: 'dailyStudy',
      available,
      accepted: available,
      rejected: 0,
      lastAnswer: 'accepted',
      lastAnswerAt: PUSH_TIME,
    },
  })

describe('dailyPush', () => {
  it('at 07:30 Shanghai (23:30Z the day before) publishes the articles scheduled for the Shanghai day', async () => {
    await addArticle(cloud.db, { _id: 'for-24', status: 'scheduled', scheduledFor: '2026-11-24' })
    await addArticle(cloud.db, { _id: 'for-23', status: 'scheduled', scheduledFor: '2026-11-25' })
    await addArticle(cloud.db, { _id: 'queued', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })

    const result = await fire()

    expect(result).toMatchObject({ ok: true, data: { day: '2026-11-24', push: { created: true, source: 'scheduled', articleIds: ['for-24'] } } })
    expect(await article('for-24')).toMatchObject({ status: 'published', publishedOn: '2026-11-24' })
    expect(await article('for-23')).toMatchObject({ status: 'scheduled' })
    expect(await article('queued')).toMatchObject({ status: 'queued' })
  })

  it('with nothing scheduled, publishes the first article of the queue', async () => {
    await addArticle(cloud.db, { _id: 'second', status: 'queued', queuedAt: '2026-11-02T00:00:00Z' })
    await addArticle(cloud.db, { _id: 'first', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await addArticle(cloud.db, { _id: 'draft', status: 'draft' })

    expect(await fire()).toMatchObject({ ok: true, data: { push: { created: true, source: 'queue', articleIds: ['first'] } } })
    expect(await article('second')).toMatchObject({ status: 'queued' })
    expect(await article('draft')).toMatchObject({ status: 'draft' })
  })

  it('also publishes a scheduled day the push missed, and nothing at all when nothing is ready', async () => {
    expect(await fire()).toMatchObject({ ok: true, data: { push: { created: false, articleIds: [] }, publication: null } })
    expect(await allDocs(cloud.db, PUSHES)).toEqual([])

    await addArticle(cloud.db, { _id: 'missed', status: 'scheduled', scheduledFor: '2026-11-22' })
    expect(await fire()).toMatchObject({ ok: true, data: { push: { created: true, articleIds: ['missed'] } } })
  })

  it('run twice the same day: one push, one publication, each notification once', async () => {
    await addArticle(cloud.db, { _id: 'a', status: 'scheduled', scheduledFor: '2026-11-24', title: '今天的文章', minutes: 4 })
    await addArticle(cloud.db, { _id: 'b', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await grant('m1', 3)
    await grant('t1', 1)

    const first = await fire()
    cloud.clock.fix(new Date('2026-11-24T01:00:00Z'))
    const second = await fire()

    expect(first).toMatchObject({ ok: true, data: { push: { created: true }, publication: { status: 'recorded' }, notifications: { sent: 2 } } })
    // m1 still holds grants, so is considered again, and finds the day's message already sent; t1 used theirs.
    expect(second).toMatchObject({ ok: true, data: { push: { created: false, articleIds: ['a'] }, notifications: { duplicate: 1 } } })
    expect(await allDocs(cloud.db, PUSHES)).toHaveLength(1)
    expect(await allDocs(cloud.db, PUBLICATIONS)).toEqual([expect.objectContaining({ _id: 'oa-2026-11-24', status: 'recorded', articleIds: ['a'] })])
    const sends = await allDocs(cloud.db, NOTIFICATIONS)
    expect(sends).toHaveLength(2)
    expect(sends.map((s) => [s.memberId, s.result, s.key]).sort()).toEqual([
      ['m1', 'sent', 'dailyStudy:2026-11-24:m1'],
      ['t1', 'sent', 'dailyStudy:2026-11-24:t1'],
    ])
    expect(sends[0]).toMatchObject({
      channel: 'outbox',
      page: 'pages/index/index',
      data: { title: '今天的文章', date: '2026-11-24', note: '今日学习已推送，约 4 分钟' },
    })
    // One grant each was used; the queued article waits for another day.
    const grants = Object.fromEntries((await allDocs(cloud.db, SUBSCRIPTIONS)).map((g) => [g.memberId, g.available]))
    expect(grants).toEqual({ m1: 2, t1: 0 })
    expect(await article('b')).toMatchObject({ status: 'queued' })
  })

  it('runs stopped at any point leave nothing lost: the 07:40 run, past the claims’ lease, sends each message once', async () => {
    await addArticle(cloud.db, { _id: 'a', status: 'scheduled', scheduledFor: '2026-11-24', title: '今天的文章', minutes: 4 })
    for (const id of ['m1', 't1', 't2']) await grant(id)
    const messenger = countingMessenger()
    let stopped = 0
    for (let stopAt = 1; stopAt <= 20; stopAt += 1) {
      const run = await withRoundTrips(cloud, stopper(stopAt, stopAt % 2 === 0), fire, messenger).catch(() => ({ ok: false }))
      if (!run.ok) stopped += 1
    }
    expect(stopped).toBeGreaterThan(8)
    cloud.clock.fix(new Date('2026-11-23T23:40:00Z'))
    await withRoundTrips(cloud, () => undefined, fire, messenger)
    expect(messenger.sent.map((m) => m.touser).sort()).toEqual(['wx-m1', 'wx-t1', 'wx-t2'])
    const sends = await allDocs(cloud.db, NOTIFICATIONS)
    expect(sends.map((s) => [s.memberId, s.result]).sort()).toEqual([
      ['m1', 'sent'],
      ['t1', 'sent'],
      ['t2', 'sent'],
    ])
  })

  it('a member who checked in before a run is not reminded that day: the grant she gave for tomorrow is spent tomorrow', async () => {
    await addArticle(cloud.db, { _id: 'a', status: 'scheduled', scheduledFor: '2026-11-24', title: '今天的文章', minutes: 4 })
    await addArticle(cloud.db, { _id: 'b', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await grant('t1')
    await fire()
    // 07:35: m1 checks in, then taps 明天提醒我学习; the 07:40 run does not spend it today.
    cloud.clock.fix(new Date('2026-11-23T23:35:00Z'))
    expect(await cloud.call(checkIn, 'wx-m1', { reflection: '早上读了今天的文章。' })).toMatchObject({ ok: true })
    await grant('m1')
    cloud.clock.fix(new Date('2026-11-23T23:40:00Z'))
    expect(await fire()).toMatchObject({ ok: true, data: { notifications: {} } })
    expect((await allDocs(cloud.db, NOTIFICATIONS)).map((n) => n.memberId)).toEqual(['t1'])
    // The next morning's push reminds her, with that grant.
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    expect(await fire()).toMatchObject({ ok: true, data: { notifications: { sent: 1 } } })
    expect((await allDocs(cloud.db, NOTIFICATIONS)).map((n) => n.key).sort()).toEqual(['dailyStudy:2026-11-24:t1', 'dailyStudy:2026-11-25:m1'])
  })

  it('first sends what the quiet hours held back since last night', async () => {
    await grant('t1', 2)
    const t1 = { _id: 't1', name: '赵一', openid: 'wx-t1' }
    cloud.clock.fix(new Date('2026-11-23T14:30:00Z'))
    const messenger = countingMessenger()
    const evening = {
      member: t1,
      templateKey: 'dailyStudy' as const,
      topic: 'evening-note',
      page: 'pages/index/index',
      data: { title: '晚上的提醒', date: '2026-11-23', note: '—' },
    }
    expect(await notify({ db: cloud.db, messenger, now: cloud.clock.now() }, evening)).toMatchObject({ result: 'deferred' })
    cloud.clock.fix(new Date(PUSH_TIME))
    const run = await withRoundTrips(cloud, () => undefined, fire, messenger)
    expect(run).toMatchObject({ ok: true, data: { deferred: { sent: 1 }, push: { created: false } } })
    expect(messenger.sent.map((m) => m.data.title)).toEqual(['晚上的提醒'])
  })

  it('a grant given after the day’s push began is for tomorrow: the push fired again in the evening does not spend it', async () => {
    await addArticle(cloud.db, { _id: 'a', status: 'scheduled', scheduledFor: '2026-11-24', title: '今天的文章', minutes: 4 })
    await addArticle(cloud.db, { _id: 'b', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await fire()
    cloud.clock.fix(new Date('2026-11-24T02:00:00Z'))
    expect(await cloud.call(recordSubscription, 'wx-m1', { templateKey: 'dailyStudy', accepted: true })).toMatchObject({ ok: true })
    cloud.clock.fix(new Date('2026-11-24T10:00:00Z'))
    expect(await fire()).toMatchObject({ ok: true, data: { notifications: {} } })
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    expect(await fire()).toMatchObject({ ok: true, data: { notifications: { sent: 1 } } })
    expect((await allDocs(cloud.db, NOTIFICATIONS)).map((n) => n.key)).toEqual(['dailyStudy:2026-11-25:m1'])
  })

  it('two runs at once still push once', async () => {
    await addArticle(cloud.db, { _id: 'q1', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await grant('m1')
    const results = await Promise.all([fire(), fire(), fire()])
    expect(results.filter((r) => r.ok && r.data.push.created)).toHaveLength(1)
    expect(await allDocs(cloud.db, PUSHES)).toHaveLength(1)
    expect((await allDocs(cloud.db, NOTIFICATIONS)).filter((n) => n.result === 'sent')).toHaveLength(1)
  })

  it('the next day pushes again, from the queue', async () => {
    await addArticle(cloud.db, { _id: 'q1', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await addArticle(cloud.db, { _id: 'q2', status: 'queued', queuedAt: '2026-11-02T00:00:00Z' })
    await fire()
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    expect(await fire()).toMatchObject({ ok: true, data: { day: '2026-11-25', push: { created: true, articleIds: ['q2'] } } })
  })

  it('a scheduled article cannot be moved to today once today’s push ran', async () => {
    await addArticle(cloud.db, { _id: 'q1', status: 'queued', queuedAt: '2026-11-01T00:00:00Z' })
    await addArticle(cloud.db, { _id: 'late', status: 'draft' })
    await fire()
    expect(await cloud.call(scheduleArticle, 'wx-org', { id: 'late', day: '2026-11-24' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await cloud.call(scheduleArticle, 'wx-org', { id: 'late', day: '2026-11-25' })).toMatchObject({ ok: true, data: { status: 'scheduled' } })
  })
})

describe('getToday after the push', () => {
  beforeEach(async () => {
    await addArticle(cloud.db, { _id: 'old', status: 'scheduled', scheduledFor: '2026-11-20', title: '旧文章', categoryId: 'history' })
    cloud.clock.fix(new Date('2026-11-19T23:30:00Z'))
    await fire()
    await addArticle(cloud.db, {
      _id: 'today',
      status: 'scheduled',
      scheduledFor: '2026-11-24',
      title: '今日文章',
      audioUrl: 'https://example.com/a.mp3',
      recommended: true,
    })
    await addArticle(cloud.db, { _id: 'week-ago', status: 'published', publishedOn: '2026-11-16' })
    await cloud.db
      .collection(PUSHES)
      .add({ data: { _id: '2026-11-16', day: '2026-11-16', articleIds: ['week-ago'], source: 'queue', createdAt: '2026-11-15T23:30:00Z' } })
  })

  it('before 07:30 there is no push today yet; the week before is listed', async () => {
    cloud.clock.fix(new Date('2026-11-23T22:00:00Z')) // 06:00 on the 24th
    const result = await cloud.call(getToday, 'wx-m1', {})
    expect(result).toMatchObject({
      ok: true,
      data: { today: '2026-11-24', push: null, recent: [{ day: '2026-11-20', items: [{ _id: 'old', categoryName: '历史文化' }] }] },
    })
  })

  it('after the push: today’s articles as cards, the 7 days before, recommended ones', async () => {
    cloud.clock.fix(new Date(PUSH_TIME))
    await fire()
    const result = await cloud.call(getToday, 'wx-m1', {})
    expect(result).toEqual({
      ok: true,
      callerPass: expect.any(String),
      data: {
        today: '2026-11-24',
        push: {
          day: '2026-11-24',
          items: [
            {
              _id: 'today',
              title: '今日文章',
              summary: '摘要',
              source: '学习圈编辑部',
              publishedOn: '2026-11-24',
              minutes: 1,
              categoryId: 'politics',
              categoryName: '政治理论',
              hasAudio: true,
              hasVideo: false,
              recommended: true,
            },
          ],
        },
        // 2026-11-16 is 8 days before: out of the week.
        recent: [{ day: '2026-11-20', items: [expect.objectContaining({ _id: 'old' })] }],
        recommended: [expect.objectContaining({ _id: 'today' })],
      },
    })
  })

  it('shows the newest recommended, at most five, and every pushed article however many newer ones are recommended', async () => {
    cloud.clock.fix(new Date(PUSH_TIME))
    await fire()
    for (let i = 1; i <= 7; i++) await addArticle(cloud.db, { _id: `rec-${i}`, status: 'published', publishedOn: `2026-11-2${i % 4}`, recommended: true })
    // Recommended but not yet out, and recommended but retired: not shown.
    await addArticle(cloud.db, { _id: 'rec-future', status: 'published', publishedOn: '2026-11-30', recommended: true })
    await addArticle(cloud.db, { _id: 'rec-retired', status: 'retired', publishedOn: '2026-11-23', recommended: true })
    const { result: result, trips } = await recordTrips(cloud, () => cloud.call(getToday, 'wx-m1', {}))
    expect(result).toMatchObject({
      ok: true,
      data: {
        push: { day: '2026-11-24', items: [{ _id: 'today' }] },
        recent: [{ day: '2026-11-20', items: [{ _id: 'old' }] }],
      },
    })
    const { recommended } = (result as { data: { recommended: { _id: string; publishedOn: string }[] } }).data
    // Newest first, then by id: today's, then the 23rd's, the 22nd's…
    expect(recommended.map((a) => a._id)).toEqual(['today', 'rec-3', 'rec-7', 'rec-2', 'rec-6'])
    // The 20th's pushed article sorts after the recommended ones kept: read apart.
    expect(trips.filter((t) => t === 'get articles')).toHaveLength(2)
  })

  it('a retired article leaves the home page', async () => {
    cloud.clock.fix(new Date(PUSH_TIME))
    await fire()
    await cloud.db
      .collection(ARTICLES)
      .doc('old')
      .update({ data: { status: 'retired' } })
    const result = await cloud.call(getToday, 'wx-m1', {})
    expect(result).toMatchObject({ ok: true, data: { recent: [] } })
  })
})
