import type { MyAttendance } from '../../types'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { derivedId } from '../ids'

/**
 * One member's attendance at one meeting (`meetingAttendance`), under an id derived from both: a
 * sign-in, a leave request and the leader's mark all land on the one record, so concurrent scans
 * sign a member in once. `presentAt` is set once and never cleared; a leave answered stays
 * answered unless the member asks again after a refusal.
 */
export const MEETING_ATTENDANCE = 'meetingAttendance'

export interface AttendanceDoc {
  _id: string
  meetingId: string
  memberId: string
  memberName: string
  groupId: string
  branchId: string
  /** The meeting's start: the day attendance scores on and the quarter it counts in. */
  startsAt: Date
  presentAt?: Date
  presentHow?: 'code' | 'manual'
  markedByName?: string
  leaveStatus?: 'pending' | 'approved' | 'rejected'
  leaveReason?: string
  leaveRequestedAt?: Date
  leaveComment?: string | null
  leaveReviewerName?: string
}

export const attendanceId = (meetingId: string, memberId: string) => derivedId('attendance', `${meetingId}/${memberId}`)

export const attendanceOf = (db: CloudDatabase, meetingId: string, memberId: string) =>
  findDoc<AttendanceDoc>(db, MEETING_ATTENDANCE, attendanceId(meetingId, memberId))

export const myAttendance = (doc: AttendanceDoc | undefined): MyAttendance => ({
  present: !!doc?.presentAt,
  presentAt: doc?.presentAt ? new Date(doc.presentAt).toISOString() : null,
  leave: doc?.leaveStatus ?? null,
  leaveReason: doc?.leaveReason ?? null,
  leaveComment: doc?.leaveComment ?? null,
})
