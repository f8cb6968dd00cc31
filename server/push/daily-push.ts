import type { DayKey, NotificationResult, PublicationStatus } from '../../types'
import { dayKey } from '../../types/calendar'
import { ARTICLES, type ArticleDoc } from '../content/docs'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'
import { MEMBERS, type Member } from '../members'
import { CHECKINS, checkInId } from '../checkin'
import { membersWithGrant, SUBSCRIPTIONS, subscriptionId, type SubscriptionDoc } from '../notify/grants'
import type { Messenger } from '../notify/messenger'
import { notifyAll, sendDeferred, type NotifyOutcome } from '../notify/notify'
import type { OfficialAccount } from '../official-account/client'
import { publishEdition } from '../official-account/publication'
import { findPush, PUSHES, type PushDoc } from './pushes'

/** The draft API takes at most 8 articles: so does one day's push. */
export const MAX_ARTICLES_PER_PUSH = 8
/** The page a daily-study message opens. */
export const HOME_PAGE = 'pages/index/index'

export interface DailyPushPorts {
  db: CloudDatabase
  now: Date
  messenger: Messenger
  officialAccount: OfficialAccount | undefined
}

export interface DailyPushSummary {
  day: DayKey
  /** `created` false: the day's push existed (a second run) or there was nothing to push. */
  push: { created: boolean; source: PushDoc['source'] | null; articleIds: string[] }
  publication: { status: PublicationStatus; mediaId: string | null; publishId: string | null; error: string | null } | null
  /** The messages the quiet hours held back since last night (any kind), sent first. */
  deferred: Partial<Record<NotificationResult, number>>
  /** Messages by result; `duplicate`: already handled by an earlier run. */
  notifications: Partial<Record<NotificationResult | 'duplicate', number>>
}

/**
 * Picks the day's articles: those scheduled for it (and any scheduled day the push missed), or
 * else the first of the queue; and records them as the day's push. The push's id is the day: of two
 * runs, the second finds the first's push and publishes nothing new.
 */
async function ensurePush(db: CloudDatabase, day: DayKey, now: Date): Promise<{ push?: PushDoc; created: boolean }> {
  const existing = await findPush(db, day)
  if (existing) return { push: existing, created: false }
  const _ = db.command
  const scheduled = await db
    .collection(ARTICLES)
    .where({ status: 'scheduled', scheduledFor: _.lte(day) })
    .field({ _id: true })
    .orderBy('scheduledFor', 'asc')
    .orderBy('_id', 'asc')
    .limit(MAX_ARTICLES_PER_PUSH)
    .get()
  let source: PushDoc['source'] = 'scheduled'
  let picked = scheduled.data
  if (picked.length === 0) {
    source = 'queue'
    picked = (await db.collection(ARTICLES).where({ status: 'queued' }).field({ _id: true }).orderBy('queuedAt', 'asc').orderBy('_id', 'asc').limit(1).get())
      .data
  }
  if (picked.length === 0) return { created: false }
  const push: PushDoc = { _id: day, day, articleIds: picked.map((a) => String(a._id)), source, createdAt: now.toISOString() }
  try {
    await db.collection(PUSHES).add({ data: push })
    return { push, created: true }
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    return { push: await findPush(db, day), created: false }
  }
}

/** Marks the push's articles published on its day; repeating it changes nothing. */
async function markPublished(db: CloudDatabase, push: PushDoc): Promise<ArticleDoc[]> {
  const _ = db.command
  await db
    .collection(ARTICLES)
    .where({ _id: _.in(push.articleIds), status: _.in(['draft', 'queued', 'scheduled']) })
    .update({ data: { status: 'published', publishedOn: push.day, queuedAt: _.remove(), updatedAt: push.createdAt } })
  const { data } = await db
    .collection(ARTICLES)
    .where({ _id: _.in(push.articleIds) })
    .limit(MAX_ARTICLES_PER_PUSH)
    .get()
  const byId = new Map((data as ArticleDoc[]).map((a) => [a._id, a]))
  return push.articleIds.map((id) => byId.get(id)).filter((a): a is ArticleDoc => a !== undefined && a.status !== 'retired')
}

/**
 * The active members of `ids` still to be told today. Not told: one who has checked in today
 * already, or who allowed the reminder after today's push began (at 打卡「明天提醒我」, or a run
 * fired again in the evening) — that grant is for tomorrow's push. Except a member whose message
 * an earlier run claimed: it is finished rather than left holding her grant.
 */
async function stillToRemind(db: CloudDatabase, ids: string[], push: PushDoc): Promise<Member[]> {
  const _ = db.command
  const members: Member[] = []
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const batch = ids.slice(i, i + BATCH_SIZE)
    const [{ data: active }, { data: checkedIn }, { data: grants }] = await Promise.all([
      db
        .collection(MEMBERS)
        .where({ _id: _.in(batch), status: 'active' })
        .limit(batch.length)
        .get(),
      db
        .collection(CHECKINS)
        .where({ _id: _.in(batch.map((id) => checkInId(id, push.day))) })
        .field({ memberId: true })
        .limit(batch.length)
        .get(),
      db
        .collection(SUBSCRIPTIONS)
        .where({ _id: _.in(batch.map((id) => subscriptionId(id, 'dailyStudy'))) })
        .field({ memberId: true, lastAnswerAt: true, held: true })
        .limit(batch.length)
        .get(),
    ])
    const studied = new Set((checkedIn as { memberId: string }[]).map((c) => c.memberId))
    const grantOf = new Map((grants as Pick<SubscriptionDoc, 'memberId' | 'lastAnswerAt' | 'held'>[]).map((g) => [g.memberId, g]))
    const due = (id: string) => {
      const grant = grantOf.get(id)
      if ((grant?.held ?? 0) > 0) return true
      return !studied.has(id) && !(grant && Date.parse(grant.lastAnswerAt) > Date.parse(push.createdAt))
    }
    members.push(...(active as Member[]).filter((m) => due(m._id)))
  }
  return members
}

/** Tells the members who asked for it (an unused `dailyStudy` grant, given before today's push) and have not studied yet that today's study is out. */
async function notifySubscribers(ports: DailyPushPorts, push: PushDoc, articles: ArticleDoc[]) {
  const day = push.day
  const members = await stillToRemind(ports.db, await membersWithGrant(ports.db, 'dailyStudy'), push)
  const minutes = articles.reduce((sum, a) => sum + a.minutes, 0)
  const data = { title: articles[0].title, date: day, note: `今日学习已推送，约 ${minutes} 分钟` }
  const outcomes = await notifyAll(ports, { templateKey: 'dailyStudy', topic: `dailyStudy:${day}`, page: HOME_PAGE, data }, members)
  const tally: DailyPushSummary['notifications'] = {}
  const count = (o: NotifyOutcome) => (o.duplicate ? 'duplicate' : o.result)
  for (const o of outcomes) tally[count(o)] = (tally[count(o)] ?? 0) + 1
  return tally
}

/**
 * 每日推送, run by the `dailyPush` timer at 07:30 Shanghai: first sends what the quiet hours held
 * back, then publishes the day's articles to the home page's 今日学习, makes the official account's
 * edition and notifies subscribers. Every step
 * is keyed by the day, so a second run (or a retry after a failure) finishes what is unfinished
 * and repeats nothing.
 */
export async function runDailyPush(ports: DailyPushPorts): Promise<DailyPushSummary> {
  const { db, now } = ports
  const day = dayKey(now)
  const deferred = await sendDeferred(ports)
  const { push, created } = await ensurePush(db, day, now)
  if (!push) return { day, push: { created: false, source: null, articleIds: [] }, publication: null, notifications: {}, deferred }
  const articles = await markPublished(db, push)
  const summary: DailyPushSummary = {
    day,
    push: { created, source: push.source, articleIds: push.articleIds },
    publication: null,
    notifications: {},
    deferred,
  }
  if (articles.length === 0) return summary
  const { status, mediaId, publishId, error } = await publishEdition(db, ports.officialAccount, now, day, articles)
  summary.publication = { status, mediaId, publishId, error }
  summary.notifications = await notifySubscribers(ports, push, articles)
  return summary
}
