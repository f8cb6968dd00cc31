import { createHash } from 'node:crypto'
import type { NotificationRecord, NotificationResult, TemplateKey } from '../../types'
import type { Member } from '../members'
import { dayKey } from '../../types/calendar'
import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { clearGrants, consumeGrant, returnGrant, spendGrant } from './grants'
import type { Messenger } from './messenger'
import { releaseSlot, reserveSlot } from './quota'
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

export interface NotifyRequest {
  member: Pick<Member, '_id' | 'name' | 'openid'>
  templateKey: TemplateKey
  /** The same key never sends twice, whatever happens: e.g. `dailyStudy:2026-11-23:member-07`. */
  key: string
  /** The mini-program page the message opens. */
  page: string
  /** Semantic fields (see templates.ts). */
  data: Record<string, string>
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

export const notificationId = (key: string) => `n-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`

/**
 * Sends one subscribe message, at most once per idempotency key. The key is claimed first (the
 * record's unique id), or taken over from an attempt that stopped before sending (CLAIM_LEASE_MS).
 * In the quiet hours (22:00–07:00 Shanghai) it is recorded `deferred` and goes out with the next
 * morning's `sendDeferred`; otherwise it is delivered now (`deliver`).
 */
export async function notify(ports: NotifyPorts, request: NotifyRequest): Promise<NotifyOutcome> {
  const { db, messenger, now } = ports
  const { member, templateKey } = request
  const at = now.toISOString()
  const doc: NotificationDoc = {
    _id: notificationId(request.key),
    key: request.key,
    memberId: member._id,
    memberName: member.name,
    templateKey,
    result: 'sending',
    channel: messenger.channel,
    page: request.page,
    data: request.data,
    error: null,
    at,
    updatedAt: at,
    sendingAt: null,
  }
  try {
    await db.collection(NOTIFICATIONS).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const earlier = await findDoc<NotificationDoc>(db, NOTIFICATIONS, doc._id)
    if (!earlier || !(await takeOver(db, earlier, now))) {
      const pending = !earlier || (earlier.result === 'sending' && !earlier.sendingAt)
      return { result: earlier?.result ?? 'sending', duplicate: true, ...(pending ? { pending } : {}) }
    }
  }

  if (isQuietHour(now)) return defer(ports, doc, member)
  return deliver(ports, doc, member)
}

/** Records a message's final outcome. */
const recorder =
  ({ db, now }: NotifyPorts, id: string) =>
  async (result: NotificationResult, error: string | null = null): Promise<NotifyOutcome> => {
    await db
      .collection(NOTIFICATIONS)
      .doc(id)
      .update({ data: { result, error, updatedAt: now.toISOString() } })
    return { result, duplicate: false }
  }

/**
 * Holds a message asked for in the quiet hours until they end, with the grant it will use (taken
 * now, keyed by the message, so the morning's delivery finds it): one without a grant is `noGrant`
 * at once, never promised.
 */
async function defer(ports: NotifyPorts, doc: NotificationDoc, member: NotifyRequest['member']): Promise<NotifyOutcome> {
  const { db, now } = ports
  const at = now.toISOString()
  const finish = recorder(ports, doc._id)
  if (!member.openid) return finish('failed', '这位成员还没有绑定微信')
  if (!(await consumeGrant(db, member._id, doc.templateKey, doc._id))) return finish('noGrant')
  await db
    .collection(NOTIFICATIONS)
    .doc(doc._id)
    .update({ data: { result: 'deferred', sendAfter: quietUntil(now).toISOString(), updatedAt: at } })
  return { result: 'deferred', duplicate: false }
}

/**
 * Delivers a claimed message: an unused grant taken atomically, a slot of the member's daily cap,
 * the send. Every outcome is recorded; a grant and a slot are given back when nothing went out.
 */
async function deliver(
  ports: NotifyPorts,
  doc: Pick<NotificationDoc, '_id' | 'templateKey' | 'page' | 'data'>,
  member: NotifyRequest['member'],
): Promise<NotifyOutcome> {
  const { db, messenger, now } = ports
  const { templateKey } = doc
  const at = now.toISOString()
  const finish = recorder(ports, doc._id)

  if (!member.openid) return finish('failed', '这位成员还没有绑定微信')
  // Keyed by the message: a run taking over a stopped one reuses the grant and slot it took.
  if (!(await consumeGrant(db, member._id, templateKey, doc._id))) return finish('noGrant')
  if (!(await reserveSlot(db, member._id, dayKey(now), DAILY_CAP, doc._id))) {
    await returnGrant(db, member._id, templateKey, doc._id)
    return finish('dailyCap')
  }
  await db
    .collection(NOTIFICATIONS)
    .doc(doc._id)
    .update({ data: { sendingAt: at, updatedAt: at } })
  const outcome = await messenger
    .send({ touser: member.openid, templateKey, page: doc.page, data: doc.data })
    .catch((err: unknown) => ({ ok: false as const, errCode: 'ERROR', errMsg: (err as Error)?.message ?? String(err) }))
  if (outcome.ok) {
    await spendGrant(db, member._id, templateKey, doc._id)
    return finish('sent')
  }
  await releaseSlot(db, member._id, dayKey(now), doc._id)
  if (Number(outcome.errCode) === NO_SUBSCRIPTION) await clearGrants(db, member._id, templateKey, doc._id)
  else await returnGrant(db, member._id, templateKey, doc._id)
  return finish('failed', `${outcome.errCode}: ${outcome.errMsg}`)
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
    const members = new Map((found as NotifyRequest['member'][]).map((m) => [m._id, m]))
    for (const doc of due) {
      const { stats } = await db
        .collection(NOTIFICATIONS)
        .where({ _id: doc._id, result: doc.result, updatedAt: doc.updatedAt })
        .update({ data: { result: 'sending', updatedAt: at } })
      if (stats.updated !== 1) continue
      const member = members.get(doc.memberId) ?? { _id: doc.memberId, name: doc.memberName, openid: '' }
      const { result } = await deliver(ports, doc, member)
      tally[result] = (tally[result] ?? 0) + 1
    }
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
