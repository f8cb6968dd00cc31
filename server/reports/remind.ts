import { dayKey, quarterDays, quarterKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE, runBatchedJob } from '../jobs/batched-job'
import { membersWithGrant } from '../notify/grants'
import { notifyAll } from '../notify/notify'
import { UNITS } from '../units'
import { countOutcome, WEEKLY_PAGE, type DistributionPorts, type Tally } from '../weekly/distribute'
import { figuresOfBatch, type QuarterFigures } from './figures'
import { daysLeft, reminderDay } from './quarters'
import { activeAfter } from './report'

/** Behind: required items left, or less study time than the targets of the weeks already ended. */
export const isBehind = (f: QuarterFigures) => f.left.length > 0 || f.studySeconds < f.targetSecondsDue

/** What is missing, in the few words a subscribe message holds. */
export function missingNote(f: QuarterFigures): string {
  const parts: string[] = []
  if (f.left.length > 0) parts.push(`必学${f.left.length}项`)
  const minutes = Math.ceil((f.targetSecondsDue - f.studySeconds) / 60)
  if (minutes > 0) parts.push(`学时${minutes}分钟`)
  return `还差${parts.join('、')}`
}

/** Names of those behind, as a leader's message holds them. */
export function behindNote(names: string[]): string {
  return names.length <= 2 ? `${names.join('、')}进度落后` : `${names.slice(0, 2).join('、')}等${names.length}人进度落后`
}

interface Summary {
  quarter: string
  members: Tally
  leaders: Tally
}

/**
 * Two weeks before a quarter ends (`quarterRemind` timer, daily, acting from that day on): each
 * member behind on the quarter gets one message saying what is missing and how many days are left;
 * each group leader one summary of who is behind. Nobody on track hears anything. Batched and
 * resumable; one message per member (and leader) and quarter.
 */
export async function runQuarterReminder(ports: DistributionPorts): Promise<Summary> {
  const { db, now } = ports
  const quarter = quarterKey(now)
  const today = dayKey(now)
  const summary: Summary = { quarter, members: {}, leaders: {} }
  if (today < reminderDay(quarter)) return summary
  const { lastDay } = quarterDays(quarter)
  const title = `距季度结束还有${daysLeft(quarter, today)}天`
  const asked = new Set(await membersWithGrant(db, 'studyNudge'))

  await runBatchedJob(db, `quarterReminder_${quarter}`, now, {
    next: (after) => activeAfter(db, after),
    async handle(batch) {
      const figures = await figuresOfBatch(db, batch, quarter, now)
      const behind = batch.filter((m) => asked.has(m._id) && isBehind(figures.get(m._id)!))
      const outcomes = await notifyAll(
        ports,
        {
          templateKey: 'studyNudge',
          topic: `quarterReminder:${quarter}`,
          page: WEEKLY_PAGE,
          data: (member) => ({ title, date: lastDay, note: missingNote(figures.get(member._id)!) }),
        },
        behind,
      )
      for (const o of outcomes) countOutcome(summary.members, o)
      return outcomes.some((o) => o.pending) ? 'retryLater' : undefined
    },
  })

  await runBatchedJob(db, `quarterLeaders_${quarter}`, now, {
    next: (after) => groupsAfter(db, after),
    async handle(groups) {
      let pending = false
      for (const group of groups) {
        const members = await activeInGroup(db, group._id)
        const figures = await figuresOfBatch(db, members, quarter, now)
        const names = members.filter((m) => isBehind(figures.get(m._id)!)).map((m) => m.name)
        if (names.length === 0) continue
        const leaders = members.filter((m) => m.roles.includes('leader') && asked.has(m._id))
        const data = { title: `本组${names.length}人学习进度落后`, date: lastDay, note: behindNote(names) }
        const outcomes = await notifyAll(ports, { templateKey: 'studyNudge', topic: `quarterLeader:${quarter}`, page: 'pages/group/index', data }, leaders)
        for (const o of outcomes) countOutcome(summary.leaders, o)
        pending ||= outcomes.some((o) => o.pending)
      }
      return pending ? 'retryLater' : undefined
    },
  })
  return summary
}

async function groupsAfter(db: CloudDatabase, after: string | null): Promise<{ _id: string }[]> {
  const where: Record<string, unknown> = { kind: 'group' }
  if (after) where._id = db.command.gt(after)
  const { data } = await db.collection(UNITS).where(where).field({ _id: true }).orderBy('_id', 'asc').limit(1000).get()
  return data as { _id: string }[]
}

/** Every active member of a group, 1,000 a query. */
async function activeInGroup(db: CloudDatabase, groupId: string) {
  const members: Awaited<ReturnType<typeof activeAfter>> = []
  for (let after: string | null = null; ;) {
    const page = await activeAfter(db, after, { groupId })
    members.push(...page)
    if (page.length < BATCH_SIZE) return members
    after = page[page.length - 1]._id
  }
}
