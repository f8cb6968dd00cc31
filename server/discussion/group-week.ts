import type { z } from 'zod'
import { wholeMinutes, type GetGroupWeekOutput, type GroupMemberWeek, type NotificationResult, type NudgeMembersOutput } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey, weekdayOf, weekKey } from '../../types/calendar'
import { CHECKINS } from '../checkin'
import type { CloudDatabase } from '../db/types'
import { messageKey, NOTIFICATIONS, notificationId, notifyAll } from '../notify/notify'
import type { Messenger } from '../notify/messenger'
import { authorize, unitTarget, type Action } from '../permissions'
import { STUDY_LEDGERS } from '../study/ledger'
import { loadStudyRules } from '../study/rules'
import { requireGroup } from '../units'
import { groupMembersByName, PROMPTS, type PromptDoc } from './docs'
import { shownName } from '../../types/people'
import { summariesOf } from './prompts'

type GroupWeek = z.output<typeof GetGroupWeekOutput>

/** The page a nudge opens: the member's own study record. */
export const NUDGE_PAGE = 'pages/my-study/index'

/** One reminder per member per Shanghai day, whoever nudges and however often. */
export const nudgeTopic = (day: string) => `studyNudge:${day}`

/** Reads `collection` documents whose `field` is one of `values`, 100 values a query. */
async function whereIn<T>(
  db: CloudDatabase,
  collection: string,
  field: string,
  values: string[],
  also: Record<string, unknown> = {},
  fields?: Record<string, boolean>,
): Promise<T[]> {
  const _ = db.command
  const docs: T[] = []
  for (let i = 0; i < values.length; i += 100) {
    const query = db.collection(collection).where({ ...also, [field]: _.in(values.slice(i, i + 100)) })
    // At most 7 check-ins per member a week: 700 a batch, under the 1,000 a query returns.
    const { data } = await (fields ? query.field(fields) : query).limit(1000).get()
    docs.push(...(data as T[]))
  }
  return docs
}

/**
 * 本周: for a group, each member's check-in days and credited study minutes of the Shanghai week
 * (Monday first) against the weekly target, and the open prompts with their participation. A member
 * is behind below the target's share for the days so far (rounded up), e.g. 13 of 30 minutes on a
 * Wednesday.
 */
async function groupWeek(db: CloudDatabase, caller: Member, now: Date, groupId: string | undefined, action: Action) {
  const group = await requireGroup(db, groupId ?? caller.groupId)
  authorize(caller, action, unitTarget(group))
  const today = dayKey(now)
  const monday = weekKey(now)
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i))
  const week = `weeks.${monday}`
  const _ = db.command
  const [rules, members, promptDocs] = await Promise.all([
    loadStudyRules(db),
    groupMembersByName(db, group._id),
    db.collection(PROMPTS).where({ groupId: group._id, status: 'open' }).orderBy('rank', 'desc').limit(50).get(),
  ])
  const ids = members.map((m) => m._id)
  const [checkins, ledgers, nudges] = await Promise.all([
    whereIn<{ memberId: string; day: string }>(db, CHECKINS, 'memberId', ids, { day: _.gte(monday).and(_.lte(days[6])) }, { memberId: true, day: true }),
    whereIn<{ _id: string; weeks?: Record<string, number> }>(db, STUDY_LEDGERS, '_id', ids, {}, { [week]: true }),
    whereIn<{ memberId: string; result: NotificationResult }>(
      db,
      NOTIFICATIONS,
      '_id',
      ids.map((id) => notificationId(messageKey(nudgeTopic(today), id))),
      {},
      { memberId: true, result: true },
    ),
  ])
  const seconds = new Map(ledgers.map((l) => [l._id, l.weeks?.[monday] ?? 0]))
  const nudged = new Map(nudges.map((n) => [n.memberId, n.result]))
  const expectedMinutes = Math.ceil((rules.weeklyTargetMinutes * (weekdayOf(today) + 1)) / 7)
  const rows: GroupMemberWeek[] = members.map((m) => {
    const minutes = wholeMinutes(seconds.get(m._id) ?? 0)
    return {
      memberId: m._id,
      name: shownName(m),
      isLeader: m.roles.includes('leader'),
      checkedDays: days.filter((d) => checkins.some((c) => c.memberId === m._id && c.day === d)),
      minutes,
      behind: minutes < expectedMinutes,
      nudge: nudged.get(m._id) ?? null,
    }
  })
  const open = promptDocs.data as PromptDoc[]
  const view: GroupWeek = {
    group: { _id: group._id, name: group.name },
    days,
    today,
    weeklyTargetMinutes: rules.weeklyTargetMinutes,
    expectedMinutes,
    members: rows,
    openPrompts: (await summariesOf(db, members, open, now)).filter((p) => p.status === 'open'),
    memberCount: members.length,
  }
  return { view, members }
}

export async function getGroupWeek(db: CloudDatabase, caller: Member, now: Date, groupId?: string): Promise<GroupWeek> {
  return (await groupWeek(db, caller, now, groupId, 'groupWeek.read')).view
}

export interface NudgePorts {
  db: CloudDatabase
  now: Date
  messenger: Messenger
}

/**
 * 提醒: a subscribe message to each member behind this week (or those of `memberIds` who are), through
 * the notification service under a key of the Shanghai day: at most one per member per day.
 */
export async function nudgeMembers(
  ports: NudgePorts,
  caller: Member,
  input: { groupId?: string; memberIds?: string[] },
): Promise<z.output<typeof NudgeMembersOutput>> {
  const { view, members } = await groupWeek(ports.db, caller, ports.now, input.groupId, 'groupWeek.nudge')
  const wanted = input.memberIds ? new Set(input.memberIds) : undefined
  const behind = view.members.filter((w) => w.behind && w.memberId !== caller._id && (!wanted || wanted.has(w.memberId)))
  const byId = new Map(members.map((m) => [m._id, m]))
  const row = new Map(behind.map((w) => [w.memberId, w]))
  const outcomes = await notifyAll(
    ports,
    {
      templateKey: 'studyNudge',
      topic: nudgeTopic(view.today),
      page: NUDGE_PAGE,
      data: (member) => ({
        title: '本周学习提醒',
        date: view.today,
        note: `本周已学 ${row.get(member._id)!.minutes} 分钟，目标 ${view.weeklyTargetMinutes} 分钟`,
      }),
    },
    behind.map((w) => byId.get(w.memberId)!),
  )
  return { results: behind.map((w, i) => ({ _id: w.memberId, name: w.name, result: outcomes[i].result, repeated: outcomes[i].duplicate })) }
}
