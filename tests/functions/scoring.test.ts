import { checkIn } from '../../server/actions/checkIn'
import { getMyPoints } from '../../server/actions/getMyPoints'
import { CHECKINS } from '../../server/checkin'
import { deactivateMember } from '../../server/actions/deactivateMember'
import { freezeRatings } from '../../cloudfunctions/freezeRatings'
import { getLeaderboard } from '../../server/actions/getLeaderboard'
import { getMyScore } from '../../server/actions/getMyScore'
import { getScoreRules } from '../../server/actions/getScoreRules'
import { getUnitRatings } from '../../server/actions/getUnitRatings'
import { reconcileScores } from '../../cloudfunctions/reconcileScores'
import { saveScoreRules } from '../../server/actions/saveScoreRules'
import { deleteReply } from '../../server/actions/deleteReply'
import { featureReply } from '../../server/actions/featureReply'
import { hideReply } from '../../server/actions/hideReply'
import { postReply } from '../../server/actions/postReply'
import { savePrompt } from '../../server/actions/savePrompt'
import { weeklyDistribute } from '../../cloudfunctions/weeklyDistribute'
import { addWeeklyContent, MONDAY_8, scheduledList } from '../support/weekly'
import { countingMessenger, recordTrips, runInterrupted, stopper, withRoundTrips } from '../support/interrupt'
import { CHAPTERS } from '../../server/content/docs'
import { REPLIES } from '../../server/discussion/docs'
import type { CloudDatabase } from '../../server/db/types'
import { instrument } from '../../server/db/instrumented'
import { recordScore, SCORE_ENTRIES, SCORE_TOTALS, type ScoreEvent, type TotalsDoc } from '../../server/scoring/ledger'
import { reconcile, repairsOf } from '../../server/scoring/reconcile'
import { leaderboard } from '../../server/scoring/leaderboard'
import { myScore as readMyScore } from '../../server/scoring/read'
import { REGISTERED } from '../../server/db/collections'
import { openLocalStore } from '../../local-cloud/store'
import { MEMBERS, type Member } from '../../server/members'
import path from 'node:path'
import { JOBS } from '../../server/jobs/batched-job'
import { STUDY_LEDGERS } from '../../server/study/ledger'
import { DEFAULT_RULES } from '../../server/scoring/rules'
import { SCORE_RULES } from '../../server/scoring/rule-versions'
import type { ScoreRules } from '../../types'
import { AUDIT } from '../../server/audit'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addBook, addCategories } from '../support/content'
import { addPublishedArticle, advance, ok, openReader, readFor } from '../support/study'

/** Monday 2026-11-23, 10:00 in Shanghai. */
const MONDAY_10AM = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY_10AM)
  await cloud.addCast()
})
afterEach(() => cloud.close())

const member = (id: string, groupId = 'group-1', branchId = 'branch-1') => ({ _id: id, groupId, branchId })
const event = (fields: Partial<ScoreEvent> & Pick<ScoreEvent, 'kind' | 'sourceId'>): ScoreEvent => ({
  member: member('m1'),
  at: cloud.clock.now(),
  ...fields,
})
const myScore = async (who = 'm1') => ok(await cloud.call(getMyScore, `wx-${who}`, {}))
const totalsOf = async (id: string) => (await cloud.db.collection(SCORE_TOTALS).doc(id).get()).data
const entriesOf = async (memberId: string) => (await allDocs(cloud.db, SCORE_ENTRIES)).filter((e) => e.memberId === memberId)
/** Stops a heartbeat right after its study write: the scoring that follows never starts. */
function stopAfterStudyWrite() {
  let credited = false
  return (method: string) => {
    if (method === 'update') credited = true
    else if (credited && method === 'add') throw new Error('stopped')
  }
}

describe('the ledger', () => {
  it('scores a check-in once, however often it is sent, concurrently or not', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => cloud.call(checkIn, 'wx-m1', {})))
    expect(results.every((r) => r.ok)).toBe(true)
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    expect(await entriesOf('m1')).toHaveLength(1)
    expect(await myScore()).toMatchObject({ todayPoints: 2, week: { points: 2 }, quarter: { points: 2 }, year: { points: 2 } })
  })

  it('writes one entry and moves the totals once for a source event replayed concurrently', async () => {
    const reply = event({ kind: 'reply', sourceId: 'reply-1' })
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => recordScore(cloud.db, reply)))
    expect(outcomes.filter((o) => o.created)).toHaveLength(1)
    expect(await totalsOf('m1')).toMatchObject({ d: { '2026-11-23': { p: 1, k: { reply: 1 } } }, y: { '2026': { p: 1 } } })
  })

  it('keeps the daily cap exact when different events of one member arrive at once', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordScore(cloud.db, event({ kind: 'reply', sourceId: `reply-${i}` }))))
    expect(await entriesOf('m1')).toHaveLength(10)
    // Replies score 1 each, at most 3 a day.
    expect(await myScore()).toMatchObject({ todayPoints: 3, week: { points: 3 } })
    advance(cloud, 24 * 3600)
    await recordScore(cloud.db, event({ kind: 'reply', sourceId: 'reply-next-day' }))
    expect(await myScore()).toMatchObject({ todayPoints: 1, week: { points: 4 } })
  })

  it('moves the totals on the source’s guess of the day’s quantity without reading them, and reads them when the guess is wrong', async () => {
    const trips: string[] = []
    const db = instrument(cloud.db, (method, collection) => void trips.push(`${method} ${collection}`))
    const study = (sourceId: string, expected: number | undefined) =>
      recordScore(db, event({ kind: 'studyTime', sourceId, quantity: 600, expected: { quantity: expected } }))
    // The first ever: the totals do not exist yet, so the guess finds nothing and they are made.
    await study('s1', undefined)
    trips.length = 0
    await study('s2', 600)
    expect(trips).toEqual(['add scoreEntries', 'update scoreTotals'])
    // A wrong guess (the totals hold 1,200 s): read, then moved by what they hold.
    trips.length = 0
    await study('s3', 300)
    expect(trips).toContain('get scoreTotals')
    expect(await totalsOf('m1')).toMatchObject({ d: { '2026-11-23': { k: { studyTime: 1800 } } }, y: { '2026': { s: 1800 } } })
    // 30 minutes: 3 points (1 each 10 minutes), as if every total had been read.
    expect(await myScore()).toMatchObject({ todayPoints: 3, year: { points: 3, studySeconds: 1800 } })
  })

  it('puts an event at Shanghai midnight on its own day and week', async () => {
    // Sunday 2026-11-29 23:59:59 and Monday 2026-11-30 00:00:00 in Shanghai.
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'sun', at: new Date('2026-11-29T15:59:59Z') }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'mon', at: new Date('2026-11-29T16:00:00Z') }))
    const t = await totalsOf('m1')
    expect(t.w).toEqual({ '2026-11-23': { p: 2, s: 0 }, '2026-11-30': { p: 2, s: 0 } })
    expect(Object.keys(t.d)).toEqual(['2026-11-29', '2026-11-30'])
  })

  it('scores study time, a required chapter and a finished book from heartbeats', async () => {
    await addCategories(cloud.db)
    await addBook(cloud.db, { _id: 'must', required: { year: 2026, branchIds: [] } }, 1)
    await cloud.db
      .collection(CHAPTERS)
      .doc('must-c1')
      .update({ data: { minutes: 10 } })
    const reader = openReader(cloud, 'm1', 'chapter', 'must-c1')
    await readFor(cloud, reader, 600)
    await reader.beat({ atEnd: true })
    const mine = await myScore()
    // 600 s: 1 point; the chapter of a required book: 3; the book: 10.
    expect(mine).toMatchObject({ year: { points: 14, studySeconds: 600 }, standing: { requiredChapters: 1 } })
    const kinds = (await entriesOf('m1')).map((e) => e.kind)
    expect(new Set(kinds)).toEqual(new Set(['studyTime', 'chapterDone', 'bookDone']))
    expect(kinds.filter((k) => k === 'chapterDone')).toHaveLength(1)
  })
})

describe('积分明细', () => {
  it('shows today’s points per rule against its cap, and the own ledger newest first, a page at a time, with each day’s points', async () => {
    for (let i = 0; i < 4; i++)
      await recordScore(cloud.db, event({ kind: 'reply', sourceId: `reply-${i}`, at: new Date(cloud.clock.now().getTime() + i * 1000) }))
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    for (let i = 0; i < 20; i++)
      await recordScore(cloud.db, event({ kind: 'reply', sourceId: `old-${i}`, at: new Date(`2026-11-${String(1 + i).padStart(2, '0')}T02:00:00Z`) }))
    // Someone else's points are not in it.
    await recordScore(cloud.db, { ...event({ kind: 'reply', sourceId: 'theirs' }), member: { _id: 't1', groupId: 'group-1', branchId: 'branch-1' } })

    const first = ok(await cloud.call(getMyPoints, 'wx-m1', {}))
    expect(first.today).toBe('2026-11-23')
    expect(first.kinds.find((k) => k.kind === 'reply')).toEqual({ kind: 'reply', quantity: 4, points: 3, cap: 3, per: 1, each: 1 })
    expect(first.kinds.find((k) => k.kind === 'checkin')).toMatchObject({ quantity: 1, points: 2, cap: 2 })
    expect(first.entries.items).toHaveLength(20)
    // Newest first: today's four replies (a second apart, after the check-in), then the check-in, then earlier days.
    expect(first.entries.items.slice(0, 5).map((e) => [e.kind, e.day, e.quantity, e.reversal])).toEqual([
      ...Array(4).fill(['reply', '2026-11-23', 1, false]),
      ['checkin', '2026-11-23', 1, false],
    ])
    expect(first.dayPoints['2026-11-23']).toBe(5)
    const second = ok(await cloud.call(getMyPoints, 'wx-m1', { cursor: first.entries.nextCursor! }))
    const all = [...first.entries.items, ...second.entries.items]
    expect(all).toHaveLength(25)
    expect(new Set(all.map((e) => e._id)).size).toBe(25)
    expect(all.every((e) => !e._id.includes('theirs'))).toBe(true)
    expect(second.entries.nextCursor).toBeNull()
    expect(Object.values(second.dayPoints).every((p) => p === 1)).toBe(true)
  })

  it('works out the points of days before last year, which have left the totals, from their entries', async () => {
    const long = new Date('2024-03-04T02:00:00Z')
    for (let i = 0; i < 4; i++) await recordScore(cloud.db, event({ kind: 'reply', sourceId: `long-${i}`, at: new Date(long.getTime() + i * 1000) }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'long-c', at: long }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'now' }))
    expect((await totalsOf('m1')).d['2024-03-04']).toBeUndefined()
    const page = ok(await cloud.call(getMyPoints, 'wx-m1', {}))
    // Four replies capped at 3, and the check-in's 2.
    expect(page.dayPoints).toEqual({ '2026-11-23': 2, '2024-03-04': 5 })
  })
})

describe('discussion and the weekly list as sources', () => {
  it('scores a reply once, and its featuring once however often it is featured again', async () => {
    const prompt = ok(await cloud.call(savePrompt, 'wx-lead1', { title: '学习体会', body: '谈谈你的体会。' }))
    const posted = ok(await cloud.call(postReply, 'wx-m1', { promptId: prompt._id, body: '我的体会是……' }))
    for (const featured of [true, false, true]) ok(await cloud.call(featureReply, 'wx-lead1', { id: posted._id, featured }))
    // A reply 1, featured 3.
    expect(await myScore()).toMatchObject({ todayPoints: 4 })
    expect((await entriesOf('m1')).map((e) => e._id).sort()).toEqual([`replyFeatured_${posted._id}`, `reply_${posted._id}`])
  })

  it('scores an item of the week’s list when its reading completes that week', async () => {
    cloud.clock.fix(new Date('2026-11-20T02:00:00Z'))
    await addWeeklyContent(cloud)
    await scheduledList(cloud)
    cloud.clock.fix(new Date(MONDAY_8))
    ok(await cloud.call(weeklyDistribute, undefined, { Type: 'Timer' }))
    const reader = openReader(cloud, 'm1', 'article', 'wk-a1')
    await readFor(cloud, reader, 45)
    advance(cloud, 15)
    expect(await reader.beat({ atEnd: true })).toMatchObject({ justCompleted: true })
    const kinds = (await entriesOf('m1')).map((e) => e.kind)
    expect(kinds.filter((k) => k === 'weeklyItemDone')).toHaveLength(1)
    expect(await myScore()).toMatchObject({ todayPoints: 2 })
  })
})

const openPrompt = async () => ok(await cloud.call(savePrompt, 'wx-lead1', { title: '学习体会', body: '谈谈你的体会。' }))
const post = async (promptId: string, who = 'm1') => ok(await cloud.call(postReply, `wx-${who}`, { promptId, body: '我的体会是……' }))
const nightly = async () => {
  advance(cloud, 3600)
  return reconcile(cloud.db, cloud.clock.now())
}

describe('reversals', () => {
  const reversals = async (who = 'm1') =>
    (await entriesOf(who))
      .filter((e) => e.reverses)
      .map((e) => String(e._id))
      .sort()

  it('takes back a deleted reply’s points and its featuring once, however often or concurrently it is deleted', async () => {
    const prompt = await openPrompt()
    const reply = await post(prompt._id)
    ok(await cloud.call(featureReply, 'wx-lead1', { id: reply._id, featured: true }))
    expect(await myScore()).toMatchObject({ todayPoints: 4 })
    const results = await Promise.all(Array.from({ length: 4 }, () => cloud.call(deleteReply, 'wx-m1', { id: reply._id })))
    expect(results.every((r) => r.ok)).toBe(true)
    ok(await cloud.call(deleteReply, 'wx-m1', { id: reply._id }))
    expect(await myScore()).toMatchObject({ todayPoints: 0, week: { points: 0 }, year: { points: 0 } })
    expect(await reversals()).toEqual([`reversal_replyFeatured_${reply._id}`, `reversal_reply_${reply._id}`])
    expect(await entriesOf('m1')).toContainEqual(
      expect.objectContaining({ _id: `reversal_reply_${reply._id}`, kind: 'reply', quantity: -1, day: '2026-11-23' }),
    )
    expect(await nightly()).toMatchObject({ repaired: 0 })
  })

  it('takes back once when the author deletes and a leader hides at the same time', async () => {
    const prompt = await openPrompt()
    const reply = await post(prompt._id)
    ok(await cloud.call(featureReply, 'wx-lead1', { id: reply._id, featured: true }))
    const [deleted, hidden] = await Promise.all([
      cloud.call(deleteReply, 'wx-m1', { id: reply._id }),
      cloud.call(hideReply, 'wx-lead1', { id: reply._id, reason: '与主题无关' }),
    ])
    expect([deleted.ok, hidden.ok]).toContain(true)
    expect(await myScore()).toMatchObject({ todayPoints: 0, year: { points: 0 } })
    expect(await reversals()).toHaveLength(2)
    expect(await nightly()).toMatchObject({ repaired: 0 })
  })

  it('works a day’s cap out again without the reply taken back', async () => {
    const prompt = await openPrompt()
    const replies = []
    for (let i = 0; i < 4; i++) {
      replies.push(await post(prompt._id))
      advance(cloud, 60)
    }
    // Replies score 1 each, at most 3 a day: four earn 3, so do three; two earn 2.
    expect(await myScore()).toMatchObject({ todayPoints: 3 })
    ok(await cloud.call(hideReply, 'wx-lead1', { id: replies[0]._id, reason: '与主题无关' }))
    expect(await myScore()).toMatchObject({ todayPoints: 3 })
    ok(await cloud.call(deleteReply, 'wx-m1', { id: replies[1]._id }))
    expect(await myScore()).toMatchObject({ todayPoints: 2, year: { points: 2 } })
    expect(await nightly()).toMatchObject({ repaired: 0 })
  })

  it('takes back exactly once after a delete stopped at any round trip, by a retry or the nightly run', async () => {
    const prompt = await openPrompt()
    const MAX_STOP = 30
    const cases = Array.from({ length: MAX_STOP }, (_, i) => i + 1).flatMap((stopAt) =>
      [false, true].flatMap((lost) => [true, false].map((retry) => ({ id: `d${stopAt}${lost ? 'l' : 'b'}${retry ? 'r' : 'n'}`, stopAt, lost, retry }))),
    )
    const replyOf = new Map<string, string>()
    for (const who of ['ref', ...cases.map((c) => c.id)]) {
      await cloud.addMember({ _id: who, openid: `wx-${who}` })
      const reply = await post(prompt._id, who)
      ok(await cloud.call(featureReply, 'wx-lead1', { id: reply._id, featured: true }))
      replyOf.set(who, reply._id)
    }
    let trips = 0
    ok(
      await withRoundTrips(
        cloud,
        () => void (trips += 1),
        () => cloud.call(deleteReply, 'wx-ref', { id: replyOf.get('ref')! }),
      ),
    )
    expect(trips).toBeLessThanOrEqual(MAX_STOP)
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    for (const c of cases.filter((c) => c.stopAt <= trips)) {
      const input = { id: replyOf.get(c.id)! }
      await withRoundTrips(cloud, stopper(c.stopAt, c.lost), () => cloud.call(deleteReply, `wx-${c.id}`, input))
      if (c.retry) ok(await cloud.call(deleteReply, `wx-${c.id}`, input))
    }
    await nightly()
    jest.restoreAllMocks()
    for (const c of cases.filter((c) => c.stopAt <= trips)) {
      const deleted = (await cloud.db.collection(REPLIES).doc(replyOf.get(c.id)!).get()).data.status === 'deleted'
      if (c.retry) expect({ case: c, deleted }).toEqual({ case: c, deleted: true })
      const points = ok(await cloud.call(getMyScore, `wx-${c.id}`, {})).year.points
      expect({ case: c, points, reversals: (await reversals(c.id)).length }).toEqual({ case: c, points: deleted ? 0 : 4, reversals: deleted ? 2 : 0 })
    }
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 0 })
  }, 120_000)
})

describe('a post or a featuring stopped mid-way', () => {
  it.each(['post', 'feature'] as const)(
    'scores each reply and its featuring exactly once after a %s stopped at any round trip, by a retry or the nightly run',
    async (step) => {
      const prompt = await openPrompt()
      // Every round trip of the call (at most MAX_STOP) × its answer lost or not × retried or left to the nightly run.
      const MAX_STOP = 30
      const all = Array.from({ length: MAX_STOP }, (_, i) => i + 1).flatMap((stopAt) =>
        [false, true].flatMap((lost) =>
          [true, false].map((retry) => ({ id: `${step[0]}${stopAt}${lost ? 'l' : 'b'}${retry ? 'r' : 'n'}`, stopAt, lost, retry })),
        ),
      )
      const replyOf = new Map<string, string>()
      for (const who of ['ref', ...all.map((c) => c.id)]) {
        await cloud.addMember({ _id: who, openid: `wx-${who}` })
        if (step === 'feature') replyOf.set(who, (await post(prompt._id, who))._id)
      }
      /** The member's post (under one request key, as the client retries it), or a leader featuring the member's reply. */
      const call = (who: string) =>
        step === 'post'
          ? cloud.call(postReply, `wx-${who}`, { promptId: prompt._id, body: '我的体会是……', requestKey: `post-${who}` })
          : cloud.call(featureReply, 'wx-lead1', { id: replyOf.get(who)!, featured: true })
      /** What the member's replies should have scored, and what the ledger and the totals say. */
      const outcome = async (who: string) => {
        const replies = (await allDocs(cloud.db, REPLIES)).filter((r) => r.authorId === who)
        const featured = replies.some((r) => r.featured)
        return {
          replies: replies.length,
          featured,
          kinds: (await entriesOf(who)).map((e) => String(e.kind)).sort(),
          expected: [...replies.map(() => 'reply'), ...(featured ? ['replyFeatured'] : [])],
        }
      }
      let trips = 0
      ok(
        await withRoundTrips(
          cloud,
          () => void (trips += 1),
          () => call('ref'),
        ),
      )
      expect(await outcome('ref')).toMatchObject({ replies: 1, kinds: step === 'post' ? ['reply'] : ['reply', 'replyFeatured'] })
      expect(trips).toBeLessThanOrEqual(MAX_STOP)
      const cases = all.filter((c) => c.stopAt <= trips)
      jest.spyOn(console, 'error').mockImplementation(() => undefined)
      jest.spyOn(console, 'log').mockImplementation(() => undefined)
      for (const c of cases) {
        await withRoundTrips(cloud, stopper(c.stopAt, c.lost), () => call(c.id))
        if (!c.retry) continue
        ok(await call(c.id))
        // The retry finishes the post or the featuring, and its scoring at once.
        const now = await outcome(c.id)
        expect({ case: c, ...now }).toMatchObject({ case: c, replies: 1, featured: step === 'feature', kinds: now.expected })
      }
      await nightly()
      jest.restoreAllMocks()
      for (const c of cases) {
        const { replies, featured, kinds, expected } = await outcome(c.id)
        const points = ok(await cloud.call(getMyScore, `wx-${c.id}`, {})).year.points
        expect({ case: c, kinds, points }).toEqual({ case: c, kinds: expected, points: replies + (featured ? 3 : 0) })
      }
      // The night after: nothing left to score or repair.
      advance(cloud, 24 * 3600)
      expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 0 })
    },
    120_000,
  )
})

describe('a check-in stopped mid-way', () => {
  it('at any round trip, with or without its answer: the day is checked in once, and its points come by the next night at the latest', async () => {
    await cloud.addMember({ _id: 'ref', openid: 'wx-ref' })
    let trips = 0
    ok(
      await withRoundTrips(
        cloud,
        () => void (trips += 1),
        () => cloud.call(checkIn, 'wx-ref', {}),
      ),
    )
    expect((await entriesOf('ref')).map((e) => e.kind)).toEqual(['checkin'])
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    const cases = Array.from({ length: trips }, (_, i) => [i + 1, false, i + 1, true] as const).flatMap(([a, b, c, d]) => [
      { stopAt: a, lost: b },
      { stopAt: c, lost: d },
    ])
    const members = cases.map((_, i) => `ck${i}`)
    for (const id of members) await cloud.addMember({ _id: id, openid: `wx-${id}` })
    for (const [i, c] of cases.entries()) await withRoundTrips(cloud, stopper(c.stopAt, c.lost), () => cloud.call(checkIn, `wx-${members[i]}`, {}))
    await nightly()
    jest.restoreAllMocks()
    for (const [i, c] of cases.entries()) {
      const checkIns = (await allDocs(cloud.db, CHECKINS)).filter((d) => d.memberId === members[i])
      const kinds = (await entriesOf(members[i])).map((e) => e.kind)
      const points = ok(await cloud.call(getMyScore, `wx-${members[i]}`, {})).year.points
      // Stopped before the check-in was written: nothing, and the member checks in again. Written: points, once.
      const expected = checkIns.length === 1 ? { kinds: ['checkin'], points: 2 } : { kinds: [], points: 0 }
      expect({ case: c, kinds, points }).toEqual({ case: c, ...expected })
    }
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 0 })
  })

  it('its lost point is found by the next run to finish: each run looks at records from where the last finished one began', async () => {
    await cloud.addMember({ _id: 'ck', openid: 'wx-ck' })
    /** A check-in whose call stops before its point is recorded. */
    const lostCheckIn = (who: string) =>
      withRoundTrips(
        cloud,
        (method, collection) => {
          if (method === 'add' && collection === SCORE_ENTRIES) throw new Error('stopped')
        },
        () => cloud.call(checkIn, `wx-${who}`, {}),
      )
    const points = async (who: string) => ok(await cloud.call(getMyScore, `wx-${who}`, {})).year.points
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    await nightly()
    // The next day: lost after a finished run.
    advance(cloud, 20 * 3600)
    await lostCheckIn('ck')
    expect(await points('ck')).toBe(0)
    // A run the next day dies before its batch: unfinished, it moves nothing on.
    advance(cloud, 30 * 3600)
    const fail = () => {
      throw new Error('stopped')
    }
    const dying = new Proxy(cloud.db, {
      get: (target, prop, receiver) =>
        prop === 'collection' ? (name: string) => (name === MEMBERS ? fail() : target.collection(name)) : Reflect.get(target, prop, receiver),
    })
    await expect(reconcile(dying, cloud.clock.now())).rejects.toThrow('stopped')
    // The night after: the last finished run is the first, and the check-in after it is found.
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ alreadyDone: false, unfinished: false })
    expect(await points('ck')).toBe(2)
    expect((await entriesOf('ck')).map((e) => e.kind)).toEqual(['checkin'])
    jest.restoreAllMocks()
  })
})

describe('a heartbeat stopped mid-way', () => {
  type Recovery = 'next beat' | 'same beat again' | 'reconciliation'
  const RECOVERIES: Recovery[] = ['next beat', 'same beat again', 'reconciliation']

  /**
   * A one-chapter required book whose chapter is on every member's list this week: completing it
   * scores the chapter (3), the book (10) and the week's item (2) on top of its seconds.
   */
  async function weekWithBook(memberIds: string[]) {
    cloud.clock.fix(new Date('2026-11-20T02:00:00Z'))
    await addCategories(cloud.db)
    await addBook(cloud.db, { _id: 'must', required: { year: 2026, branchIds: [] } }, 1)
    await scheduledList(cloud, { items: [{ kind: 'chapter', refId: 'must-c1', required: true }] })
    for (const id of memberIds) await cloud.addMember({ _id: id, openid: `wx-${id}` })
    cloud.clock.fix(new Date(MONDAY_8))
    ok(await cloud.call(weeklyDistribute, undefined, { Type: 'Timer' }))
    cloud.clock.fix(new Date(MONDAY_10AM))
  }

  /** Reads the chapter to its end; the completing heartbeat (seq 4) goes through `completing`. */
  async function readToEnd(id: string, completing: (send: () => Promise<unknown>) => Promise<unknown>) {
    const start = cloud.clock.now()
    const reader = openReader(cloud, id, 'chapter', 'must-c1')
    await readFor(cloud, reader, 45)
    advance(cloud, 15)
    await completing(() => reader.send({ atEnd: true, seq: 4 }))
    return { reader, rewind: () => cloud.clock.fix(start) }
  }

  /** The member's entries by kind: their count, and the seconds of study time. */
  const scored = async (id: string) => {
    const entries = await entriesOf(id)
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length
    const seconds = entries.filter((e) => e.kind === 'studyTime').reduce((n, e) => n + Number(e.quantity), 0)
    return { chapterDone: count('chapterDone'), bookDone: count('bookDone'), weeklyItemDone: count('weeklyItemDone'), seconds }
  }

  it('scores each completion and every second exactly once after a retry, the next beat or the nightly run, wherever it stopped', async () => {
    // Every round trip the completing heartbeat makes (at most MAX_STOP) × the answer lost or not × each recovery.
    const MAX_STOP = 40
    const all = Array.from({ length: MAX_STOP }, (_, i) => i + 1).flatMap((stopAt) =>
      [false, true].flatMap((lost) => RECOVERIES.map((recovery, r) => ({ id: `s${stopAt}${lost ? 'l' : 'b'}${r}`, stopAt, lost, recovery }))),
    )
    await weekWithBook(['ref', ...all.map((c) => c.id)])
    let trips = 0
    await readToEnd('ref', (send) => withRoundTrips(cloud, () => void (trips += 1), send))
    expect(await scored('ref')).toEqual({ chapterDone: 1, bookDone: 1, weeklyItemDone: 1, seconds: 60 })
    expect(trips).toBeLessThanOrEqual(MAX_STOP)
    const cases = all.filter((c) => c.stopAt <= trips)
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    for (const c of cases) {
      const { reader, rewind } = await readToEnd(c.id, (send) => withRoundTrips(cloud, stopper(c.stopAt, c.lost), send))
      if (c.recovery === 'same beat again') expect(await reader.send({ atEnd: true, seq: 4 })).toMatchObject({ ok: true })
      if (c.recovery === 'next beat') {
        advance(cloud, 15)
        expect(await reader.send({ atEnd: true, seq: 5 })).toMatchObject({ ok: true })
      }
      // Scored at once, not only by the nightly run.
      if (c.recovery === 'same beat again')
        expect({ case: c, scored: await scored(c.id) }).toEqual({ case: c, scored: { chapterDone: 1, bookDone: 1, weeklyItemDone: 1, seconds: 60 } })
      if (c.recovery === 'next beat')
        expect({ case: c, scored: await scored(c.id) }).toMatchObject({ case: c, scored: { chapterDone: 1, bookDone: 1, weeklyItemDone: 1 } })
      rewind()
    }
    advance(cloud, 3600)
    ok(await cloud.call(reconcileScores, undefined, { Type: 'Timer' }))
    jest.restoreAllMocks()

    for (const c of cases) {
      const study = (await cloud.db.collection(STUDY_LEDGERS).doc(c.id).get()).data
      const done = !!study.items['c_must-c1']?.done
      // A retry or a next beat completes the chapter whether or not the stopped one got to.
      if (c.recovery !== 'reconciliation') expect({ case: c, done }).toEqual({ case: c, done: true })
      const once = done ? 1 : 0
      const expected = { chapterDone: once, bookDone: once, weeklyItemDone: once, seconds: study.days['2026-11-23'] }
      expect({ case: c, scored: await scored(c.id) }).toEqual({ case: c, scored: expected })
      expect({ case: c, unscored: Object.keys(study.unscored ?? {}) }).toEqual({ case: c, unscored: [] })
      const mine = ok(await cloud.call(getMyScore, `wx-${c.id}`, {}))
      expect({ case: c, points: mine.year.points, chapters: mine.standing.requiredChapters }).toEqual({ case: c, points: 15 * once, chapters: once })
    }
    // The night after: nothing left to score or repair.
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 0 })
  }, 120_000)

  it('scores the seconds of a heartbeat whose scoring stopped when it is sent again, soon or late, or by the nightly catch-up, and never twice', async () => {
    await addCategories(cloud.db)
    await addPublishedArticle(cloud, 'long', { minutes: 60 })
    const studied = async (who: string) => (await entriesOf(who)).filter((e) => e.kind === 'studyTime').reduce((n, e) => n + Number(e.quantity), 0)
    /** 30 s read, then a heartbeat whose study write lands and whose scoring never starts. */
    const interrupted = async (who: string) => {
      const reader = openReader(cloud, who, 'article', 'long')
      await readFor(cloud, reader, 30)
      advance(cloud, 15)
      expect(await withRoundTrips(cloud, stopAfterStudyWrite(), () => reader.send({ seq: 3 }))).toMatchObject({ ok: false })
      expect(await studied(who)).toBe(30)
      return () => reader.send({ seq: 3 })
    }
    const again = { ok: true, data: { reason: 'duplicate' } }

    const soon = await interrupted('m1')
    advance(cloud, 30)
    expect(await soon()).toMatchObject(again)

    const late = await interrupted('t1')
    advance(cloud, 3600)
    expect(await late()).toMatchObject(again)

    const nightly = await interrupted('t3')
    advance(cloud, 3600)
    await reconcile(cloud.db, cloud.clock.now())
    expect(await studied('t3')).toBe(45)
    // Sent again after the catch-up scored its seconds: nothing more.
    expect(await nightly()).toMatchObject(again)
    for (const who of ['m1', 't1', 't3']) {
      expect({ who, seconds: await studied(who) }).toEqual({ who, seconds: 45 })
      expect(await myScore(who)).toMatchObject({ year: { studySeconds: 45 } })
    }
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0 })
  })
})

describe('interim heartbeats', () => {
  const studyEntries = async (who = 'm1') => (await entriesOf(who)).filter((e) => e.kind === 'studyTime')
  const ledgerDays = async (who = 'm1') => (await cloud.db.collection(STUDY_LEDGERS).doc(who).get()).data.days as Record<string, number>
  /** Reads for `seconds` in interim heartbeats `every` seconds apart, as the reader's timer sends them. */
  async function readOn(reader: ReturnType<typeof openReader>, seconds: number, every = 300) {
    await reader.beat({ interim: true })
    for (let left = seconds; left > 0; left -= every) {
      advance(cloud, Math.min(every, left))
      await reader.beat({ interim: true })
    }
  }
  beforeEach(async () => {
    await addCategories(cloud.db)
    await addPublishedArticle(cloud, 'long', { minutes: 60 })
  })

  it('are credited at once and scored by the session’s next heartbeat that is not interim, in one entry for the day', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await readOn(reader, 1200)
    expect(await ledgerDays()).toEqual({ '2026-11-23': 1200 })
    expect(await studyEntries()).toEqual([])
    expect(await myScore()).toMatchObject({ year: { studySeconds: 0, points: 0 } })

    advance(cloud, 60)
    expect(await reader.beat()).toMatchObject({ creditedSeconds: 60, todaySeconds: 1260 })
    expect((await studyEntries()).map((e) => [e._id, e.quantity])).toEqual([['studyTime_m1_2026-11-23_from_0', 1260]])
    expect(await myScore()).toMatchObject({ year: { studySeconds: 1260, points: 2 } })
    // Sent again (its answer lost): nothing more.
    advance(cloud, 5)
    expect(await reader.beat({ seq: 5, activeSeconds: 1260 })).toMatchObject({ reason: 'duplicate' })
    expect(await studyEntries()).toHaveLength(1)
  })

  it('of a page left for the next chapter (all interim) are scored with the next page’s stopping beat, in one entry', async () => {
    await addPublishedArticle(cloud, 'next', { minutes: 60 })
    await readOn(openReader(cloud, 'm1', 'article', 'long'), 600)
    advance(cloud, 2)
    const next = openReader(cloud, 'm1', 'article', 'next')
    await readOn(next, 300)
    expect(await studyEntries()).toEqual([])
    advance(cloud, 60)
    await next.beat()
    expect((await studyEntries()).map((e) => [e._id, e.quantity])).toEqual([['studyTime_m1_2026-11-23_from_0', 960]])
    expect(await myScore()).toMatchObject({ year: { studySeconds: 960 } })
  })

  it('catch two pages closing at once up once: the points ledger holds what the study ledger credited, no more', async () => {
    const phone = openReader(cloud, 'm1', 'article', 'long')
    const tablet = openReader(cloud, 'm1', 'article', 'long')
    await phone.beat({ interim: true })
    advance(cloud, 300)
    await phone.beat({ interim: true })
    await tablet.beat({ interim: true })
    advance(cloud, 300)
    const closing = await Promise.all([phone.send(), tablet.send(), phone.send({ seq: 100 }), tablet.send({ seq: 100 })])
    for (const answer of closing) expect(answer).toMatchObject({ ok: true })
    const credited = (await ledgerDays())['2026-11-23']
    const scored = (await studyEntries()).reduce((n, e) => n + Number(e.quantity), 0)
    expect(scored).toBeLessThanOrEqual(credited)
    // What a race left behind is caught up by the member's next heartbeat.
    advance(cloud, 60)
    await phone.beat()
    const entries = await studyEntries()
    expect(entries.reduce((n, e) => n + Number(e.quantity), 0)).toBe((await ledgerDays())['2026-11-23'])
    expect(new Set(entries.map((e) => e._id)).size).toBe(entries.length)
    expect(await myScore()).toMatchObject({ year: { studySeconds: (await ledgerDays())['2026-11-23'] } })
  })

  it('left unscored by a reader closed mid-reading are scored by the member’s next reading, or else by the nightly run', async () => {
    await readOn(openReader(cloud, 'm1', 'article', 'long'), 900)
    await readOn(openReader(cloud, 't1', 'article', 'long'), 900)
    // m1 reads something else later; t1 does not come back today.
    advance(cloud, 3600)
    await readFor(cloud, openReader(cloud, 'm1', 'article', 'long'), 30)
    expect(await myScore('m1')).toMatchObject({ year: { studySeconds: 930 } })
    expect(await myScore('t1')).toMatchObject({ year: { studySeconds: 0 } })
    advance(cloud, 18 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 1 })
    expect(await myScore('t1')).toMatchObject({ year: { studySeconds: 900, points: 1 } })
    expect((await studyEntries('t1')).map((e) => e._id)).toEqual(['studyTime_t1_2026-11-23_from_0'])
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0 })
  })

  it('read across Shanghai midnight are scored to each day, the earlier day’s at its last moment', async () => {
    cloud.clock.fix(new Date('2026-11-23T15:50:00Z')) // 23:50 in Shanghai
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await readOn(reader, 600)
    advance(cloud, 300)
    await reader.beat()
    expect(await ledgerDays()).toEqual({ '2026-11-23': 600, '2026-11-24': 300 })
    const entries = await studyEntries()
    expect(entries.map((e) => [e.day, e.quantity, new Date(e.at as Date).toISOString()]).sort()).toEqual([
      ['2026-11-23', 600, '2026-11-23T15:59:59.999Z'],
      ['2026-11-24', 300, '2026-11-23T16:05:00.000Z'],
    ])
    expect(await totalsOf('m1')).toMatchObject({ w: { '2026-11-23': { s: 900 } }, d: { '2026-11-23': { p: 1 }, '2026-11-24': { p: 0 } } })
  })
})

describe('rule versions', () => {
  const later = (effectiveFrom: string): ScoreRules => ({
    ...DEFAULT_RULES,
    effectiveFrom,
    kinds: { ...DEFAULT_RULES.kinds, checkin: { points: 5, per: 1, dailyCap: 5 } },
  })

  it('refuses a version starting today or earlier, and writes nothing', async () => {
    const result = await cloud.call(saveScoreRules, 'wx-org', later('2026-11-23'))
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('最早从明天（2026-11-24）') })
    expect(await allDocs(cloud.db, SCORE_RULES)).toEqual([])
  })

  it('scores each day under the version in force that day; history keeps its rules', async () => {
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    ok(await cloud.call(saveScoreRules, 'wx-org', later('2026-11-24')))
    expect((await allDocs(cloud.db, AUDIT)).map((e) => [e.action, e.targetName])).toEqual([['scoreRules.save', '2026-11-24 起施行的积分规则']])
    expect(ok(await cloud.call(getScoreRules, 'wx-m1', {}))).toMatchObject({
      current: { effectiveFrom: '2000-01-01' },
      upcoming: { effectiveFrom: '2026-11-24' },
    })
    advance(cloud, 24 * 3600)
    ok(await cloud.call(checkIn, 'wx-m1', {}))
    expect(await myScore()).toMatchObject({ todayPoints: 5, week: { points: 7 } })
    expect((await entriesOf('m1')).map((e) => e.rules).sort()).toEqual(['2000-01-01', '2026-11-24'])
    const rules = ok(await cloud.call(getScoreRules, 'wx-m1', {}))
    expect(rules.current.effectiveFrom).toBe('2026-11-24')
    expect(rules.sentences).toContain('每日学习打卡：每次得 5 分，每天最多 5 分。')
    // Recomputed from the ledger, the week is still 2 + 5.
    advance(cloud, 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0 })
  })
})

describe('reconciliation', () => {
  /** Three members with a few days of events, totals as the ledger says. */
  async function scoredOrganisation() {
    for (const [id, g, b] of [
      ['m1', 'group-1', 'branch-1'],
      ['t1', 'group-1', 'branch-1'],
      ['t3', 'group-3', 'branch-2'],
    ]) {
      for (let day = 0; day < 3; day++) {
        const at = new Date(Date.parse(MONDAY_10AM) - day * 86_400_000)
        await recordScore(cloud.db, { kind: 'checkin', sourceId: `${id}-${day}`, member: member(id, g, b), at })
        await recordScore(cloud.db, { kind: 'studyTime', sourceId: `${id}-s-${day}`, member: member(id, g, b), at, quantity: 1800 })
      }
    }
    advance(cloud, 3600)
  }

  /** Drift a lost or doubled increment would leave. */
  async function injectDrift(db: CloudDatabase) {
    const _ = db.command
    await db
      .collection(SCORE_TOTALS)
      .doc('m1')
      .update({ data: { 'y.2026.p': _.inc(7), 'w.2026-11-23.s': _.inc(-60) } })
    await db.collection(SCORE_TOTALS).doc('t1').remove()
    await db
      .collection(SCORE_TOTALS)
      .doc('t3')
      .update({ data: { groupId: 'group-4' } })
  }

  /** The totals as members see them: without the write counter and the repair records. */
  const snapshot = async () =>
    (await allDocs(cloud.db, SCORE_TOTALS)).map(({ v: _v, repairs: _r, ...rest }) => rest).sort((a, b) => String(a._id).localeCompare(String(b._id)))
  /** What a night's run repaired, by member. */
  const repaired = async (run = '2026-11-23') => new Map((await repairsOf(cloud.db, run)).map((r) => [r.memberId, r.repair]))

  it('repairs injected drift from the ledger, records what it repaired, and running again changes nothing', async () => {
    await scoredOrganisation()
    const right = await snapshot()
    await injectDrift(cloud.db)
    const first = ok(await cloud.call(reconcileScores, undefined, {}))
    expect(first).toMatchObject({ repaired: 3, checked: 8, alreadyDone: false })
    expect(await snapshot()).toEqual(right)
    const repairs = await repaired()
    expect([...repairs.keys()].sort()).toEqual(['m1', 't1', 't3'])
    expect(repairs.get('m1')).toMatchObject({
      differences: [
        // Monday alone is in this week; Saturday and Sunday were the week before.
        { path: 'w.2026-11-23.s', stored: 1800 - 60, ledger: 1800 },
        { path: 'y.2026.p', stored: 3 * 5 + 7, ledger: 3 * 5 },
      ],
    })
    expect(repairs.get('t3')).toMatchObject({ differences: [], units: { groupId: 'group-3' } })

    // The same night again: the run is done. The next night: a full pass that finds nothing.
    expect(ok(await cloud.call(reconcileScores, undefined, {}))).toMatchObject({ alreadyDone: true, checked: 0 })
    advance(cloud, 24 * 3600)
    expect(ok(await cloud.call(reconcileScores, undefined, {}))).toMatchObject({ alreadyDone: false, checked: 8, repaired: 0 })
    expect(await snapshot()).toEqual(right)
    expect((await repaired('2026-11-24')).size).toBe(0)
  })

  it('keeps the flat fields of the latest periods true to the ledger: drift there is repaired and recorded too', async () => {
    await scoredOrganisation()
    const right = await snapshot()
    expect(right.find((t) => t._id === 'm1')).toMatchObject({ cw: '2026-11-23', cwp: 5, cws: 1800, cq: '2026-Q4', cqp: 15, cy: '2026', cyp: 15, cys: 5400 })
    const _ = cloud.db.command
    await cloud.db
      .collection(SCORE_TOTALS)
      .doc('m1')
      .update({ data: { cwp: _.inc(3), cys: _.remove() } })
    expect(ok(await cloud.call(reconcileScores, undefined, {}))).toMatchObject({ repaired: 1 })
    expect(await snapshot()).toEqual(right)
    expect((await repaired()).get('m1')).toMatchObject({
      differences: [
        { path: 'cwp', stored: 8, ledger: 5 },
        { path: 'cys', stored: 0, ledger: 5400 },
      ],
    })
  })

  it('resumes after being stopped mid-way, from its checkpoint', async () => {
    // 1,208 members: two batches of at most 1,000.
    for (let i = 0; i < 1200; i++) await cloud.addMember({ _id: `x${String(i).padStart(4, '0')}` })
    await scoredOrganisation()
    await recordScore(cloud.db, { kind: 'reply', sourceId: 'late-1', member: member('x1100'), at: new Date(MONDAY_10AM) })
    const right = await snapshot()
    await injectDrift(cloud.db)
    await cloud.db
      .collection(SCORE_TOTALS)
      .doc('x1100')
      .update({ data: { 'd.2026-11-23.p': 9 } })
    // The run dies as it records that its second batch is done (after looking for the last run, claiming its job, recording the first batch).
    let jobTrips = 0
    const dying = new Proxy(cloud.db, {
      get(target, prop, receiver) {
        if (prop !== 'collection') return Reflect.get(target, prop, receiver)
        return (name: string) => {
          if (name === JOBS && ++jobTrips === 4) throw new Error('stopped')
          return target.collection(name)
        }
      },
    })
    await expect(reconcile(dying, cloud.clock.now())).rejects.toThrow('stopped')
    const job = (await cloud.db.collection(JOBS).doc('reconcileScores-2026-11-23').get()).data
    expect(job).toMatchObject({ cursor: 'x0991', finishedAt: null })

    const resumed = await reconcile(cloud.db, cloud.clock.now())
    expect(resumed).toMatchObject({ resumedFrom: 'x0991', batches: 1, checked: 208, repaired: 0 })
    expect(await snapshot()).toEqual(right)
    expect([...(await repaired()).keys()].sort()).toEqual(['m1', 't1', 't3', 'x1100'])
  })

  it('ends right and records each repair once, however often it is stopped, before a write or with its answer lost', async () => {
    await scoredOrganisation()
    const right = await snapshot()
    await injectDrift(cloud.db)
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    const { interrupted, result } = await runInterrupted(cloud, reconcileScores, { seed: 11, runs: 10, maxStop: 12, messenger: countingMessenger() })
    jest.restoreAllMocks()
    expect(interrupted).toBeGreaterThan(0)
    expect(result).toMatchObject({ ok: true })
    expect(await snapshot()).toEqual(right)
    expect([...(await repaired()).keys()].sort()).toEqual(['m1', 't1', 't3'])
  })

  it('scores study time the study ledger credited but whose scoring was lost, once', async () => {
    await addCategories(cloud.db)
    await addPublishedArticle(cloud, 'long', { minutes: 60 })
    await readFor(cloud, openReader(cloud, 'm1', 'article', 'long'), 300)
    // The last heartbeat's scoring never happened: no entry, no increment.
    const lost = (await entriesOf('m1')).find((e) => String(e._id) === 'studyTime_m1_2026-11-23_from_285')!
    await cloud.db.collection(SCORE_ENTRIES).doc(String(lost._id)).remove()
    const _ = cloud.db.command
    const back = _.inc(-15)
    await cloud.db
      .collection(SCORE_TOTALS)
      .doc('m1')
      .update({ data: { 'd.2026-11-23.k.studyTime': back, 'w.2026-11-23.s': back, 'q.2026-Q4.s': back, 'y.2026.s': back } })
    expect(await myScore()).toMatchObject({ year: { studySeconds: 285 } })

    advance(cloud, 600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 1 })
    expect(await myScore()).toMatchObject({ year: { studySeconds: 300 } })
    expect((await entriesOf('m1')).find((e) => String(e._id) === 'studyTime_m1_2026-11-23_from_285')).toMatchObject({ quantity: 15 })
    expect((await repaired()).get('m1')).toMatchObject({ differences: expect.arrayContaining([{ path: 'y.2026.s', stored: 285, ledger: 300 }]) })
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0 })
    expect((await entriesOf('m1')).filter((e) => e.kind === 'studyTime').reduce((n, e) => n + Number(e.quantity), 0)).toBe(300)
  })

  it('leaves to the next run an earlier completion a heartbeat scored in the last minutes', async () => {
    await addCategories(cloud.db)
    await addBook(cloud.db, { _id: 'must', required: { year: 2026, branchIds: [] } }, 1)
    const reader = openReader(cloud, 'm1', 'chapter', 'must-c1')
    await readFor(cloud, reader, 45)
    advance(cloud, 15)
    // The completing heartbeat stops right after its study write.
    expect(await withRoundTrips(cloud, stopAfterStudyWrite(), () => reader.send({ seq: 4, atEnd: true }))).toMatchObject({ ok: false })
    advance(cloud, 3600)
    // Sent again an hour later: it credits nothing, and scores the completion dated an hour ago and the seconds the stopped one credited.
    expect(await reader.send({ seq: 4, atEnd: true })).toMatchObject({ ok: true, data: { reason: 'duplicate' } })
    expect((await entriesOf('m1')).find((e) => e.kind === 'chapterDone')).toMatchObject({
      at: new Date(Date.parse(MONDAY_10AM) + 60_000),
      recordedAt: cloud.clock.now(),
    })
    expect(await myScore()).toMatchObject({ year: { points: 13, studySeconds: 60 }, standing: { requiredChapters: 1 } })
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 1 })
    // The next night: nothing was left to repair.
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 0 })
    expect(await myScore()).toMatchObject({ year: { points: 13, studySeconds: 60 }, standing: { requiredChapters: 1 } })
  })

  it('works out this year only (from the Monday of 1 January’s week): a closed year is left as frozen; a member with no totals gets all their years', async () => {
    for (const id of ['m1', 't1']) {
      for (const at of ['2025-12-15T02:00:00Z', '2025-12-30T02:00:00Z', MONDAY_10AM]) {
        await recordScore(cloud.db, { kind: 'checkin', sourceId: `${id}-${at}`, member: member(id), at: new Date(at) })
      }
    }
    await recordScore(cloud.db, { kind: 'checkin', sourceId: 't1-2024', member: member('t1'), at: new Date('2024-05-06T02:00:00Z') })
    advance(cloud, 3600)
    const _ = cloud.db.command
    await cloud.db
      .collection(SCORE_TOTALS)
      .doc('m1')
      .update({ data: { 'y.2025.p': _.inc(5), 'd.2025-12-15.p': _.inc(5), 'd.2025-12-30.p': _.inc(1), 'y.2026.p': _.inc(7) } })
    await cloud.db.collection(SCORE_TOTALS).doc('t1').remove()
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 2 })
    // 30 December 2025 is in the week of 1 January 2026: it is reconciled; 15 December's year is closed.
    expect((await repaired()).get('m1')!.differences.map((d) => d.path)).toEqual(['d.2025-12-30.p', 'y.2026.p'])
    // Built from nothing, the record names the years it built, not every day and week.
    expect((await repaired()).get('t1')).toEqual({
      at: cloud.clock.now(),
      built: true,
      units: null,
      differences: [
        { path: 'y.2024.p', stored: 0, ledger: 2 },
        { path: 'y.2025.p', stored: 0, ledger: 4 },
        { path: 'y.2026.p', stored: 0, ledger: 2 },
      ],
    })
    const totals = new Map((await allDocs(cloud.db, SCORE_TOTALS)).map((t) => [t._id, t as unknown as TotalsDoc]))
    expect(totals.get('m1')).toMatchObject({ y: { '2025': { p: 9 }, '2026': { p: 2 } }, d: { '2025-12-15': { p: 7 }, '2025-12-30': { p: 2 } } })
    expect(totals.get('t1')).toMatchObject({ y: { '2024': { p: 2 }, '2025': { p: 4 }, '2026': { p: 2 } }, cy: '2026', cyp: 2 })
    // Built from the whole ledger, but without the days before last year, as live scoring keeps them.
    expect(Object.keys(totals.get('t1')!.d).sort()).toEqual(['2025-12-15', '2025-12-30', '2026-11-23'])
  })

  it('leaves a member scored in the last minutes to the next run', async () => {
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'just-now' }))
    await cloud.db
      .collection(SCORE_TOTALS)
      .doc('m1')
      .update({ data: { 'y.2026.p': 100 } })
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 0, skipped: 1 })
    advance(cloud, 24 * 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 1, skipped: 0 })
    expect(await myScore()).toMatchObject({ year: { points: 2 } })
  })
})

describe('leaderboards', () => {
  it('shows the top of the group with the caller’s own rank, in the list or not', async () => {
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const id = `p${String(i).padStart(2, '0')}`
        await cloud.addMember({ _id: id, openid: `wx-${id}` })
        for (let n = 0; n <= i; n++) await recordScore(cloud.db, event({ kind: 'studyTime', sourceId: `${id}-${n}`, member: member(id), quantity: 600 }))
      }),
    )
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'm1-today' }))
    const board = ok(await cloud.call(getLeaderboard, 'wx-m1', { scope: 'group', period: 'week', metric: 'points' }))
    expect(board.top).toHaveLength(20)
    // p11..p23 are capped at 12 a day: they share rank 1, in id order.
    expect(board.top[0]).toMatchObject({ rank: 1, value: 12, name: '成员p11' })
    expect(board.top.slice(0, 13).every((r) => r.rank === 1)).toBe(true)
    expect(board.top[13]).toMatchObject({ rank: 14, value: 11 })
    expect(board.me).toMatchObject({ memberId: 'm1', rank: 23, value: 2 })
    expect(board.of).toBe(29)
    // On the board, the caller's rank and value are on it: after the caller, the board and the group's members.
    const { result: p23Result, trips } = await recordTrips(cloud, () =>
      cloud.call(getLeaderboard, 'wx-p23', { scope: 'group', period: 'week', metric: 'points' }),
    )
    const p23 = ok(p23Result)
    expect(p23).toMatchObject({ me: { memberId: 'p23', name: '成员p23', rank: 1, value: 12 }, of: 29 })
    expect(p23.top.map((r) => [r.memberId, r.name, r.rank])).toEqual(board.top.map((r) => [r.memberId, r.name, r.rank]))
    expect(trips).toEqual(['get members', 'get scoreTotals', 'get members'])
    // Someone with nothing yet ranks after everyone scored; other groups do not count in the group.
    const t2 = ok(await cloud.call(getLeaderboard, 'wx-t2', { scope: 'group', period: 'year', metric: 'hours' }))
    expect(t2).toMatchObject({ top: [], me: { rank: 1, value: 0 }, of: 1 })
    const org = ok(await cloud.call(getLeaderboard, 'wx-t2', { scope: 'org', period: 'year', metric: 'hours' }))
    expect(org.me).toMatchObject({ rank: 25, value: 0 })
    expect(org.top[0]).toMatchObject({ value: 24 * 600 })
  })

  it('starts each week’s board afresh: last week’s points stay in last week, and a late event of last week leaves this week’s board alone', async () => {
    const lastFriday = new Date('2026-11-20T02:00:00Z')
    await recordScore(cloud.db, event({ kind: 'reflection', sourceId: 'r-last', at: lastFriday }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'c-now' }))
    const week = ok(await cloud.call(getLeaderboard, 'wx-m1', { scope: 'group', period: 'week', metric: 'points' }))
    expect(week.top).toEqual([expect.objectContaining({ memberId: 'm1', value: 2, rank: 1 })])
    // Scored after the fact (a completion a later request scored): last week's map moves, this week's fields do not.
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'c-last', at: lastFriday, recordedAt: cloud.clock.now() }))
    expect(await totalsOf('m1')).toMatchObject({
      w: { '2026-11-16': { p: 7 }, '2026-11-23': { p: 2 } },
      cw: '2026-11-23',
      cwp: 2,
      cq: '2026-Q4',
      cqp: 9,
      cy: '2026',
      cyp: 9,
    })
    const quarter = ok(await cloud.call(getLeaderboard, 'wx-t1', { scope: 'org', period: 'quarter', metric: 'points' }))
    expect(quarter.top).toEqual([expect.objectContaining({ memberId: 'm1', value: 9 })])
    expect(quarter.me).toMatchObject({ memberId: 't1', rank: 2, value: 0 })
  })

  it('moves into a new week once when its first events arrive at once: the flat fields hold every one of them', async () => {
    await recordScore(cloud.db, event({ kind: 'reflection', sourceId: 'last-week', at: new Date('2026-11-20T02:00:00Z') }))
    // Eight kinds of event at the same moment of the new week, each its own points (within every cap).
    const kinds = ['checkin', 'reply', 'replyFeatured', 'quiz', 'reflection', 'meeting', 'chapterDone', 'weeklyItemDone'] as const
    await Promise.all(kinds.map((kind) => recordScore(cloud.db, event({ kind, sourceId: `now-${kind}` }))))
    const totals = await totalsOf('m1')
    const week = 2 + 1 + 3 + 1 + 5 + 3 + 3 + 2
    expect(totals).toMatchObject({ cw: '2026-11-23', cwp: week, w: { '2026-11-16': { p: 5 }, '2026-11-23': { p: week } }, cqp: week + 5, cyp: week + 5 })
  })

  it('serves every board and rank from the declared indexes, whatever the week', async () => {
    const unserved: string[] = []
    const indexed = await openLocalStore(path.join(cloud.dir, 'indexed'), {
      now: () => cloud.clock.now(),
      ...REGISTERED,
      onUnserved: (c, f) => void unserved.push(`${c}: ${f.join(',')}`),
    })
    try {
      const db = indexed.database()
      await db.collection('members').add({
        data: { _id: 'm1', openid: 'wx-m1', name: '李党员', groupId: 'group-1', branchId: 'branch-1', roles: ['member'], status: 'active', largeFont: false },
      })
      const m1 = (await db.collection('members').doc('m1').get()).data as Member
      await recordScore(db, event({ kind: 'checkin', sourceId: 'c-now' }))
      for (const scope of ['group', 'branch', 'org'] as const)
        for (const period of ['week', 'quarter', 'year'] as const)
          for (const metric of ['points', 'hours'] as const) await leaderboard(db, m1, cloud.clock.now(), { scope, period, metric })
      await readMyScore(db, m1, cloud.clock.now())
      expect(unserved.filter((u) => u.startsWith(`${SCORE_TOTALS}:`))).toEqual([])
    } finally {
      await indexed.close()
    }
  })

  it('gives totals kept before the latest periods had flat fields those fields at the next event, from what the maps hold', async () => {
    await cloud.db.collection(SCORE_TOTALS).add({
      data: {
        _id: 'm1',
        memberId: 'm1',
        groupId: 'group-1',
        branchId: 'branch-1',
        active: true,
        v: 3,
        d: {},
        w: { '2026-11-23': { p: 4, s: 0 } },
        q: { '2026-Q4': { p: 30, s: 600 } },
        y: { '2026': { p: 80, s: 3600, rc: 1 } },
      },
    })
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'c-now' }))
    expect(await totalsOf('m1')).toMatchObject({ cw: '2026-11-23', cwp: 6, cws: 0, cq: '2026-Q4', cqp: 32, cqs: 600, cy: '2026', cyp: 82, cys: 3600 })
  })

  it('drops the days before last year at a member’s first event of a new year, and keeps every year’s totals', async () => {
    for (const [at, id] of [
      ['2024-06-03T02:00:00Z', 'a'],
      ['2025-06-02T02:00:00Z', 'b'],
    ])
      await recordScore(cloud.db, event({ kind: 'checkin', sourceId: id, at: new Date(at) }))
    expect(Object.keys((await totalsOf('m1')).d).sort()).toEqual(['2024-06-03', '2025-06-02'])
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'c' }))
    const totals = await totalsOf('m1')
    expect(Object.keys(totals.d).sort()).toEqual(['2025-06-02', '2026-11-23'])
    expect(totals.y).toEqual({ '2024': { p: 2, s: 0, rc: 0 }, '2025': { p: 2, s: 0, rc: 0 }, '2026': { p: 2, s: 0, rc: 0 } })
    expect(totals).toMatchObject({ cy: '2026', cyp: 2, cw: '2026-11-23', cwp: 2 })
  })

  it('answers ranks in getMyScore for group, branch and organisation', async () => {
    await recordScore(cloud.db, event({ kind: 'bookDone', sourceId: 't3-book', member: member('t3', 'group-3', 'branch-2') }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'm1' }))
    const { result: score, trips } = await recordTrips(cloud, myScore)
    const ranks = score.ranks
    expect(ranks).toEqual({ group: { rank: 1, of: 5 }, branch: { rank: 1, of: 6 }, org: { rank: 2, of: 8 } })
    // The three scopes' ranks and sizes: one aggregate over the totals, one over the members.
    expect(trips.filter((t) => t.startsWith('end ') || t.startsWith('count '))).toEqual(['end scoreTotals', 'end members'])
  })

  it('drops a deactivated member from the boards and the ranks with the nightly run', async () => {
    await recordScore(cloud.db, event({ kind: 'bookDone', sourceId: 't1-book', member: member('t1') }))
    await recordScore(cloud.db, event({ kind: 'checkin', sourceId: 'm1' }))
    const board = async () => ok(await cloud.call(getLeaderboard, 'wx-m1', { scope: 'group' }))
    expect(await board()).toMatchObject({ top: [{ memberId: 't1' }, { memberId: 'm1' }], me: { rank: 2 }, of: 5 })
    ok(await cloud.call(deactivateMember, 'wx-ba1', { memberId: 't1' }))
    advance(cloud, 3600)
    expect(await reconcile(cloud.db, cloud.clock.now())).toMatchObject({ repaired: 1 })
    expect(await board()).toMatchObject({ top: [{ memberId: 'm1' }], me: { rank: 1 }, of: 4 })
  })

  it('rejects an unknown scope with a clear message', async () => {
    expect(await cloud.call(getLeaderboard, 'wx-m1', { scope: 'city' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('star ratings and the year-end freeze', () => {
  /** 2026: m1 at ★ (10 h, 100 points), t1 with nothing, t2 in group-2 at ★★ (20 h, 5 required chapters, 200 points). */
  async function aYear() {
    const at = new Date('2026-06-01T02:00:00Z')
    const add = (id: string, g: string, kind: ScoreEvent['kind'], n: number, quantity?: number, required?: boolean) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          recordScore(cloud.db, {
            kind,
            sourceId: `${id}-${kind}-${i}`,
            member: member(id, g),
            quantity,
            required,
            at: new Date(at.getTime() + i * 86_400_000),
          }),
        ),
      )
    await add('m1', 'group-1', 'studyTime', 10, 3600) // 10 h, 6 points a day
    await add('m1', 'group-1', 'bookDone', 4) // 40
    await add('t2', 'group-2', 'studyTime', 20, 3600) // 20 h, 120 points
    await add('t2', 'group-2', 'chapterDone', 5, 1, true) // 15
    await add('t2', 'group-2', 'bookDone', 7) // 70
  }

  it('shows the live rating and projection, then freezes the year so later rule changes leave it alone', async () => {
    await aYear()
    cloud.clock.fix(new Date('2026-07-02T02:00:00Z'))
    const m1 = (await myScore()).standing
    expect(m1).toMatchObject({ year: 2026, stars: 1, hours: 10, points: 100, next: { stars: 2, hours: 10, requiredChapters: 5, points: 100 } })
    // Half the year gone: at this pace 20 h and 200 points, but no required chapters: still ★.
    expect(m1.projectedStars).toBe(1)

    const live = ok(await cloud.call(getUnitRatings, 'wx-ba1', {}))
    expect(live.units.map((u) => [u.unitId, u.members, u.distribution, u.averageStars, u.frozen])).toEqual([
      ['branch-1', 6, [4, 1, 1, 0, 0, 0], 0.5, false],
      ['group-1', 5, [4, 1, 0, 0, 0, 0], 0.2, false],
      ['group-2', 1, [0, 0, 1, 0, 0, 0], 2, false],
    ])

    cloud.clock.fix(new Date('2026-12-31T16:00:00Z')) // 00:00 on 1 January 2027 in Shanghai
    expect(ok(await cloud.call(freezeRatings, undefined, {}))).toMatchObject({ year: 2026, alreadyDone: false, units: 6 })
    expect(await allDocs(cloud.db, 'starRatings')).toHaveLength(8 + 6)
    // Rules changed afterwards, even (bypassing the function) for days of 2026: the frozen year stands.
    await cloud.db.collection(SCORE_RULES).add({
      data: {
        ...DEFAULT_RULES,
        _id: '2026-01-01',
        effectiveFrom: '2026-01-01',
        stars: DEFAULT_RULES.stars.map(() => ({ hours: 0, requiredChapters: 0, points: 0 })),
      },
    })
    const frozen = ok(await cloud.call(getUnitRatings, 'wx-ba1', { year: 2026 }))
    expect(frozen.units.map((u) => [u.unitId, u.distribution, u.frozen])).toEqual([
      ['branch-1', [4, 1, 1, 0, 0, 0], true],
      ['group-1', [4, 1, 0, 0, 0, 0], true],
      ['group-2', [0, 0, 1, 0, 0, 0], true],
    ])
    // Run again: nothing more is written.
    const before = await allDocs(cloud.db, 'starRatings')
    expect(ok(await cloud.call(freezeRatings, undefined, {}))).toMatchObject({ year: 2026, alreadyDone: true })
    expect(await allDocs(cloud.db, 'starRatings')).toEqual(before)
  })

  it('shows a leader their own group only', async () => {
    expect(ok(await cloud.call(getUnitRatings, 'wx-lead1', {})).units.map((u) => u.unitId)).toEqual(['group-1'])
    expect(await cloud.call(getUnitRatings, 'wx-lead1', { unitId: 'group-2' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
