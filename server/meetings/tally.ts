import { readAll } from '../db/documents'
import type { CloudDatabase, QueryCondition } from '../db/types'
import { findByIds } from '../jobs/ledgers'
import type { Member } from '../members'
import { inUnit } from '../units'
import { MEETING_ATTENDANCE, type AttendanceDoc } from './attendance-docs'
import { MEETINGS, type MeetingDoc } from './meetings'

/**
 * Attendance as the 季度通报 and the 电子档案 count it. A member was expected (应到) at each meeting
 * held (not cancelled, started) in the period by a unit they belong to as placed now, unless they
 * joined after it started; attended (实到) where marked present; on leave (请假) where leave was
 * approved and they did not come; the rest missed (缺席).
 */
export interface Tally {
  meetings: number
  attended: number
  onLeave: number
}

export type Held = Pick<MeetingDoc, '_id' | 'unitId' | 'unitKind' | 'startsAt'>
type Placed = Pick<Member, '_id' | 'groupId' | 'branchId' | 'joinedAt'>

export interface Attendance {
  held: Held[]
  records: Pick<AttendanceDoc, 'memberId' | 'meetingId' | 'presentAt' | 'leaveStatus'>[]
}

/**
 * The meetings held in [from, to) (of the units `where` narrows to; all by default), and the
 * batch's attendance records there, with the meetings those name beyond `where` (a member's old
 * group's): three reads a 1,000.
 */
export async function attendanceIn(db: CloudDatabase, members: Placed[], from: Date, to: Date, where: QueryCondition = {}): Promise<Attendance> {
  const _ = db.command
  const startsAt = _.gte(from).and(_.lt(to))
  const fields = { unitId: true, unitKind: true, startsAt: true, status: true } as const
  const [held, records] = await Promise.all([
    readAll<Held>(db, MEETINGS, _.and([where, { status: 'scheduled', startsAt }]), fields),
    findByIds<AttendanceDoc>(
      db,
      MEETING_ATTENDANCE,
      'memberId',
      members.map((m) => m._id),
      { startsAt },
      { meetingId: true, presentAt: true, leaveStatus: true },
    ),
  ])
  const known = new Set(held.map((m) => m._id))
  const elsewhere = [...new Set(records.map((r) => r.meetingId).filter((id) => !known.has(id)))]
  if (elsewhere.length) held.push(...(await findByIds<Held & { status: string }>(db, MEETINGS, '_id', elsewhere, { status: 'scheduled' }, fields)))
  const ids = new Set(held.map((m) => m._id))
  return { held, records: records.filter((r) => ids.has(r.meetingId)) }
}

/** Pure: one member's tally of the meetings in `held` (already narrowed to a period). */
export function tally(member: Placed, held: Held[], records: Attendance['records']): Tally {
  const own = new Map(records.filter((r) => r.memberId === member._id).map((r) => [r.meetingId, r]))
  const joined = member.joinedAt ? new Date(member.joinedAt).getTime() : 0
  const t: Tally = { meetings: 0, attended: 0, onLeave: 0 }
  for (const m of held) {
    const r = own.get(m._id)
    if (r?.presentAt) t.attended++
    else if (!inUnit(m, member) || new Date(m.startsAt).getTime() < joined) continue
    else if (r?.leaveStatus === 'approved') t.onLeave++
    t.meetings++
  }
  return t
}
