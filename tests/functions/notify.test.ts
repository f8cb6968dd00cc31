import { getHome } from '../../server/actions/getHome'
import { listOutbox } from '../../server/actions/listOutbox'
import { recordSubscription } from '../../server/actions/recordSubscription'
import type { Member } from '../../server/members'
import { SUBSCRIPTIONS } from '../../server/notify/grants'
import { outboxMessenger, type Messenger, type SubscribeMessage } from '../../server/notify/messenger'
import { CLAIM_LEASE_MS, notify, notifyAll, NOTIFICATIONS, sendDeferred, type NotificationDoc, type NotifyRequest } from '../../server/notify/notify'
import { instrument } from '../../server/db/instrumented'
import { DAILY_CAP } from '../../server/notify/rules'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { ok } from '../support/study'
import { stopper } from '../support/interrupt'

// 09:00 in Shanghai.
const MORNING = '2026-11-24T01:00:00Z'

let cloud: TestCloud
let m1: Member
beforeEach(async () => {
  cloud = await openTestCloud(MORNING)
  await cloud.addCast()
  m1 = (await cloud.db.collection('members').doc('m1').get()).data as Member
})
afterEach(() => cloud.close())

const accept = (openid = 'wx-m1') => cloud.call(recordSubscription, openid, { templateKey: 'dailyStudy', accepted: true })
const request = (topic: string, member = m1): NotifyRequest => ({
  member,
  templateKey: 'dailyStudy',
  topic,
  page: 'pages/index/index',
  data: { title: '今日学习', date: '2026-11-24', note: '约 5 分钟' },
})
/** The key of m1's copy of a message about `topic`. */
const keyOf = (topic: string) => `${topic}:m1`
const send = (topic: string, messenger: Messenger = outboxMessenger) => notify({ db: cloud.db, messenger, now: cloud.clock.now() }, request(topic))
const available = async () => ((await cloud.db.collection(SUBSCRIPTIONS).doc('m1_dailyStudy').get()).data as { available: number }).available

/** Records what it was asked to send, and answers as told. */
function recordingMessenger(answer: Awaited<ReturnType<Messenger['send']>> = { ok: true }) {
  const sent: SubscribeMessage[] = []
  const messenger: Messenger = { channel: 'openapi', send: async (m) => (sent.push(m), answer) }
  return { sent, messenger }
}

/** The caller's templates, as 首页 gets them. */
const subscriptionsOf = async (openid: string) => ok(await cloud.call(getHome, openid, {})).subscriptions

describe('recordSubscription, and the templates 首页 gets', () => {
  it('each acceptance is one more grant; a refusal is recorded and grants nothing', async () => {
    expect(await accept()).toMatchObject({ ok: true, data: { templateKey: 'dailyStudy', available: 1, title: '每日学习提醒' } })
    expect(await accept()).toMatchObject({ ok: true, data: { available: 2 } })
    expect(await cloud.call(recordSubscription, 'wx-m1', { templateKey: 'dailyStudy', accepted: false })).toMatchObject({ ok: true, data: { available: 2 } })
    expect(await allDocs(cloud.db, SUBSCRIPTIONS)).toEqual([
      expect.objectContaining({ memberId: 'm1', available: 2, accepted: 2, rejected: 1, lastAnswer: 'rejected' }),
    ])
    const items = await subscriptionsOf('wx-m1')
    // Every template is listed; only the one answered has grants.
    expect(items).toEqual(expect.arrayContaining([{ templateKey: 'dailyStudy', templateId: null, title: '每日学习提醒', available: 2 }]))
    expect(items.filter((i) => i.templateKey !== 'dailyStudy').every((i) => i.available === 0)).toBe(true)
  })

  it('answers the configured template id, for requestSubscribeMessage', async () => {
    process.env.SUBSCRIBE_TEMPLATES = JSON.stringify({ dailyStudy: 'TPL-123' })
    try {
      const items = await subscriptionsOf('wx-t1')
      expect(items.find((i) => i.templateKey === 'dailyStudy')).toMatchObject({ templateId: 'TPL-123', available: 0 })
    } finally {
      delete process.env.SUBSCRIBE_TEMPLATES
    }
  })

  it('refuses an unknown template', async () => {
    expect(await cloud.call(recordSubscription, 'wx-m1', { templateKey: 'weekly', accepted: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('notify', () => {
  it('a send stopped before it reached WeChat goes out on a later call after the lease, on the grant the stopped call took, and never twice', async () => {
    const start = new Date(MORNING).getTime()
    const outcomes: { stopAt: number; lost: boolean; sent: number; handedOver: boolean; grantsLeft: number }[] = []
    for (let stopAt = 1; stopAt <= 12; stopAt++) {
      for (const lost of [false, true]) {
        // A new day each time, so the daily cap never interferes; one grant, which a stopped try may have taken.
        cloud.clock.fix(new Date(start + outcomes.length * 86_400_000))
        await accept()
        const key = `stalled-${stopAt}-${lost}`
        const { sent, messenger } = recordingMessenger()
        const stopped = instrument(cloud.db, stopper(stopAt, lost))
        await notify({ db: stopped, messenger, now: cloud.clock.now() }, request(key)).catch(() => undefined)
        const claimed =
          (
            await cloud.db
              .collection(NOTIFICATIONS)
              .where({ key: keyOf(key) })
              .count()
          ).total === 1
        const first = sent.length
        // Within the lease a claimed key is still the stopped call's: nothing more goes out.
        if (claimed) {
          expect(await send(key, messenger)).toMatchObject({ duplicate: true })
          expect(sent).toHaveLength(first)
        }
        cloud.clock.fix(new Date(cloud.clock.now().getTime() + CLAIM_LEASE_MS))
        await send(key, messenger)
        await send(key, messenger)
        const record = (
          await cloud.db
            .collection(NOTIFICATIONS)
            .where({ key: keyOf(key) })
            .get()
        ).data[0] as NotificationDoc
        outcomes.push({ stopAt, lost, sent: sent.length, handedOver: record.sendingAt !== null, grantsLeft: await available() })
      }
    }
    // Never twice; and nothing lost, but for a stop between marking the hand-over and making it.
    expect(outcomes.filter((o) => o.sent > 1)).toEqual([])
    expect(outcomes.filter((o) => o.sent === 0)).toEqual([expect.objectContaining({ sent: 0, handedOver: true })])
    // Each message used its one grant: none taken twice, none left over.
    expect(outcomes.filter((o) => o.grantsLeft !== 0)).toEqual([])
  })

  it('without a grant sends nothing, and records why', async () => {
    const { sent, messenger } = recordingMessenger()
    expect(await send('k1', messenger)).toEqual({ result: 'noGrant', duplicate: false })
    expect(sent).toEqual([])
    expect(await allDocs(cloud.db, NOTIFICATIONS)).toEqual([expect.objectContaining({ key: 'k1:m1', memberId: 'm1', memberName: '李党员', result: 'noGrant' })])
  })

  it('with a grant sends once, uses the grant, and the same key never sends again', async () => {
    await accept()
    await accept()
    const { sent, messenger } = recordingMessenger()
    expect(await send('k1', messenger)).toEqual({ result: 'sent', duplicate: false })
    expect(await send('k1', messenger)).toEqual({ result: 'sent', duplicate: true })
    expect(sent).toEqual([
      { touser: 'wx-m1', templateKey: 'dailyStudy', page: 'pages/index/index', data: { title: '今日学习', date: '2026-11-24', note: '约 5 分钟' } },
    ])
    expect(await available()).toBe(1)
    expect(await allDocs(cloud.db, NOTIFICATIONS)).toEqual([expect.objectContaining({ key: 'k1:m1', result: 'sent', channel: 'openapi', error: null })])
  })

  it('one grant, many concurrent sends under different keys: exactly one goes out', async () => {
    await accept()
    const { sent, messenger } = recordingMessenger()
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => send(`k${i}`, messenger)))
    expect(outcomes.filter((o) => o.result === 'sent')).toHaveLength(1)
    expect(outcomes.filter((o) => o.result === 'noGrant')).toHaveLength(7)
    expect(sent).toHaveLength(1)
    expect(await available()).toBe(0)
  })

  it('the same key sent concurrently goes out once', async () => {
    for (let i = 0; i < 3; i++) await accept()
    const { sent, messenger } = recordingMessenger()
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => send('same', messenger)))
    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1)
    expect(sent).toHaveLength(1)
    expect(await available()).toBe(2)
  })

  it.each([
    ['22:00', '2026-11-24T14:00:00Z', 'deferred'],
    ['03:00', '2026-11-23T19:00:00Z', 'deferred'],
    ['06:59', '2026-11-23T22:59:00Z', 'deferred'],
    ['07:00', '2026-11-23T23:00:00Z', 'sent'],
    ['21:59', '2026-11-24T13:59:00Z', 'sent'],
  ])('at %s Shanghai time (%s): %s', async (_label, at, result) => {
    await accept()
    cloud.clock.fix(new Date(at))
    const { sent, messenger } = recordingMessenger()
    expect(await send('k', messenger)).toEqual({ result, duplicate: false })
    expect(sent).toHaveLength(result === 'sent' ? 1 : 0)
    // A deferred message holds the grant it will go out with; the key is taken either way.
    expect(await available()).toBe(0)
    expect(await send('k', messenger)).toEqual({ result, duplicate: true })
  })

  it('a message held back at 22:30 goes out once the quiet hours end, with the grant and the cap of that morning', async () => {
    await accept()
    cloud.clock.fix(new Date('2026-11-24T14:30:00Z'))
    const { sent, messenger } = recordingMessenger()
    expect(await send('evening', messenger)).toEqual({ result: 'deferred', duplicate: false })
    const ports = () => ({ db: cloud.db, messenger, now: cloud.clock.now() })
    // Not before 07:00 Shanghai the next morning.
    cloud.clock.fix(new Date('2026-11-24T22:59:00Z'))
    expect(await sendDeferred(ports())).toEqual({})
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    const runs = await Promise.all([sendDeferred(ports()), sendDeferred(ports())])
    expect(runs.map((r) => r.sent ?? 0).sort()).toEqual([0, 1])
    expect(sent).toEqual([expect.objectContaining({ touser: 'wx-m1', templateKey: 'dailyStudy', page: 'pages/index/index' })])
    expect(await available()).toBe(0)
    expect(await allDocs(cloud.db, NOTIFICATIONS)).toEqual([
      expect.objectContaining({ key: 'evening:m1', result: 'sent', sendAfter: '2026-11-24T23:00:00.000Z' }),
    ])
    // No grant left: at night that is said at once, nothing is promised for the morning.
    cloud.clock.fix(new Date('2026-11-25T15:00:00Z'))
    expect(await send('second evening', messenger)).toEqual({ result: 'noGrant', duplicate: false })
    cloud.clock.fix(new Date('2026-11-25T23:30:00Z'))
    expect(await sendDeferred(ports())).toEqual({})
    expect(sent).toHaveLength(1)
  })

  it('a deferred message finding the morning’s cap reached gives its grant back', async () => {
    for (let i = 0; i < DAILY_CAP + 1; i++) await accept()
    cloud.clock.fix(new Date('2026-11-24T14:30:00Z'))
    const { messenger } = recordingMessenger()
    expect(await send('evening', messenger)).toMatchObject({ result: 'deferred' })
    cloud.clock.fix(new Date('2026-11-24T23:10:00Z'))
    for (let i = 0; i < DAILY_CAP; i++) expect(await send(`morning-${i}`, messenger)).toMatchObject({ result: 'sent' })
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    expect(await sendDeferred({ db: cloud.db, messenger, now: cloud.clock.now() })).toEqual({ dailyCap: 1 })
    expect(await available()).toBe(1)
  })

  it('a deferred message whose sending run stopped before handing it over is sent by a later run, past the lease', async () => {
    await accept()
    cloud.clock.fix(new Date('2026-11-24T14:30:00Z'))
    const { sent, messenger } = recordingMessenger()
    await send('evening', messenger)
    cloud.clock.fix(new Date('2026-11-24T23:30:00Z'))
    const db = instrument(cloud.db, stopper(4, false))
    await expect(sendDeferred({ db, messenger, now: cloud.clock.now() })).rejects.toThrow(/stopped/)
    expect(await sendDeferred({ db: cloud.db, messenger, now: cloud.clock.now() })).toEqual({})
    cloud.clock.fix(new Date(cloud.clock.now().getTime() + CLAIM_LEASE_MS))
    expect(await sendDeferred({ db: cloud.db, messenger, now: cloud.clock.now() })).toEqual({ sent: 1 })
    expect(sent).toHaveLength(1)
  })

  it(`caps messages at ${DAILY_CAP} per member per Shanghai day, keeping the grant beyond it`, async () => {
    for (let i = 0; i < DAILY_CAP + 2; i++) await accept()
    const { sent, messenger } = recordingMessenger()
    const outcomes = await Promise.all(Array.from({ length: DAILY_CAP + 1 }, (_, i) => send(`k${i}`, messenger)))
    expect(outcomes.filter((o) => o.result === 'sent')).toHaveLength(DAILY_CAP)
    expect(outcomes.filter((o) => o.result === 'dailyCap')).toHaveLength(1)
    expect(sent).toHaveLength(DAILY_CAP)
    expect(await available()).toBe(2)
    // The next Shanghai day (from 16:00Z) starts afresh.
    cloud.clock.fix(new Date('2026-11-25T01:00:00Z'))
    expect(await send('tomorrow', messenger)).toMatchObject({ result: 'sent' })
  })

  it('a failed send is recorded with its error and gives the grant and the slot back', async () => {
    await accept()
    const { messenger } = recordingMessenger({ ok: false, errCode: 45009, errMsg: 'reach max api daily quota limit' })
    expect(await send('k', messenger)).toEqual({ result: 'failed', duplicate: false })
    expect(await available()).toBe(1)
    expect(await allDocs(cloud.db, NOTIFICATIONS)).toEqual([expect.objectContaining({ result: 'failed', error: '45009: reach max api daily quota limit' })])
    const quota = await allDocs(cloud.db, 'notifyQuota')
    expect(quota).toEqual([expect.objectContaining({ count: 0 })])
  })

  it('WeChat saying the member holds no subscription (43101) clears our count', async () => {
    await accept()
    await accept()
    const { messenger } = recordingMessenger({ ok: false, errCode: 43101, errMsg: 'user refuse to accept the msg' })
    expect(await send('k', messenger)).toMatchObject({ result: 'failed' })
    expect(await available()).toBe(0)
  })

  it('a member who never bound WeChat is not sent to', async () => {
    await accept()
    const { sent, messenger } = recordingMessenger()
    const outcome = await notify({ db: cloud.db, messenger, now: cloud.clock.now() }, request('k', { ...m1, openid: '' }))
    expect(outcome.result).toBe('failed')
    expect(sent).toEqual([])
  })
})

describe('notifyAll', () => {
  it('tells 250 members in a few dozen round trips, each once, with each one’s own outcome', async () => {
    const members = Array.from({ length: 250 }, (_, i) => {
      const _id = `r${String(i).padStart(3, '0')}`
      return { _id, name: `成员${i}`, openid: i === 1 ? '' : `wx-${_id}` }
    })
    // Every other member holds a grant.
    await cloud.db.collection(SUBSCRIPTIONS).add({
      data: members
        .filter((_m, i) => i % 2 === 0)
        .map((m) => ({
          _id: `${m._id}_dailyStudy`,
          memberId: m._id,
          templateKey: 'dailyStudy',
          available: 1,
          accepted: 1,
          rejected: 0,
          lastAnswer: 'accepted',
          lastAnswerAt: MORNING,
        })),
    })
    const sent: string[] = []
    const messenger: Messenger = {
      channel: 'openapi',
      send: async (m) => (m.touser === 'wx-r010' ? { ok: false, errCode: 45009, errMsg: 'quota' } : (sent.push(m.touser), { ok: true })),
    }
    let trips = 0
    const counted = instrument(cloud.db, () => void (trips += 1))
    const message = {
      templateKey: 'dailyStudy' as const,
      topic: 'dailyStudy:2026-11-24',
      page: 'pages/index/index',
      data: (m: { name: string }) => ({ title: m.name, date: '2026-11-24', note: '—' }),
    }
    const outcomes = await notifyAll({ db: counted, messenger, now: cloud.clock.now() }, message, members)
    expect(trips).toBeLessThan(25)
    const expected = members.map((_m, i) => (i === 1 || i === 10 ? 'failed' : i % 2 ? 'noGrant' : 'sent'))
    expect(outcomes.map((o) => o.result)).toEqual(expected)
    expect(sent).toHaveLength(124)
    const records = new Map((await allDocs(cloud.db, NOTIFICATIONS)).map((d) => [d.memberId, d as unknown as NotificationDoc]))
    expect(records.get('r000')).toMatchObject({ key: 'dailyStudy:2026-11-24:r000', result: 'sent', data: { title: '成员0' } })
    expect(records.get('r010')).toMatchObject({ result: 'failed', error: '45009: quota' })
    const grants = new Map((await allDocs(cloud.db, SUBSCRIPTIONS)).map((d) => [d.memberId, d.available]))
    expect([grants.get('r000'), grants.get('r010')]).toEqual([0, 1])

    trips = 0
    const again = await notifyAll({ db: counted, messenger, now: cloud.clock.now() }, message, members)
    expect(again.map((o) => o.result)).toEqual(expected)
    expect(again.every((o) => o.duplicate)).toBe(true)
    expect(sent).toHaveLength(124)
    expect(trips).toBeLessThan(10)
  })
})

describe('listOutbox', () => {
  it('lists the sends newest first, 20 a page', async () => {
    for (let i = 0; i < 23; i++) {
      cloud.clock.fix(new Date(Date.parse(MORNING) + i * 60_000))
      await send(`k${String(i).padStart(2, '0')}`)
    }
    const first = await cloud.call(listOutbox, 'wx-org', { kind: 'notification' })
    if (!first.ok) throw new Error(first.message)
    expect(first.data.items).toHaveLength(20)
    expect(first.data.items[0]).toMatchObject({ kind: 'notification', key: 'k22:m1', result: 'noGrant', channel: 'outbox' })
    const second = await cloud.call(listOutbox, 'wx-org', { kind: 'notification', cursor: first.data.nextCursor! })
    expect(second).toMatchObject({ ok: true, data: { items: [{ key: 'k02:m1' }, { key: 'k01:m1' }, { key: 'k00:m1' }], nextCursor: null } })
  })
})
