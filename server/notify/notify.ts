import { createHash } from 'node:crypto'
import type { NotificationRecord, NotificationResult, TemplateKey } from '../../types'
import type { Member } from '../members'
import { dayKey } from '../../types/calendar'
import { addEach, docsByIds } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { settleGrants, takeGrants } from './grants'
import type { Messenger } from './messenger'
import { reserveSlots, returnSlots } from './quota'
import { MEMBERS } from '../members'
import { DAILY_CAP, isQuietHour, quietUntil } from './rules'

export const NOTIFICATIONS = 'notifications'

/** One send attempt as stored, under an id derived from its idempotency key. */
export interface NotificationDoc extends Omit<NotificationRecord, 'kind'> {
  updatedAt: string
  /** When the message was handed to WeChat; from then on the key is never tried again. */
  sendingAt: string | null
  /** A message asked for in the quiet hours: when it may go out (`sendDeferred`). */
  sendAfter?: string
}

/**
 * A claimed key whose attempt stopped before handing the message over (no `sendingAt`) may be
 * taken over by a later call after this long: the message is not lost, and it still goes out at
 * most once. (A stopped attempt may have used one grant or one slot of the day's cap.)
 */
export const CLAIM_LEASE_MS = 5 * 60_000

/** Who a message goes to. */
export type Recipient = Pick<Member, '_id' | 'name' | 'openid'>

/** One message, said to one member or to many: what it is about and what it says. */
export interface Message {
  templateKey: TemplateKey
  /**
   * What the message is about, at most once per member: e.g. `dailyStudy:2026-11-23`. A member's copy
   * is keyed `<topic>:<member>`: the same key never sends twice, whatever happens.
   */
  topic: string
  /** The mini-program page the message opens. */
  page: string
  /** Semantic fields (see templates.ts), the same for all or each member's own. */
  data: MessageData | ((member: Recipient) => MessageData)
}

export type MessageData = Record<string, string>

export interface NotifyRequest extends Message {
  member: Recipient
}

export interface NotifyPorts {
  db: CloudDatabase
  messenger: Messenger
  now: Date
}

export interface NotifyOutcome {
  result: NotificationResult
  /** The key had been used before: this call sent nothing and answers the earlier result. */
  duplicate: boolean
  /**
   * Another attempt claimed the message and has not handed it to WeChat yet, within its lease: it
   * may still go out, or be taken over after the lease. A job must not count it as done.
   */
  pending?: boolean
}

/** WeChat's answer when the member holds no subscription for the template. */
const NO_SUBSCRIPTION = 43101

const NOT_BOUND = '这位成员还没有绑定微信'

/** Messages handed to WeChat at once, each slice marked handed-over by one update before it goes. */
const WIDTH = 20

type SendAnswer = Awaited<ReturnType<Messenger['send']>>

export const messageKey = (topic: string, memberId: string) => `${topic}:${memberId}`
export const notificationId = (key: string) => `n-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`

/** A claimed message: this call (and no other) may deliver it. */
interface Claim {
  doc: Pick<NotificationDoc, '_id' | 'key' | 'memberId' | 'templateKey' | 'page' | 'data'>
  member: Recipient
}

/** Sends one subscribe message, at most once per key: `notifyAll` for one member. */
export async function notify(ports: NotifyPorts, { member, ...message }: NotifyRequest): Promise<NotifyOutcome> {
  const [outcome] = await notifyAll(ports, message, [member])
  return outcome
}

/**
 * Sends `message` to each of `members`, each copy at most once per key, and answers each one's
 * outcome, in order; 1,000 members at a time. The keys are claimed first (the records' unique ids, a
 * hundred a request), or taken over from an attempt that stopped before sending (CLAIM_LEASE_MS). In
 * the quiet hours (22:00–07:00 Shanghai) the claimed are recorded `deferred` and go out with the next
 * morning's `sendDeferred`; otherwise they are delivered now (`deliver`). The database round trips
 * do not grow one per member; WeChat's send is one call per member.
 */
export async function notifyAll(ports: NotifyPorts, message: Message, members: Recipient[]): Promise<NotifyOutcome[]> {
  const outcomes: NotifyOutcome[] = []
  for (let i = 0; i < members.length; i += BATCH_SIZE) outcomes.push(...(await notifyBatch(ports, message, members.slice(i, i + BATCH_SIZE))))
  return outcomes
}

async function notifyBatch(ports: NotifyPorts, message: Message, members: Recipient[]): Promise<NotifyOutcome[]> {
  const { db, messenger, now } = ports
  const at = now.toISOString()
  const docs = members.map((member): NotificationDoc => {
    const key = messageKey(message.topic, member._id)
    const { templateKey, page } = message
    const data = typeof message.data === 'function' ? message.data(member) : message.data
    const common = { templateKey, page, data, error: null, at, updatedAt: at, sendingAt: null }
    return { _id: notificationId(key), key, memberId: member._id, memberName: member.name, result: 'sending', channel: messenger.channel, ...common }
  })
  const added = await addEach(db, NOTIFICATIONS, docs)
  const earlier = await docsByIds<NotificationDoc>(
    db,
    NOTIFICATIONS,
    docs.filter((_d, i) => !added[i]).map((d) => d._id),
  )
  const outcomes: NotifyOutcome[] = []
  const claims = new Map<string, Claim>()
  for (const [i, doc] of docs.entries()) {
    const found = earlier.get(doc._id)
    if (added[i] || (found && (await takeOver(db, found, now)))) {
      claims.set(doc._id, { doc, member: members[i] })
      continue
    }
    const pending = !found || (found.result === 'sending' && !found.sendingAt)
    outcomes[i] = { result: found?.result ?? 'sending', duplicate: true, ...(pending ? { pending } : {}) }
  }
  const results = isQuietHour(now) ? await defer(ports, [...claims.values()]) : await deliver(ports, [...claims.values()])
  docs.forEach((doc, i) => {
    const result = results.get(doc._id)
    if (result) outcomes[i] = { result, duplicate: false }
  })
  return outcomes
}

/** The messages of a template about one topic: they share their grants' and slots' holder mark. */
function byTopic(claims: Claim[]): { templateKey: TemplateKey; topic: string; claims: Claim[] }[] {
  const groups = new Map<string, { templateKey: TemplateKey; topic: string; claims: Claim[] }>()
  for (const c of claims) {
    const topic = c.doc.key.slice(0, -(c.doc.memberId.length + 1))
    const k = `${c.doc.templateKey}\u0000${topic}`
    const group = groups.get(k) ?? { templateKey: c.doc.templateKey, topic, claims: [] }
    group.claims.push(c)
    groups.set(k, group)
  }
  return [...groups.values()]
}

/** Each claimed message's outcome, recorded by one update per distinct outcome. */
class Outcomes {
  readonly results = new Map<string, NotificationResult>()
  private readonly changes = new Map<string, { change: Record<string, unknown>; ids: string[] }>()

  set(claims: Claim[], result: NotificationResult, error: string | null = null, more: Record<string, unknown> = {}): void {
    if (claims.length === 0) return
    const change = { result, error, ...more }
    const k = JSON.stringify(change)
    const entry = this.changes.get(k) ?? { change, ids: [] as string[] }
    for (const c of claims) {
      entry.ids.push(c.doc._id)
      this.results.set(c.doc._id, result)
    }
    this.changes.set(k, entry)
  }

  async record(db: CloudDatabase, at: string): Promise<Map<string, NotificationResult>> {
    for (const { change, ids } of this.changes.values()) {
      await db
        .collection(NOTIFICATIONS)
        .where({ _id: db.command.in(ids) })
        .update({ data: { ...change, updatedAt: at } })
    }
    return this.results
  }
}

const memberIds = (claims: Claim[]) => claims.map((c) => c.member._id)
const holding = (claims: Claim[], held: Set<string>, has = true) => claims.filter((c) => held.has(c.member._id) === has)

/**
 * Holds messages asked for in the quiet hours until they end, each with the grant it will use (taken
 * now, marked by its topic, so the morning's delivery finds it): one without a grant is `noGrant` at
 * once, never promised.
 */
async function defer(ports: NotifyPorts, claims: Claim[]): Promise<Map<string, NotificationResult>> {
  const { db, now } = ports
  const out = new Outcomes()
  out.set(
    claims.filter((c) => !c.member.openid),
    'failed',
    NOT_BOUND,
  )
  for (const group of byTopic(claims.filter((c) => c.member.openid))) {
    const granted = await takeGrants(db, memberIds(group.claims), group.templateKey, group.topic)
    out.set(holding(group.claims, granted, false), 'noGrant')
    out.set(holding(group.claims, granted), 'deferred', null, { sendAfter: quietUntil(now).toISOString() })
  }
  return out.record(db, now.toISOString())
}

/**
 * Delivers claimed messages: for each, an unused grant taken atomically, a slot of the member's daily
 * cap, the send. Every outcome is recorded; a grant and a slot are given back when nothing went out.
 * A handful of round trips for each topic, whatever the number of members.
 */
async function deliver(ports: NotifyPorts, claims: Claim[]): Promise<Map<string, NotificationResult>> {
  const { db, messenger, now } = ports
  const at = now.toISOString()
  const day = dayKey(now)
  const out = new Outcomes()
  out.set(
    claims.filter((c) => !c.member.openid),
    'failed',
    NOT_BOUND,
  )
  for (const { templateKey, topic, claims: group } of byTopic(claims.filter((c) => c.member.openid))) {
    // Marked by the topic: a run taking over a stopped one reuses the grant and slot it took.
    const granted = await takeGrants(db, memberIds(group), templateKey, topic)
    out.set(holding(group, granted, false), 'noGrant')
    const withGrant = holding(group, granted)
    const slotted = await reserveSlots(db, memberIds(withGrant), day, DAILY_CAP, topic)
    const capped = holding(withGrant, slotted, false)
    await settleGrants(db, memberIds(capped), templateKey, topic, 'returned')
    out.set(capped, 'dailyCap')
    const toSend = holding(withGrant, slotted)
    if (toSend.length === 0) continue
    const answers: SendAnswer[] = []
    for (let i = 0; i < toSend.length; i += WIDTH) {
      const slice = toSend.slice(i, i + WIDTH)
      // From here on these keys are never tried again (at most once): a run that stops now loses at
      // most the slice in flight, never the batch.
      await db
        .collection(NOTIFICATIONS)
        .where({ _id: db.command.in(slice.map((c) => c.doc._id)) })
        .update({ data: { sendingAt: at, updatedAt: at } })
      const sending = slice.map(({ doc, member }) =>
        messenger
          .send({ touser: member.openid, templateKey, page: doc.page, data: doc.data })
          .catch((err: unknown): SendAnswer => ({ ok: false, errCode: 'ERROR', errMsg: (err as Error)?.message ?? String(err) })),
      )
      answers.push(...(await Promise.all(sending)))
    }
    const sent = toSend.filter((_c, i) => answers[i].ok)
    await settleGrants(db, memberIds(sent), templateKey, topic, 'spent')
    out.set(sent, 'sent')
    const refused = toSend.flatMap((claim, i) => {
      const answer = answers[i]
      return answer.ok ? [] : [{ claim, error: `${answer.errCode}: ${answer.errMsg}`, unsubscribed: Number(answer.errCode) === NO_SUBSCRIPTION }]
    })
    if (refused.length === 0) continue
    const failed = refused.map((r) => r.claim)
    await returnSlots(db, memberIds(failed), day, topic)
    for (const how of ['cleared', 'returned'] as const) {
      const these = refused.filter((r) => r.unsubscribed === (how === 'cleared')).map((r) => r.claim)
      await settleGrants(db, memberIds(these), templateKey, topic, how)
    }
    for (const r of refused) out.set([r.claim], 'failed', r.error)
  }
  return out.record(db, at)
}

/**
 * The messages deferred by the quiet hours that may go out now, delivered with the grant and the
 * daily cap of now, each once: a message is claimed (deferred → sending) by one run, and one whose
 * run stopped before handing it over is taken over after CLAIM_LEASE_MS. 100 at a time; answers
 * what became of them.
 */
export async function sendDeferred(ports: NotifyPorts): Promise<Partial<Record<NotificationResult, number>>> {
  const { db, now } = ports
  const _ = db.command
  const at = now.toISOString()
  const tally: Partial<Record<NotificationResult, number>> = {}
  const stalledBefore = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString()
  for (;;) {
    const { data } = await db
      .collection(NOTIFICATIONS)
      .where(
        _.or([
          { result: 'deferred', sendAfter: _.lte(at) },
          { result: 'sending', sendingAt: null, sendAfter: _.lte(at), updatedAt: _.lte(stalledBefore) },
        ]),
      )
      .limit(100)
      .get()
    const due = data as NotificationDoc[]
    if (due.length === 0) return tally
    const { data: found } = await db
      .collection(MEMBERS)
      .where({ _id: _.in([...new Set(due.map((d) => d.memberId))]) })
      .limit(100)
      .get()
    const members = new Map((found as Recipient[]).map((m) => [m._id, m]))
    const claims: Claim[] = []
    for (const doc of due) {
      const { stats } = await db
        .collection(NOTIFICATIONS)
        .where({ _id: doc._id, result: doc.result, updatedAt: doc.updatedAt })
        .update({ data: { result: 'sending', updatedAt: at } })
      if (stats.updated === 1) claims.push({ doc, member: members.get(doc.memberId) ?? { _id: doc.memberId, name: doc.memberName, openid: '' } })
    }
    for (const result of (await deliver(ports, claims)).values()) tally[result] = (tally[result] ?? 0) + 1
  }
}

/** Claims a stalled key for this call: one caller wins, and never once the message was handed over. */
async function takeOver(db: CloudDatabase, earlier: NotificationDoc, now: Date): Promise<boolean> {
  const stalled = earlier.result === 'sending' && !earlier.sendingAt && now.getTime() - Date.parse(earlier.updatedAt) >= CLAIM_LEASE_MS
  if (!stalled) return false
  const { stats } = await db
    .collection(NOTIFICATIONS)
    .where({ _id: earlier._id, result: 'sending', sendingAt: null, updatedAt: earlier.updatedAt })
    .update({ data: { updatedAt: now.toISOString() } })
  return stats.updated === 1
}
