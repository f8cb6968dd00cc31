import type { Member, Subscription, TemplateKey } from '../../types'
import { TemplateKey as TemplateKeys } from '../../types'
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

/** Takes one unused grant, atomically: of concurrent takers of the last grant exactly one wins. */
export async function consumeGrant(db: CloudDatabase, memberId: string, templateKey: TemplateKey): Promise<boolean> {
  const _ = db.command
  const { stats } = await db
    .collection(SUBSCRIPTIONS)
    .where({ _id: subscriptionId(memberId, templateKey), available: _.gt(0) })
    .update({ data: { available: _.inc(-1) } })
  return stats.updated === 1
}

/** Gives a grant back when the message did not go out. */
export async function returnGrant(db: CloudDatabase, memberId: string, templateKey: TemplateKey): Promise<void> {
  await db
    .collection(SUBSCRIPTIONS)
    .doc(subscriptionId(memberId, templateKey))
    .update({ data: { available: db.command.inc(1) } })
}

/** WeChat says the member holds no grant (43101): ours was wrong, forget it. */
export async function clearGrants(db: CloudDatabase, memberId: string, templateKey: TemplateKey): Promise<void> {
  await db
    .collection(SUBSCRIPTIONS)
    .doc(subscriptionId(memberId, templateKey))
    .update({ data: { available: 0 } })
}

/** The ids of members holding an unused grant for a template, a page at a time. */
export async function membersWithGrant(db: CloudDatabase, templateKey: TemplateKey): Promise<string[]> {
  const _ = db.command
  const ids: string[] = []
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(SUBSCRIPTIONS)
      .where({ templateKey, available: _.gt(0), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    const docs = data as SubscriptionDoc[]
    ids.push(...docs.map((d) => d.memberId))
    if (docs.length < 1000) return ids
    after = docs[docs.length - 1]._id
  }
}
