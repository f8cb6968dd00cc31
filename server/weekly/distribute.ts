import type { Member, NotificationResult } from '../../types'
import { weekKey } from '../calendar'
import type { CloudDatabase } from '../db/types'
import { isDuplicateKeyError } from '../db/types'
import { findDoc } from '../db/documents'
import { BATCH_SIZE, inParallel, runBatchedJob } from '../jobs/batched-job'
import { MEMBERS } from '../members'
import { membersWithGrant } from '../notify/grants'
import type { Messenger } from '../notify/messenger'
import { notify, type NotifyOutcome } from '../notify/notify'
import { assignmentId, publishAt, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type AssignmentDoc, type WeeklyListDoc } from './docs'

/** The page a 每周一学 message opens. */
export const WEEKLY_PAGE = 'pages/weekly/index'
/** Writes in flight at once within a batch. */
const WIDTH = 20

export interface DistributionPorts {
  db: CloudDatabase
  now: Date
  messenger: Messenger
}

export type Tally = Partial<Record<NotificationResult | 'duplicate', number>>

export interface ListDistribution {
  listId: string
  /** Publications this run created (a resumed run counts only its own). */
  published: number
  /** Members the list went out to in all, once distribution finished. */
  publishedTo: number | null
  notifications: Tally
}

export const countOutcome = (tally: Tally, o: NotifyOutcome) => {
  const k = o.duplicate ? 'duplicate' : o.result
  tally[k] = (tally[k] ?? 0) + 1
}

type Target = Pick<Member, '_id' | 'name' | 'openid' | 'groupId' | 'branchId'>

/** Active members in the list's audience after `after`, by id. */
function targets(db: CloudDatabase, list: WeeklyListDoc, after: string | null): Promise<Target[]> {
  const _ = db.command
  const where: Record<string, unknown> = { status: 'active' }
  if (list.branchIds.length > 0) where.branchId = _.in(list.branchIds)
  if (after) where._id = _.gt(after)
  return db
    .collection(MEMBERS)
    .where(where)
    .field({ _id: true, name: true, openid: true, groupId: true, branchId: true })
    .orderBy('_id', 'asc')
    .limit(BATCH_SIZE)
    .get()
    .then(({ data }) => data as Target[])
}

/**
 * The member's copy of the week's list, under the id `<week>_<member>`: however often it is
 * written, a member has one publication a week. Answers whether it is this list's.
 */
async function publishTo(db: CloudDatabase, list: WeeklyListDoc, member: Target, at: string): Promise<'created' | 'existing' | 'other'> {
  const doc: AssignmentDoc = {
    _id: assignmentId(list.week, member._id),
    listId: list._id,
    week: list.week,
    memberId: member._id,
    name: member.name,
    groupId: member.groupId,
    branchId: member.branchId,
    publishedAt: at,
  }
  try {
    await db.collection(WEEKLY_ASSIGNMENTS).add({ data: doc })
    return 'created'
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    const existing = await findDoc<AssignmentDoc>(db, WEEKLY_ASSIGNMENTS, doc._id)
    return existing?.listId === list._id ? 'existing' : 'other'
  }
}

/** From its first run on, a list counts as published: it is no longer edited. */
async function markPublished(db: CloudDatabase, list: WeeklyListDoc, at: string): Promise<boolean> {
  if (list.status === 'published') return true
  const { stats } = await db.collection(WEEKLY_LISTS).where({ _id: list._id, status: 'scheduled' }).update({ data: { status: 'published', updatedAt: at } })
  if (stats.updated === 1) return true
  return (await findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, list._id))?.status === 'published'
}

/**
 * Publishes one list to every active member of its audience, 1,000 at a time, and tells those who
 * asked for it (an unused `weeklyList` grant). Progress is recorded after each batch (jobs.ts), so a
 * run that stops is resumed by the next; publications and messages are keyed per member and week,
 * so nobody gets the list or the message twice.
 */
export async function distributeList(ports: DistributionPorts, list: WeeklyListDoc): Promise<ListDistribution> {
  const { db, now } = ports
  const at = now.toISOString()
  const result: ListDistribution = { listId: list._id, published: 0, publishedTo: list.publishedTo, notifications: {} }
  if (!(await markPublished(db, list, at))) return result
  const asked = new Set(await membersWithGrant(db, 'weeklyList'))
  const required = list.items.filter((i) => i.required).length
  const data = { title: '本周学习清单已发布', date: list.week, note: `必学 ${required} 项，学习目标 ${list.targetMinutes} 分钟` }
  await runBatchedJob(db, `weeklyDistribution_${list._id}`, now, {
    next: (after) => targets(db, list, after),
    async handle(batch) {
      const published = await inParallel(batch, WIDTH, async (member) => ({ member, how: await publishTo(db, list, member, at) }))
      result.published += published.filter((p) => p.how === 'created').length
      const toTell = published.filter((p) => p.how !== 'other' && asked.has(p.member._id)).map((p) => p.member)
      const outcomes = await inParallel(toTell, WIDTH, (member) =>
        notify(ports, { member, templateKey: 'weeklyList', key: `weeklyList:${list.week}:${member._id}`, page: WEEKLY_PAGE, data }),
      )
      for (const o of outcomes) countOutcome(result.notifications, o)
    },
  })
  const { total } = await db.collection(WEEKLY_ASSIGNMENTS).where({ listId: list._id }).count()
  await db.collection(WEEKLY_LISTS).doc(list._id).update({ data: { publishedTo: total } })
  result.publishedTo = total
  return result
}

export interface DistributionSummary {
  week: string
  lists: ListDistribution[]
}

/**
 * 每周一学 distribution, run by the `weeklyDistribute` timer on Monday 08:00 Beijing time: every
 * list of the week that is scheduled, or whose distribution has not finished, goes out.
 */
export async function runWeeklyDistribution(ports: DistributionPorts): Promise<DistributionSummary> {
  const { db, now } = ports
  const week = weekKey(now)
  if (now.getTime() < publishAt(week).getTime()) return { week, lists: [] }
  const { data } = await db
    .collection(WEEKLY_LISTS)
    .where({ week, status: db.command.in(['scheduled', 'published']) })
    .limit(100)
    .get()
  const pending = (data as WeeklyListDoc[]).filter((l) => l.publishedTo === null).sort((a, b) => a._id.localeCompare(b._id))
  const lists: ListDistribution[] = []
  for (const list of pending) lists.push(await distributeList(ports, list))
  return { week, lists }
}
