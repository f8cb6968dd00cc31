import { weekKey } from '../../types/calendar'
import { addEach, docsByIds } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE, inParallel } from '../jobs/batched-job'
import { MEMBERS, type Member } from '../members'
import { assignmentId, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type AssignmentDoc, type WeeklyListDoc } from './docs'

/**
 * A member's publication of the week's list follows their membership: the distribution publishes
 * to the audience of Monday 08:00; a member who joins, comes back or changes branch later gets the
 * list their branch has now when they open it (or at the Sunday reminder), under the same id
 * `<week>_<member>`, so a week never holds two publications for one member.
 */

export type Publishee = Pick<Member, '_id' | 'name' | 'groupId' | 'branchId'>
export type Audience = Publishee & Pick<Member, 'openid'>

/** created: new; existing: already this list's, for these units; moved: re-pointed to this list or to new units. */
export interface Publication {
  assignment: AssignmentDoc
  how: 'created' | 'existing' | 'moved'
}

/** Writes or messages in flight at once within a batch. */
const WIDTH = 20

export const inAudience = (list: Pick<WeeklyListDoc, 'branchIds'>, branchId: string) => list.branchIds.length === 0 || list.branchIds.includes(branchId)

/** Active members in the list's audience after `after`, by id. */
export function audienceAfter(db: CloudDatabase, list: WeeklyListDoc, after: string | null): Promise<Audience[]> {
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
    .then(({ data }) => data as Audience[])
}

const publicationOf = (list: WeeklyListDoc, member: Publishee, at: string, late: boolean): AssignmentDoc => ({
  _id: assignmentId(list.week, member._id),
  listId: list._id,
  week: list.week,
  memberId: member._id,
  name: member.name,
  groupId: member.groupId,
  branchId: member.branchId,
  publishedAt: at,
  late,
})

/**
 * Gives each member (at most 1,000, all in the list's audience now) their publication of the list:
 * created if missing (all of a batch in a few requests), re-pointed if it was another list's or their
 * group or branch changed. `late`: published after the distribution (on a read, by the reminder),
 * which then sends no message for it. Safe to run any number of times, concurrently with itself.
 */
export async function publish(db: CloudDatabase, list: WeeklyListDoc, members: Publishee[], at: string, late: boolean): Promise<Publication[]> {
  if (members.length === 0) return []
  const wanted = members.map((m) => publicationOf(list, m, at, late))
  const existing = await docsByIds<AssignmentDoc>(
    db,
    WEEKLY_ASSIGNMENTS,
    wanted.map((w) => w._id),
  )
  const missing = wanted.filter((w) => !existing.has(w._id))
  const added = await addEach(db, WEEKLY_ASSIGNMENTS, missing)
  const created = new Set(missing.filter((_w, i) => added[i]).map((w) => w._id))
  // Written meanwhile by a concurrent publication: compared below like any existing one.
  for (const [id, doc] of await docsByIds<AssignmentDoc>(
    db,
    WEEKLY_ASSIGNMENTS,
    missing.filter((w) => !created.has(w._id)).map((w) => w._id),
  ))
    existing.set(id, doc)
  return inParallel([...members.keys()], WIDTH, async (i): Promise<Publication> => {
    const member = members[i]
    if (created.has(wanted[i]._id)) return { assignment: wanted[i], how: 'created' }
    const found = existing.get(wanted[i]._id)
    // Removed between the duplicate and the read (the member left the audience): the run is retried.
    if (!found) throw new Error(`publication ${wanted[i]._id} changed while it was written`)
    if (found.listId === list._id && found.groupId === member.groupId && found.branchId === member.branchId) return { assignment: found, how: 'existing' }
    const { listId, groupId, branchId, name } = wanted[i]
    const moved = found.listId === list._id ? { groupId, branchId, name } : { listId, groupId, branchId, name, publishedAt: at, late }
    await db.collection(WEEKLY_ASSIGNMENTS).doc(found._id).update({ data: moved })
    return { assignment: { ...found, ...moved }, how: 'moved' }
  })
}

/**
 * The list of this week the member's branch has now, their publication made to match: created or
 * re-pointed (a late publication), or removed when no list of the week is theirs any more. Only
 * lists already going out count (their Monday 08:00 has come).
 */
export async function currentList(db: CloudDatabase, member: Publishee, now: Date): Promise<WeeklyListDoc | undefined> {
  const week = weekKey(now)
  const { data } = await db.collection(WEEKLY_LISTS).where({ week, status: 'published' }).limit(100).get()
  const list = (data as WeeklyListDoc[]).find((l) => inAudience(l, member.branchId))
  if (list) await publish(db, list, [member], now.toISOString(), true)
  else
    await db
      .collection(WEEKLY_ASSIGNMENTS)
      .where({ _id: assignmentId(week, member._id) })
      .remove()
  return list
}
