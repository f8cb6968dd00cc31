import type { NotificationResult } from '../../types'
import { weekKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { findDoc } from '../db/documents'
import { runBatchedJob } from '../jobs/batched-job'
import { membersWithGrant } from '../notify/grants'
import type { Messenger } from '../notify/messenger'
import { notifyAll, type NotifyOutcome } from '../notify/notify'
import { publishAt, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type WeeklyListDoc } from './docs'
import { audienceAfter, publish } from './publications'

/** The page a 每周一学 message opens. */
export const WEEKLY_PAGE = 'pages/weekly/index'

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
  /** Members the list went out to in all, once distribution finished (null: a later run finishes it). */
  publishedTo: number | null
  notifications: Tally
}

export const countOutcome = (tally: Tally, o: NotifyOutcome) => {
  const k = o.duplicate ? 'duplicate' : o.result
  tally[k] = (tally[k] ?? 0) + 1
}

/** From its first run on, a list counts as published: it is no longer edited. */
async function markPublished(db: CloudDatabase, list: WeeklyListDoc, at: string): Promise<boolean> {
  if (list.status === 'published') return true
  const { stats } = await db
    .collection(WEEKLY_LISTS)
    .where({ _id: list._id, status: 'scheduled' })
    .update({ data: { status: 'published', updatedAt: at } })
  if (stats.updated === 1) return true
  return (await findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, list._id))?.status === 'published'
}

/**
 * Publishes one list to every active member of its audience, 1,000 at a time, and tells those who
 * asked for it (an unused `weeklyList` grant). Progress is recorded after each batch (jobs.ts), so a
 * run that stops is resumed by the next; publications and messages are keyed per member and week,
 * so nobody gets the list or the message twice. A member who got it late, on opening it before the
 * distribution reached them (publications.ts), is not told: they have seen it.
 */
export async function distributeList(ports: DistributionPorts, list: WeeklyListDoc): Promise<ListDistribution> {
  const { db, now } = ports
  const at = now.toISOString()
  const result: ListDistribution = { listId: list._id, published: 0, publishedTo: list.publishedTo, notifications: {} }
  if (!(await markPublished(db, list, at))) return result
  const asked = new Set(await membersWithGrant(db, 'weeklyList'))
  const required = list.items.filter((i) => i.required).length
  const data = { title: '本周学习清单已发布', date: list.week, note: `必学 ${required} 项，学习目标 ${list.targetMinutes} 分钟` }
  const job = await runBatchedJob(db, `weeklyDistribution_${list._id}`, now, {
    next: (after) => audienceAfter(db, list, after),
    async handle(batch) {
      const published = await publish(db, list, batch, at, false)
      result.published += published.filter((p) => p.how === 'created').length
      // A member who already had the list on their first read (a late publication) is not told of it.
      const toTell = batch.filter((member, i) => !published[i].assignment.late && asked.has(member._id))
      const outcomes = await notifyAll(ports, { templateKey: 'weeklyList', topic: `weeklyList:${list.week}`, page: WEEKLY_PAGE, data }, toTell)
      for (const o of outcomes) countOutcome(result.notifications, o)
      return outcomes.some((o) => o.pending) ? 'retryLater' : undefined
    },
  })
  // Messages another run still holds: the list is finished by a later run (the timer fires again).
  if (job.unfinished) return result
  const { total } = await db.collection(WEEKLY_ASSIGNMENTS).where({ listId: list._id }).count()
  await db
    .collection(WEEKLY_LISTS)
    .doc(list._id)
    .update({ data: { publishedTo: total } })
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
