import type { Subscription, TemplateKey } from '../../types'
import type { Member } from '../members'
import { TemplateKey as TemplateKeys } from '../../types'
import { holderPath } from '../db/counters'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { authorize, memberTarget } from '../permissions'
import { templateConfig, TEMPLATES } from './templates'

export const SUBSCRIPTIONS = 'subscriptions'

/**
 * A member's grants for one template (WeChat's one-time subscriptions: each accepted
 * `requestSubscribeMessage` allows one message). One document per member and template;
 * `available` counts the unused grants and is only ever changed by conditional atomic updates.
 */
export interface SubscriptionDoc {
  _id: string
  memberId: string
  templateKey: TemplateKey
  available: number
  accepted: number
  rejected: number
  lastAnswer: 'accepted' | 'rejected'
  lastAnswerAt: string
  /** Grants taken by messages not settled yet, by `fieldKey` of the message's id, and how many. */
  holders?: Record<string, true>
  held?: number
}

export const subscriptionId = (memberId: string, templateKey: TemplateKey) => `${memberId}_${templateKey}`

async function ensureDoc(db: CloudDatabase, memberId: string, templateKey: TemplateKey, at: string): Promise<void> {
  const doc: SubscriptionDoc = {
    _id: subscriptionId(memberId, templateKey),
    memberId,
    templateKey,
    available: 0,
    accepted: 0,
    rejected: 0,
    lastAnswer: 'rejected',
    lastAnswerAt: at,
  }
  try {
    await db.collection(SUBSCRIPTIONS).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
}

async function available(db: CloudDatabase, memberId: string): Promise<Map<TemplateKey, number>> {
  const { data } = await db.collection(SUBSCRIPTIONS).where({ memberId }).limit(100).get()
  return new Map((data as SubscriptionDoc[]).map((d) => [d.templateKey, d.available]))
}

function subscriptionsOf(counts: Map<TemplateKey, number>): Subscription[] {
  const ids = templateConfig()
  return TemplateKeys.options.map((key) => ({
    templateKey: key,
    templateId: ids[key]?.id ?? null,
    title: TEMPLATES[key].title,
    available: counts.get(key) ?? 0,
  }))
}

/** Records what the member answered to `requestSubscribeMessage` for one template. */
export async function recordAnswer(db: CloudDatabase, member: Member, now: Date, templateKey: TemplateKey, accepted: boolean): Promise<Subscription> {
  authorize(member, 'subscriptions.write', memberTarget(member))
  const at = now.toISOString()
  await ensureDoc(db, member._id, templateKey, at)
  const _ = db.command
  await db
    .collection(SUBSCRIPTIONS)
    .doc(subscriptionId(member._id, templateKey))
    .update({
      data: accepted
        ? { available: _.inc(1), accepted: _.inc(1), lastAnswer: 'accepted', lastAnswerAt: at }
        : { rejected: _.inc(1), lastAnswer: 'rejected', lastAnswerAt: at },
    })
  const subscription = subscriptionsOf(await available(db, member._id)).find((s) => s.templateKey === templateKey)
  return subscription!
}

/** The caller's templates with their ids (for `tmplIds`) and unused grants. */
export async function mySubscriptions(db: CloudDatabase, member: Member): Promise<Subscription[]> {
  authorize(member, 'subscriptions.write', memberTarget(member))
  return subscriptionsOf(await available(db, member._id))
}

/**
 * Takes, for the message `topic`, one unused grant of each member, atomically: of concurrent takers
 * of a member's last grant exactly one wins, and a message taken over after its first attempt stopped
 * keeps the grant that attempt took (marked `holders.<topic>` in the same update) instead of taking
 * another. Answers the members who hold one for it. One update, and one query when not all could.
 */
export async function takeGrants(db: CloudDatabase, memberIds: string[], templateKey: TemplateKey, topic: string): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set()
  const _ = db.command
  const ids = memberIds.map((m) => subscriptionId(m, templateKey))
  const path = holderPath(topic)
  const { stats } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: _.in(ids), available: _.gt(0), [path]: _.exists(false) })
    .update({ data: { available: _.inc(-1), held: _.inc(1), [path]: true } })
  if (stats.updated === ids.length) return new Set(memberIds)
  const { data } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: _.in(ids), [path]: true })
    .field({ memberId: true })
    .limit(ids.length)
    .get()
  return new Set((data as Pick<SubscriptionDoc, 'memberId'>[]).map((d) => d.memberId))
}

/** What becomes of the grants a message held: `spent` (it went out), `returned` (it did not), `cleared` (WeChat says the member holds none: 43101). */
export type GrantSettlement = 'spent' | 'returned' | 'cleared'

/** Settles the grant the message `topic` holds of each member, one update for them all. */
export async function settleGrants(db: CloudDatabase, memberIds: string[], templateKey: TemplateKey, topic: string, how: GrantSettlement): Promise<void> {
  if (memberIds.length === 0) return
  const _ = db.command
  const path = holderPath(topic)
  const change = { spent: {}, returned: { available: _.inc(1) }, cleared: { available: 0 } }[how]
  await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: _.in(memberIds.map((m) => subscriptionId(m, templateKey))), [path]: true })
    .update({ data: { ...change, held: _.inc(-1), [path]: _.remove() } })
}

/**
 * The ids of members holding an unused grant for a template, or one a message of theirs took and
 * has not settled (a stopped run's, to be taken over), a page at a time.
 */
export async function membersWithGrant(db: CloudDatabase, templateKey: TemplateKey): Promise<string[]> {
  const _ = db.command
  const ids: string[] = []
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(SUBSCRIPTIONS)
      .where(_.and([{ templateKey, _id: _.gt(after) }, _.or([{ available: _.gt(0) }, { held: _.gt(0) }])]))
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    const docs = data as SubscriptionDoc[]
    ids.push(...docs.map((d) => d.memberId))
    if (docs.length < 1000) return ids
    after = docs[docs.length - 1]._id
  }
}
