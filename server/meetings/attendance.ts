import type { z } from 'zod'
import type { ActionOutput, AttendanceRow, Meeting, ReviewLeaveInput } from '../../types'
import { recordAudit } from '../audit'
import { addOnce, findDoc, readAll } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { requireMember, type Member } from '../members'
import { authorize, memberTarget } from '../permissions'
import { recordScore, type ScoreEvent } from '../scoring/ledger'
import type { ScoringRecords } from '../scoring/lost-scores'
import { requireCleanText, type ContentChecker } from '../security/content-check'
import { activeMembersOf, inUnit, loadUnits } from '../units'
import { attendanceId, attendanceOf, MEETING_ATTENDANCE, type AttendanceDoc } from './attendance-docs'
import { checkCode, codesFrom, requireSignInOpen } from './codes'
import { requireManaged, requireMeeting, stateOf, toMeeting, visibleMeeting, type MeetingDoc } from './meetings'
import { byName } from '../name-order'

/** What the actions that store a member's or leader's words need: they are content-checked. */
interface Ports {
  db: CloudDatabase
  contentCheck: ContentChecker
  now: Date
}

/**
 * Attendance at a meeting: signing in with the rotating code, the leader's mark by hand (audited),
 * 请假 and its answer, and the roster the leader sees. Being present scores the `meeting` rule
 * once, on the meeting's day, keyed by the record (server/scoring/lost-scores.ts).
 */
type Who = Pick<Member, '_id' | 'name' | 'groupId' | 'branchId'>

const attendanceEvent = (doc: Pick<AttendanceDoc, '_id' | 'startsAt' | 'presentAt'>, member: Pick<Member, '_id' | 'groupId' | 'branchId'>): ScoreEvent => ({
  kind: 'meeting',
  sourceId: doc._id,
  member,
  at: new Date(doc.startsAt),
  // Scored later than its day (a sign-in during the meeting, a mark after it): reconciliation leaves it to settle.
  recordedAt: new Date(doc.presentAt!),
})

const scoreAttendance = (db: CloudDatabase, doc: AttendanceDoc) =>
  recordScore(db, attendanceEvent(doc, { _id: doc.memberId, groupId: doc.groupId, branchId: doc.branchId }))

/** The nightly reconciliation's part: attendance whose point a stopped call left (server/scoring/lost-scores.ts). */
export const ATTENDANCE_SCORES: ScoringRecords<AttendanceDoc> = {
  collection: MEETING_ATTENDANCE,
  memberField: 'memberId',
  where: (_, since) => ({ presentAt: _.gte(since) }),
  fields: ['startsAt', 'presentAt'],
  eventOf: attendanceEvent,
}

const blank = (meeting: MeetingDoc, member: Who): AttendanceDoc => ({
  _id: attendanceId(meeting._id, member._id),
  meetingId: meeting._id,
  memberId: member._id,
  memberName: member.name,
  groupId: member.groupId,
  branchId: member.branchId,
  startsAt: meeting.startsAt,
})

/**
 * Marks the member present once, whatever the number of concurrent calls: the record is created
 * present, or an existing one (a leave request) is set present only while it is not. Answers the
 * record and whether this call made it present.
 */
async function markPresent(
  db: CloudDatabase,
  meeting: MeetingDoc,
  member: Who,
  now: Date,
  how: 'code' | 'manual',
  by?: Member,
): Promise<{ doc: AttendanceDoc; created: boolean }> {
  const present = { presentAt: now, presentHow: how, ...(by ? { markedByName: by.name } : {}) }
  const fresh: AttendanceDoc = { ...blank(meeting, member), ...present }
  if (await addOnce(db, MEETING_ATTENDANCE, fresh)) {
    await scoreAttendance(db, fresh)
    return { doc: fresh, created: true }
  }
  const { stats } = await db
    .collection(MEETING_ATTENDANCE)
    .where({ _id: fresh._id, presentAt: db.command.exists(false) })
    .update({ data: present })
  const doc = (await findDoc<AttendanceDoc>(db, MEETING_ATTENDANCE, fresh._id))!
  // Present before (this call repeated, or a concurrent one): its point, if its call stopped, is scored now.
  if (doc.presentAt) await scoreAttendance(db, doc)
  return { doc, created: stats.updated === 1 }
}

function requireAttends(caller: Member, meeting: MeetingDoc): void {
  authorize(caller, 'meetings.attend', memberTarget(caller))
  if (!inUnit(meeting, caller)) throw new AppError('FORBIDDEN', `你没有权限在这次会议签到或请假：这是「${meeting.unitName}」的会议，你不在参会范围内`)
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
}

/** 签到 with the code on the leader's screen (scanned or typed). Signing in again answers the first sign-in. */
export async function signInMeeting(db: CloudDatabase, caller: Member, now: Date, input: { meetingId: string; code: string }): Promise<Meeting> {
  const meeting = await requireMeeting(db, input.meetingId)
  requireAttends(caller, meeting)
  const own = await attendanceOf(db, meeting._id, caller._id)
  if (own?.presentAt) return toMeeting(meeting, caller, now, own)
  requireSignInOpen(meeting, now)
  checkCode(meeting.secret, meeting._id, meeting, now, input.code)
  const { doc } = await markPresent(db, meeting, caller, now, 'code')
  return toMeeting(meeting, caller, now, doc)
}

/** The leader's screen: this period's code and the next few, each with its QR text. */
export async function meetingCodes(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<ActionOutput<'getMeetingCodes'>> {
  const meeting = await requireMeeting(db, id)
  requireManaged(caller, meeting)
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
  return { meetingId: meeting._id, periodSeconds: 30, now: now.toISOString(), codes: codesFrom(meeting.secret, meeting._id, meeting, now) }
}

/** 请假 before the meeting ends: asked once (asking again updates the reason while unanswered, or asks anew after a refusal). */
export async function requestLeave(ports: Ports, caller: Member, input: { meetingId: string; reason: string }): Promise<Meeting> {
  const { db, now } = ports
  const meeting = await requireMeeting(db, input.meetingId)
  requireAttends(caller, meeting)
  if (stateOf(meeting, now) === 'ended') throw new AppError('CONFLICT', '会议已结束，不能再请假')
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.reason])
  const leave = { leaveStatus: 'pending' as const, leaveReason: input.reason, leaveRequestedAt: now, leaveComment: null }
  const fresh: AttendanceDoc = { ...blank(meeting, caller), ...leave }
  if (await addOnce(db, MEETING_ATTENDANCE, fresh)) return toMeeting(meeting, caller, now, fresh)
  const _ = db.command
  await db
    .collection(MEETING_ATTENDANCE)
    .where({ _id: fresh._id, presentAt: _.exists(false), leaveStatus: _.or(_.exists(false), _.in(['pending', 'rejected'])) })
    .update({ data: leave })
  const doc = (await attendanceOf(db, meeting._id, caller._id))!
  if (doc.presentAt) throw new AppError('CONFLICT', '你已签到，不用请假')
  return toMeeting(meeting, caller, now, doc)
}

function toRow(member: Who & { groupName: string }, doc: AttendanceDoc | undefined): AttendanceRow {
  const status = doc?.presentAt ? 'present' : doc?.leaveStatus === 'approved' ? 'leave' : doc?.leaveStatus === 'pending' ? 'leavePending' : 'absent'
  return {
    memberId: member._id,
    name: member.name,
    groupName: member.groupName,
    status,
    how: doc?.presentHow ?? null,
    at: doc?.presentAt ? new Date(doc.presentAt).toISOString() : null,
    markedByName: doc?.markedByName ?? null,
    leaveReason: doc?.leaveReason ?? null,
    leaveComment: doc?.leaveComment ?? null,
  }
}

const groupNameOf = async (db: CloudDatabase) => {
  const names = new Map((await loadUnits(db)).map((u) => [u._id, u.name]))
  return (m: Pick<Member, 'groupId'>) => names.get(m.groupId) ?? ''
}

type Review = z.output<typeof ReviewLeaveInput>

/** 准假 or not, by those who run the meeting, while the member has not signed in; an answer may be changed. */
export async function reviewLeave(ports: Omit<Ports, 'now'>, caller: Member, input: Review): Promise<AttendanceRow> {
  const { db } = ports
  const meeting = await requireMeeting(db, input.meetingId)
  requireManaged(caller, meeting)
  const own = await attendanceOf(db, meeting._id, input.memberId)
  if (!own?.leaveStatus) throw new AppError('NOT_FOUND', '这位同志没有请假')
  if (own.presentAt) throw new AppError('CONFLICT', '这位同志已签到')
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.comment])
  const data = {
    leaveStatus: input.approve ? ('approved' as const) : ('rejected' as const),
    leaveComment: input.comment ?? null,
    leaveReviewerName: caller.name,
  }
  const { stats } = await db
    .collection(MEETING_ATTENDANCE)
    .where({ _id: own._id, presentAt: db.command.exists(false) })
    .update({ data })
  if (stats.updated === 0) throw new AppError('CONFLICT', '这位同志刚签到了，请刷新')
  const groupName = await groupNameOf(db)
  return toRow({ _id: own.memberId, name: own.memberName, groupId: own.groupId, branchId: own.branchId, groupName: groupName(own) }, { ...own, ...data })
}

/** 补登: the leader marks a member of the unit present by hand once the meeting has started, with a note kept in the audit log. */
export async function markAttendance(ports: Ports, caller: Member, input: { meetingId: string; memberId: string; note: string }): Promise<AttendanceRow> {
  const { db, now } = ports
  const meeting = await requireMeeting(db, input.meetingId)
  requireManaged(caller, meeting)
  const state = stateOf(meeting, now)
  if (state === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
  if (state === 'upcoming') throw new AppError('CONFLICT', '会议开始后才能登记出席')
  const member = await requireMember(db, input.memberId)
  if (member.status !== 'active' || !inUnit(meeting, member)) throw new AppError('CONFLICT', `${member.name} 不在这次会议的参会范围内`)
  await requireCleanText(ports.contentCheck, caller.openid, 'comment', [input.note])
  const { doc, created } = await markPresent(db, meeting, member, now, 'manual', caller)
  if (created) {
    await recordAudit(db, caller, now, {
      action: 'meeting.markPresent',
      targetType: 'meeting',
      targetId: meeting._id,
      targetName: `${meeting.title} · ${member.name}`,
      before: { present: false },
      after: { present: true, note: input.note },
      unitIds: [member.groupId, member.branchId],
    })
  }
  return toRow({ ...member, groupName: (await groupNameOf(db))(member) }, doc)
}

/**
 * A meeting as its member sees it (with their own attendance), and for those who run it the
 * roster: the unit's active members and anyone else who attended, each with their state.
 */
export async function getMeeting(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<ActionOutput<'getMeeting'>> {
  const meeting = await visibleMeeting(db, caller, id)
  const shown = toMeeting(meeting, caller, now, inUnit(meeting, caller) ? await attendanceOf(db, id, caller._id) : undefined)
  if (!shown.manages) return { meeting: shown, attendance: null }
  const [members, records, groupName] = await Promise.all([
    activeMembersOf(db, meeting),
    readAll<AttendanceDoc>(db, MEETING_ATTENDANCE, { meetingId: id }),
    groupNameOf(db),
  ])
  const byMember = new Map(records.map((r) => [r.memberId, r]))
  const expected = new Set(members.map((m) => m._id))
  const keys = new Map(members.map((m) => [m._id, m.nameKey]))
  const named = (row: AttendanceRow) => ({ name: row.name, nameKey: keys.get(row.memberId) })
  const rows = [
    ...members.map((m) => toRow({ ...m, groupName: groupName(m) }, byMember.get(m._id))),
    // Moved away or left since, but there: their attendance stands.
    ...records
      .filter((r) => r.presentAt && !expected.has(r.memberId))
      .map((r) => toRow({ _id: r.memberId, name: r.memberName, groupId: r.groupId, branchId: r.branchId, groupName: groupName(r) }, r)),
  ].sort((a, b) => a.groupName.localeCompare(b.groupName, 'zh') || byName(named(a), named(b)))
  const count = (s: AttendanceRow['status']) => rows.filter((r) => r.status === s).length
  const present = count('present')
  const onLeave = count('leave')
  return { meeting: shown, attendance: { expected: rows.length, present, onLeave, absent: rows.length - present - onLeave, rows } }
}
