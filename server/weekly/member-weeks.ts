import type { DayKey, MyWeek } from '../../types'
import type { Member } from '../members'
import { MY_WEEKS_PAGE_SIZE } from '../../types'
import { weekKey } from '../../types/calendar'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { decodeCursor, pageOf } from '../paging'
import { authorize, memberTarget } from '../permissions'
import { readLedger } from '../study/ledger'
import { assignmentId, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type AssignmentDoc, type WeeklyListDoc } from './docs'
import { discussedItems } from './discussed'
import { ledgerPaths, memberWeek } from './progress'
import { currentList, inAudience } from './publications'

/** The lists by id. */
async function listsById(db: CloudDatabase, ids: string[]): Promise<Map<string, WeeklyListDoc>> {
  if (ids.length === 0) return new Map()
  const { data } = await db
    .collection(WEEKLY_LISTS)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get()
  return new Map((data as WeeklyListDoc[]).map((l) => [l._id, l]))
}

/** The member's progress on each list, from one read of their ledger. */
async function progressOn(db: CloudDatabase, memberId: string, lists: WeeklyListDoc[]): Promise<MyWeek[]> {
  if (lists.length === 0) return []
  const ledger = await readLedger(db, memberId, [...new Set(lists.flatMap(ledgerPaths))])
  const discussed = await Promise.all(lists.map((list) => discussedItems(db, list, [memberId])))
  return lists.map((list, i) => memberWeek(list, ledger, discussed[i].get(memberId)))
}

/** The list published to the member for a past week. */
async function pastList(db: CloudDatabase, memberId: string, week: DayKey): Promise<WeeklyListDoc | undefined> {
  const assignment = await findDoc<AssignmentDoc>(db, WEEKLY_ASSIGNMENTS, assignmentId(week, memberId))
  return assignment && findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, assignment.listId)
}

/** The list a page shows, if it is still this week's list for the member's branch (published to them when the page first asked). */
async function shownList(db: CloudDatabase, caller: Member, week: DayKey, id: string): Promise<WeeklyListDoc | undefined> {
  const list = await findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, id)
  return list && list.week === week && list.status === 'published' && inAudience(list, caller.branchId) ? list : undefined
}

/**
 * The caller's list for a week (by default this one), with their progress. This week's is the one
 * their branch has now, published to them on this read if they joined or moved since Monday.
 */
export async function myWeekly(db: CloudDatabase, caller: Member, now: Date, week: DayKey = weekKey(now), shownListId?: string) {
  authorize(caller, 'weekly.read', memberTarget(caller))
  const current = week === weekKey(now)
  const list = current
    ? (shownListId && (await shownList(db, caller, week, shownListId))) || (await currentList(db, caller, now))
    : await pastList(db, caller._id, week)
  if (!list) return { week, current, list: null }
  const [progress] = await progressOn(db, caller._id, [list])
  return { week, current, list: progress }
}

/** The caller's weeks, newest first, each with how far they got. */
export async function myWeeks(db: CloudDatabase, caller: Member, cursor: string | undefined) {
  authorize(caller, 'weekly.read', memberTarget(caller))
  const where: Record<string, unknown> = { memberId: caller._id }
  if (cursor) where.week = db.command.lt(decodeCursor(cursor, 1)[0])
  const { data } = await db
    .collection(WEEKLY_ASSIGNMENTS)
    .where(where)
    .orderBy('week', 'desc')
    .limit(MY_WEEKS_PAGE_SIZE + 1)
    .get()
  const assignments = data as AssignmentDoc[]
  const shown = assignments.slice(0, MY_WEEKS_PAGE_SIZE)
  // Lists are never deleted once published: every assignment finds its list.
  const lists = await listsById(
    db,
    shown.map((a) => a.listId),
  )
  const weeks = await progressOn(
    db,
    caller._id,
    shown.map((a) => lists.get(a.listId)!),
  )
  const byList = new Map(weeks.map((w) => [w.listId, w]))
  return pageOf(
    assignments,
    MY_WEEKS_PAGE_SIZE,
    (a) => [a.week],
    (a) => {
      const { listId, week, requiredDone, requiredCount, targetMet, finished } = byList.get(a.listId)!
      return { listId, week, requiredDone, requiredCount, targetMet, finished }
    },
  )
}
