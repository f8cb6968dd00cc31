import { getBook } from '../../server/actions/getBook'
import { getMyStudy } from '../../server/actions/getMyStudy'
import { heartbeat } from '../../server/actions/heartbeat'
import { BOOKS, CHAPTERS } from '../../server/content/docs'
import { STUDY_LEDGERS } from '../../server/study/ledger'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { withRoundTrips } from '../support/interrupt'
import { addBook, addCategories } from '../support/content'
import { addPublishedArticle, advance, ok, openReader, readFor } from '../support/study'

/** Monday 2026-11-23, 10:00 in Shanghai. */
const MONDAY_10AM = '2026-11-23T02:00:00Z'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY_10AM)
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1' })
  await cloud.addMember({ _id: 'm2', openid: 'wx-m2' })
  await addCategories(cloud.db)
  await addPublishedArticle(cloud, 'long', { minutes: 60 })
})
afterEach(() => cloud.close())

const myStudy = async (member = 'm1') => ok(await cloud.call(getMyStudy, `wx-${member}`, {}))

describe('crediting from heartbeats', () => {
  it('credits what the reader counted since its last heartbeat, from the opening on', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    expect(await reader.open()).toMatchObject({ heartbeatSeconds: 600 })
    const seen: [number, string][] = []
    for (const [seconds, counted] of [
      [300, 300],
      [300, 540],
      [300, 840],
      [400, 1200],
    ]) {
      advance(cloud, seconds)
      const a = await reader.beat({ activeSeconds: counted })
      seen.push([a.creditedSeconds, a.reason])
    }
    // The second 5 minutes the member read 4 (an idle minute is not kept); the last heartbeat came late
    // with 6 minutes counted.
    expect(seen).toEqual([
      [300, 'credited'],
      [240, 'credited'],
      [300, 'credited'],
      [360, 'credited'],
    ])
    const mine = await myStudy()
    expect(mine).toMatchObject({ todaySeconds: 1200, week: { seconds: 1200 }, quarter: { seconds: 1200 }, year: { seconds: 1200 } })
  })

  it('credits a tampered count no more than the server’s clock moved, and never above the cap', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.open()
    advance(cloud, 60)
    expect(await reader.beat({ activeSeconds: 3600 })).toMatchObject({ creditedSeconds: 60, reason: 'clock' })
    advance(cloud, 1)
    expect(await reader.beat({ activeSeconds: 7200 })).toMatchObject({ creditedSeconds: 1, reason: 'clock' })
    advance(cloud, 3600)
    expect(await reader.beat({ activeSeconds: 86_400 })).toMatchObject({ creditedSeconds: 660, reason: 'beatCap' })
    expect((await myStudy()).todaySeconds).toBe(721)
  })

  it('asks a reader at the end whose count ran ahead of the server’s clock back as soon as the item can complete, not an interval later', async () => {
    await addPublishedArticle(cloud, 'short', { minutes: 2 })
    const reader = openReader(cloud, 'm1', 'article', 'short')
    await reader.open()
    advance(cloud, 30)
    const first = await reader.beat()
    const { completeAtSeconds } = first.progress
    expect(first).toMatchObject({ creditedSeconds: 30, reason: 'credited', nextBeatSeconds: 600 })
    // The phone counted the whole completion point 20 s after that; the server's clock moved 20 s.
    advance(cloud, 20)
    const held = await reader.beat({ activeSeconds: 30 + completeAtSeconds, atEnd: true })
    expect(held).toMatchObject({ creditedSeconds: 20, reason: 'clock', completed: false, progress: { reachedEnd: true } })
    expect(held.nextBeatSeconds).toBe(completeAtSeconds - 50)
    advance(cloud, held.nextBeatSeconds)
    const done = await reader.beat({ activeSeconds: 30 + completeAtSeconds + held.nextBeatSeconds, atEnd: true })
    expect(done).toMatchObject({ justCompleted: true, itemSeconds: completeAtSeconds, nextBeatSeconds: 600 })
    // Held back before the end is reached, it keeps the usual interval: the end's report comes anyway.
    const other = openReader(cloud, 'm2', 'article', 'short')
    await other.open()
    advance(cloud, 5)
    expect(await other.beat({ activeSeconds: 100 })).toMatchObject({ reason: 'clock', nextBeatSeconds: 600 })
  })

  it('credits a heartbeat after a long gap only the time counted, and nothing before the opening', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.open()
    advance(cloud, 90)
    await reader.beat({ activeSeconds: 90 })
    // Locked for 40 minutes (not counted), then 2 more minutes of reading.
    advance(cloud, 42 * 60)
    expect(await reader.beat({ activeSeconds: 210 })).toMatchObject({ creditedSeconds: 120, reason: 'credited', itemSeconds: 210 })
    // A session nobody opened: its first heartbeat only starts it.
    const unopened = openReader(cloud, 'm1', 'article', 'long')
    expect(await unopened.beat({ activeSeconds: 300 })).toMatchObject({ creditedSeconds: 0, reason: 'started' })
  })

  it('credits two phones reading at once the time once', async () => {
    await addPublishedArticle(cloud, 'other', { minutes: 60 })
    const phone = openReader(cloud, 'm1', 'article', 'long')
    const tablet = openReader(cloud, 'm1', 'article', 'other')
    await Promise.all([phone.open(), tablet.open()])
    advance(cloud, 300)
    expect(await phone.beat()).toMatchObject({ creditedSeconds: 300, reason: 'credited' })
    advance(cloud, 10)
    // The tablet's 5 minutes end 10 s after the phone's: only those 10 s are new.
    expect(await tablet.beat({ activeSeconds: 300 })).toMatchObject({ creditedSeconds: 10, reason: 'overlap' })
    expect((await myStudy()).todaySeconds).toBe(310)
  })

  it('ignores what the client says: position and atEnd never add time', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.beat()
    const a = await reader.beat({ position: 1, atEnd: true })
    expect(a).toMatchObject({ creditedSeconds: 0, itemSeconds: 0, completed: false, progress: { position: 1, reachedEnd: true } })
  })

  it('credits a duplicated or replayed heartbeat nothing, nor the same count sent again', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.open()
    const beat = (seq: number, activeSeconds: number) => reader.send({ seq, activeSeconds })
    advance(cloud, 15)
    expect(ok(await beat(1, 15))).toMatchObject({ creditedSeconds: 15, reason: 'credited' })
    advance(cloud, 15)
    expect(ok(await beat(2, 30))).toMatchObject({ creditedSeconds: 15, reason: 'credited' })
    expect(ok(await beat(2, 30))).toMatchObject({ creditedSeconds: 0, reason: 'duplicate', itemSeconds: 30 })
    advance(cloud, 15)
    expect(ok(await beat(1, 15))).toMatchObject({ creditedSeconds: 0, reason: 'duplicate', itemSeconds: 30 })
    // Resent under a new seq (its answer was lost): the count is the same, nothing more.
    expect(ok(await beat(3, 30))).toMatchObject({ creditedSeconds: 0, itemSeconds: 30 })
    advance(cloud, 10)
    expect(ok(await beat(4, 40))).toMatchObject({ creditedSeconds: 10, reason: 'credited', itemSeconds: 40 })
  })

  it('credits 20 concurrent identical heartbeats once', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.beat()
    advance(cloud, 15)
    const input = { kind: 'article', id: 'long', sessionId: reader.sessionId, seq: 1, activeSeconds: 15, mode: 'read', atEnd: false }
    const answers = (await Promise.all(Array.from({ length: 20 }, () => cloud.call(heartbeat, 'wx-m1', input)))).map(ok)
    expect(answers.reduce((n, a) => n + a.creditedSeconds, 0)).toBe(15)
    expect(answers.filter((a) => a.reason === 'credited')).toHaveLength(1)
    expect(answers.filter((a) => a.reason === 'duplicate')).toHaveLength(19)
    expect((await myStudy()).todaySeconds).toBe(15)
  })

  it('never lets two sessions of one item read together pass its cap, nor credit the same time twice', async () => {
    await addPublishedArticle(cloud, 'short', { minutes: 1 }) // cap 120 s
    const a = openReader(cloud, 'm1', 'article', 'short')
    const b = openReader(cloud, 'm1', 'article', 'short')
    await Promise.all([a.beat(), b.beat()])
    const credited: number[] = []
    for (let i = 0; i < 12; i++) {
      advance(cloud, 15)
      const both = await Promise.all([a.beat(), b.beat()])
      credited.push(...both.map((x) => x.creditedSeconds))
    }
    // Each 15 s step is credited once, to one of the two pages, until the cap.
    expect(credited.reduce((n, s) => n + s, 0)).toBe(120)
    expect(credited.filter((s) => s > 0)).toEqual(Array(8).fill(15))
    advance(cloud, 15)
    expect(await b.beat()).toMatchObject({ creditedSeconds: 0, reason: 'itemCap', itemSeconds: 120, progress: { capSeconds: 120 } })
    expect((await myStudy()).todaySeconds).toBe(120)
  })

  it('credits time once when two items are open at the same time', async () => {
    await addPublishedArticle(cloud, 'other', { minutes: 60 })
    const a = openReader(cloud, 'm1', 'article', 'long')
    const b = openReader(cloud, 'm1', 'article', 'other')
    await a.beat()
    advance(cloud, 5)
    await b.beat()
    advance(cloud, 10)
    expect(await a.beat()).toMatchObject({ creditedSeconds: 15, reason: 'credited' })
    advance(cloud, 5)
    // b's 15 s overlap a's by 10 s.
    expect(await b.beat()).toMatchObject({ creditedSeconds: 5, reason: 'overlap' })
    expect((await myStudy()).todaySeconds).toBe(20)
  })

  // Some 490 heartbeats, each also scored in the points ledger: more than jest's default 5 s on a busy machine.
  it('stops at the day cap, and credits again from the next Shanghai day', async () => {
    // 240 minutes of 30-second heartbeats over articles long enough not to reach their own caps.
    for (let n = 0; n < 3; n++) await addPublishedArticle(cloud, `book-length-${n}`, { minutes: 200 })
    let total = 0
    for (let n = 0; n < 3 && total < 14_400; n++) {
      const reader = openReader(cloud, 'm1', 'article', `book-length-${n}`)
      await reader.beat()
      for (let i = 0; i < 200 && total < 14_400; i++) {
        advance(cloud, 30)
        total += (await reader.beat()).creditedSeconds
      }
    }
    expect(total).toBe(14_400)
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.beat()
    advance(cloud, 15)
    expect(await reader.beat()).toMatchObject({ creditedSeconds: 0, reason: 'dayCap', todaySeconds: 14_400, dayCapSeconds: 14_400 })
    // 10:00 + 4 h of reading: the next day starts at 00:00 Shanghai.
    cloud.clock.fix(new Date('2026-11-23T16:00:05Z'))
    const tomorrow = openReader(cloud, 'm1', 'article', 'long')
    await tomorrow.open()
    advance(cloud, 15)
    expect(await tomorrow.beat()).toMatchObject({ creditedSeconds: 15, reason: 'credited', todaySeconds: 15 })
    const mine = await myStudy()
    expect(mine.last15Days.slice(-2)).toEqual([
      { day: '2026-11-23', seconds: 14_400 },
      { day: '2026-11-24', seconds: 15 },
    ])
    expect(mine.week.seconds).toBe(14_415)
  }, 30_000)

  it('credits a session spanning Shanghai midnight to each day its own part', async () => {
    cloud.clock.fix(new Date('2026-11-23T15:59:50Z')) // 23:59:50 Shanghai, Monday
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.beat()
    advance(cloud, 20)
    expect(await reader.beat()).toMatchObject({ creditedSeconds: 20, todaySeconds: 10 })
    expect((await myStudy()).last15Days.slice(-2)).toEqual([
      { day: '2026-11-23', seconds: 10 },
      { day: '2026-11-24', seconds: 10 },
    ])
  })

  it('refuses a session used for another item, and unpublished content', async () => {
    const reader = openReader(cloud, 'm1', 'article', 'long')
    await reader.beat()
    await addPublishedArticle(cloud, 'other')
    expect(
      await cloud.call(heartbeat, 'wx-m1', { kind: 'article', id: 'other', sessionId: reader.sessionId, seq: 5, activeSeconds: 0, mode: 'read', atEnd: false }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('阅读会话'),
    })
    await addPublishedArticle(cloud, 'draft', { status: 'draft' })
    expect(await openReader(cloud, 'm1', 'article', 'draft').send()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await openReader(cloud, 'm1', 'article', 'nothing').send()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('reads the chapter and its book once, at the open: heartbeats credit by what the open read, to the end of that session', async () => {
    await addBook(cloud.db, { _id: 'b', status: 'published' }, 2)
    const reader = openReader(cloud, 'm1', 'chapter', 'b-c1')
    await reader.open()
    const content: string[] = []
    const beat = () =>
      withRoundTrips(
        cloud,
        (_method, collection) => void (['chapters', 'books'].includes(collection) && content.push(collection)),
        () => reader.beat(),
      )
    advance(cloud, 15)
    await beat()
    advance(cloud, 15)
    expect(await beat()).toMatchObject({ creditedSeconds: 15, itemSeconds: 30 })
    expect(content).toEqual([])
    // Retired meanwhile: the session its reader opened is still credited; a new one is refused.
    await cloud.db
      .collection(BOOKS)
      .doc('b')
      .update({ data: { status: 'retired' } })
    advance(cloud, 15)
    expect(await beat()).toMatchObject({ creditedSeconds: 15 })
    expect(await openReader(cloud, 'm1', 'chapter', 'b-c1').send()).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('credits listening like reading, to a recording or to a text read aloud (by the speech engine or the phone)', async () => {
    await addPublishedArticle(cloud, 'audio', { minutes: 5, audioUrl: 'https://example.com/a.mp3' })
    for (const id of ['audio', 'long']) {
      const reader = openReader(cloud, 'm1', 'article', id)
      await reader.beat({ mode: 'listen' })
      advance(cloud, 15)
      expect(await reader.beat({ mode: 'listen' })).toMatchObject({ creditedSeconds: 15 })
    }
  })

  it('refuses another member’s reading pass, and credits them nothing; their session id alone starts one of the caller’s own', async () => {
    const theirs = openReader(cloud, 'm2', 'article', 'long')
    const { sessionPass } = await theirs.open()
    advance(cloud, 15)
    const stolen = { kind: 'article' as const, id: 'long', sessionId: theirs.sessionId, seq: 0, activeSeconds: 15, mode: 'read' as const, atEnd: false }
    expect(await cloud.call(heartbeat, 'wx-m1', { ...stolen, pass: sessionPass! })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '你没有权限为他人记录学时',
    })
    // Without the pass, the id names a session in the caller’s own record: it starts, crediting nothing.
    expect(ok(await cloud.call(heartbeat, 'wx-m1', stolen))).toMatchObject({ creditedSeconds: 0, reason: 'started' })
    expect(await theirs.beat()).toMatchObject({ creditedSeconds: 15 })
    expect((await myStudy('m1')).todaySeconds).toBe(0)
  })

  it('refuses a pass altered to claim an earlier opening, another session or another item', async () => {
    await addPublishedArticle(cloud, 'other')
    const reader = openReader(cloud, 'm1', 'article', 'long')
    const { sessionPass } = await reader.open()
    const [body, signature] = sessionPass!.split('.')
    const opened = JSON.parse(Buffer.from(body, 'base64url').toString()) as { at: number }
    const earlier = Buffer.from(JSON.stringify({ ...opened, at: opened.at - 3600_000 })).toString('base64url')
    advance(cloud, 15)
    const beat = { kind: 'article' as const, id: 'long', sessionId: reader.sessionId, seq: 0, activeSeconds: 15, mode: 'read' as const, atEnd: false }
    const refused = { ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('阅读会话') }
    expect(await cloud.call(heartbeat, 'wx-m1', { ...beat, pass: `${earlier}.${signature}` })).toMatchObject(refused)
    expect(await cloud.call(heartbeat, 'wx-m1', { ...beat, pass: `${body}.${signature.slice(1)}` })).toMatchObject(refused)
    expect(await cloud.call(heartbeat, 'wx-m1', { ...beat, sessionId: 'another-session', pass: sessionPass! })).toMatchObject(refused)
    expect(await cloud.call(heartbeat, 'wx-m1', { ...beat, id: 'other', pass: sessionPass! })).toMatchObject(refused)
    expect((await myStudy('m1')).todaySeconds).toBe(0)
    // The pass as signed: measured from the open.
    expect(ok(await cloud.call(heartbeat, 'wx-m1', { ...beat, pass: sessionPass! }))).toMatchObject({ creditedSeconds: 15, reason: 'credited' })
  })

  it('forgets sessions idle for a day; such a session starts again without credit', async () => {
    const old = openReader(cloud, 'm1', 'article', 'long')
    await old.beat()
    advance(cloud, 25 * 3600)
    await openReader(cloud, 'm1', 'article', 'long').beat()
    const { data } = await cloud.db.collection(STUDY_LEDGERS).doc('m1').get()
    expect(Object.keys(data.sessions)).toHaveLength(1)
    expect(await old.beat({ activeSeconds: 600 })).toMatchObject({ creditedSeconds: 0, reason: 'started' })
  })
})

describe('completion', () => {
  it('completes once when the credited share is reached and the end was reached, with the minutes credited', async () => {
    await addPublishedArticle(cloud, 'a3', { minutes: 3 }) // complete at 144 s
    const reader = openReader(cloud, 'm1', 'article', 'a3')
    await reader.beat()
    const answers = []
    for (let i = 0; i < 12; i++) {
      advance(cloud, 15)
      answers.push(await reader.beat({ atEnd: i >= 5 }))
    }
    // Reached the end at 90 s, not enough time yet; complete on the heartbeat reaching 144 s (150 s).
    const completing = answers.filter((a) => a.justCompleted)
    expect(completing).toHaveLength(1)
    expect(completing[0]).toMatchObject({ itemSeconds: 150, minutesCredited: 2, completed: true, progress: { completeAtSeconds: 144 } })
    expect(answers.indexOf(completing[0])).toBe(9)
    expect(answers.slice(10).every((a) => a.completed && !a.justCompleted)).toBe(true)
  })

  it('remembers that the end was reached: time credited later completes', async () => {
    await addPublishedArticle(cloud, 'a1', { minutes: 1 }) // complete at 48 s
    const reader = openReader(cloud, 'm1', 'article', 'a1')
    await reader.beat({ atEnd: true })
    const answers = []
    for (let i = 0; i < 4; i++) {
      advance(cloud, 15)
      answers.push(await reader.beat({ position: 0.5 }))
    }
    expect(answers.map((a) => a.justCompleted)).toEqual([false, false, false, true])
    expect(answers[3]).toMatchObject({ itemSeconds: 60, minutesCredited: 1 })
  })

  it('completes a book when all its chapters are, each chapter and the book once, even with two pages open', async () => {
    await addBook(cloud.db, { _id: 'book-1' }, 2) // one-minute chapters: complete at 48 s
    const progressOf = async () => ok(await cloud.call(getBook, 'wx-m1', { id: 'book-1' })).progress
    for (const [chapter, last] of [
      ['book-1-c1', false],
      ['book-1-c2', true],
    ] as const) {
      const a = openReader(cloud, 'm1', 'chapter', chapter)
      const b = openReader(cloud, 'm1', 'chapter', chapter)
      await Promise.all([a.beat(), b.beat()])
      const answers = []
      for (let i = 0; i < 4; i++) {
        advance(cloud, 15)
        answers.push(...(await Promise.all([a.beat({ atEnd: true }), b.beat({ atEnd: true })])))
      }
      const completing = answers.filter((x) => x.justCompleted)
      expect(completing).toHaveLength(1)
      expect(completing[0].book).toMatchObject({ bookId: 'book-1', chapterCount: 2, completedChapters: last ? 2 : 1, completed: last, justCompleted: last })
      expect(answers.filter((x) => x.book?.justCompleted)).toHaveLength(last ? 1 : 0)
    }
    expect(await progressOf()).toMatchObject({ completedChapters: 2, chapterCount: 2, completed: true, completedAt: expect.any(String) })
    expect((await myStudy()).booksCompleted).toEqual([{ bookId: 'book-1', title: '书book-1', completedAt: expect.any(String) }])
  })

  it('credits chapters to their book’s category', async () => {
    await addBook(cloud.db, { _id: 'book-2', categoryId: 'economy' }, 1)
    await cloud.db
      .collection(CHAPTERS)
      .doc('book-2-c1')
      .update({ data: { minutes: 10 } })
    await readFor(cloud, openReader(cloud, 'm1', 'chapter', 'book-2-c1'), 45)
    await readFor(cloud, openReader(cloud, 'm1', 'article', 'long'), 30)
    expect((await myStudy()).byCategory).toEqual([
      { categoryId: 'economy', categoryName: '经济管理', seconds: 45 },
      { categoryId: 'politics', categoryName: '政治理论', seconds: 30 },
    ])
  })
})
