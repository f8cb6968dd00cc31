import { addDays, startOfDay, weekKey } from '../../types/calendar'
import { runBatchedJob } from '../jobs/batched-job'
import { membersWithGrant } from '../notify/grants'
import { notifyAll } from '../notify/notify'
import { progressOfBatch } from './assignments'
import { countOutcome, WEEKLY_PAGE, type DistributionPorts, type Tally } from './distribute'
import { WEEKLY_LISTS, type WeeklyListDoc } from './docs'
import { requiredLeft } from './progress'
import { audienceAfter, publish } from './publications'

/** Sunday 18:00 Beijing time of the week. */
export const reminderAt = (week: string): Date => new Date(startOfDay(addDays(week, 6)).getTime() + 18 * 3600_000)

/** What the message says is left: the first title and how many more. */
export function leftNote(left: string[]): string {
  if (left.length === 1) return `还差《${left[0]}》`
  return `还差《${left[0]}》等 ${left.length} 项`
}

async function remindList(ports: DistributionPorts, list: WeeklyListDoc, asked: Set<string>): Promise<Tally> {
  const { db, now } = ports
  const tally: Tally = {}
  await runBatchedJob(db, `weeklyReminder_${list._id}`, now, {
    next: (after) => audienceAfter(db, list, after),
    async handle(batch) {
      // Members who joined or moved since Monday get the list now (late: no message of its own).
      const published = await publish(db, list, batch, now.toISOString(), true)
      const progress = await progressOfBatch(
        db,
        list,
        published.map((p) => p.assignment),
      )
      const behind = batch.map((member, i) => ({ member, week: progress[i].week })).filter((r) => !r.week.finished && asked.has(r.member._id))
      const left = new Map(behind.map(({ member, week }) => [member._id, requiredLeft(week)]))
      const outcomes = await notifyAll(
        ports,
        {
          templateKey: 'studyNudge',
          topic: `weeklyReminder:${list.week}`,
          page: WEEKLY_PAGE,
          data: (member) => ({
            title: `每周一学还有 ${left.get(member._id)!.length} 项未完成`,
            date: addDays(list.week, 6),
            note: leftNote(left.get(member._id)!),
          }),
        },
        behind.map((r) => r.member),
      )
      for (const o of outcomes) countOutcome(tally, o)
      return outcomes.some((o) => o.pending) ? 'retryLater' : undefined
    },
  })
  return tally
}

/**
 * The Sunday 18:00 reminder (`weeklyRemind` timer): each active member of the week's lists'
 * audiences (as they are now: joined or moved this week included) with required items left gets
 * one message naming them; those who finished get nothing. Batched and resumable
 * like the distribution; one message per member and week, however often it runs.
 */
export async function runWeeklyReminder(ports: DistributionPorts): Promise<{ week: string; lists: { listId: string; notifications: Tally }[] }> {
  const { db, now } = ports
  const week = weekKey(now)
  if (now.getTime() < reminderAt(week).getTime()) return { week, lists: [] }
  const { data } = await db.collection(WEEKLY_LISTS).where({ week, status: 'published' }).limit(100).get()
  const asked = new Set(await membersWithGrant(db, 'studyNudge'))
  const lists = []
  for (const list of (data as WeeklyListDoc[]).sort((a, b) => a._id.localeCompare(b._id))) {
    lists.push({ listId: list._id, notifications: await remindList(ports, list, asked) })
  }
  return { week, lists }
}
