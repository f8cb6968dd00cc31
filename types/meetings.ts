import {
  LEAVE_REASON_MAX,
  MEETING_AGENDA_MAX,
  MEETING_HOURS_MAX,
  MEETING_ITEMS_MAX,
  MEETING_KINDS,
  MEETING_MINUTES_MAX,
  MEETING_PLACE_MAX,
  MEETING_TITLE_MAX,
} from './meeting-rules'
import { RequestKey } from './discussion'
import { Instant, UnitKind } from './domain'
import { Subscription } from './content-functions'
import { Cursor, id, page, text } from './fields'
import * as z from './zod'

/**
 * 组织生活 (三会一课 and 主题党日): a meeting of a unit, scheduled by its leader or admins; its members
 * are told, may ask for leave (请假) and sign in with the rotating code on the leader's screen.
 * Attendance scores and counts into the 季度通报 and the 电子档案.
 */
export const MeetingKind = z.enum(MEETING_KINDS, { error: '会议类型应为支部党员大会、支部委员会、党小组会、党课、主题党日或集中学习' })
export type MeetingKind = z.infer<typeof MeetingKind>

export const MeetingItem = z.strictObject({
  kind: z.enum(['article', 'book'], { error: '学习内容应为文章或书目' }),
  id: id('内容编号'),
})

export const SaveMeetingInput = z
  .strictObject({
    /** Absent: schedule a new one; present: change one that has not started. */
    id: id('会议编号').optional(),
    unitId: id('单位编号'),
    kind: MeetingKind,
    title: text('会议名称', MEETING_TITLE_MAX),
    startsAt: Instant,
    endsAt: Instant,
    place: text('地点', MEETING_PLACE_MAX),
    agenda: z.union([z.literal(''), text('议程', MEETING_AGENDA_MAX)]).default(''),
    items: z.array(MeetingItem, { error: '学习内容应为列表' }).max(MEETING_ITEMS_MAX, `最多关联 ${MEETING_ITEMS_MAX} 项学习内容`).default([]),
    requestKey: RequestKey.optional(),
  })
  .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt), { message: '结束时间应晚于开始时间', path: ['endsAt'] })
  .refine((m) => Date.parse(m.endsAt) - Date.parse(m.startsAt) <= MEETING_HOURS_MAX * 3_600_000, {
    message: `一次会议最长 ${MEETING_HOURS_MAX} 小时`,
    path: ['endsAt'],
  })

export const MeetingState = z.enum(['upcoming', 'ongoing', 'ended', 'cancelled'])
export type MeetingState = z.infer<typeof MeetingState>

/** The caller's own attendance: 已签到 (by code or marked by the leader), 请假 and its answer, or nothing yet. */
export const MyAttendance = z.object({
  present: z.boolean(),
  presentAt: z.string().nullable(),
  leave: z.enum(['pending', 'approved', 'rejected']).nullable(),
  leaveReason: z.string().nullable(),
  leaveComment: z.string().nullable(),
})
export type MyAttendance = z.infer<typeof MyAttendance>

export const Meeting = z.object({
  _id: z.string(),
  unitId: z.string(),
  unitKind: UnitKind,
  unitName: z.string(),
  kind: MeetingKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  agenda: z.string(),
  items: z.array(MeetingItem.extend({ title: z.string() })),
  state: MeetingState,
  /** 会议记录, once written. */
  minutes: z.string().nullable(),
  createdByName: z.string(),
  /** The caller is expected at it (a member of its unit). */
  attends: z.boolean(),
  /** The caller may change it, show the code, answer leave and mark attendance. */
  manages: z.boolean(),
  mine: MyAttendance.nullable(),
})
export type Meeting = z.infer<typeof Meeting>

export const MeetingIdInput = z.strictObject({ id: id('会议编号') })

export const ListMeetingsInput = z.strictObject({
  /** mine: the meetings of my group, my branch and the organisation; managed: those I schedule and run. */
  scope: z.enum(['mine', 'managed'], { error: '范围应为 mine 或 managed' }),
  cursor: Cursor.optional(),
})
export const ListMeetingsOutput = page(Meeting).extend({ subscriptions: z.array(Subscription) })

export const SaveMeetingOutput = z.object({ meeting: Meeting, audience: z.number().int(), notified: z.record(z.string(), z.number().int()) })

/** One member of the meeting's unit as its leader sees them. */
export const AttendanceRow = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string(),
  status: z.enum(['present', 'leave', 'leavePending', 'absent']),
  how: z.enum(['code', 'manual']).nullable(),
  at: z.string().nullable(),
  markedByName: z.string().nullable(),
  leaveReason: z.string().nullable(),
  leaveComment: z.string().nullable(),
})
export type AttendanceRow = z.infer<typeof AttendanceRow>

export const GetMeetingOutput = z.object({
  meeting: Meeting,
  /** For those who run it: everyone expected, with 应到 / 实到 / 请假 / 未到. */
  attendance: z
    .object({
      expected: z.number().int(),
      present: z.number().int(),
      onLeave: z.number().int(),
      absent: z.number().int(),
      rows: z.array(AttendanceRow),
    })
    .nullable(),
})

/** What the leader's screen shows: the QR text and the 6-digit code of each 30-second period. */
export const MeetingCodes = z.object({
  meetingId: z.string(),
  periodSeconds: z.number().int(),
  /** The server's clock: the screen shows each code by it, whatever the phone's clock says. */
  now: z.string(),
  codes: z.array(z.object({ code: z.string(), qr: z.string(), from: z.string(), until: z.string() })),
})

export const SignInMeetingInput = z.strictObject({
  /** From the QR (`xxqmeet:<id>:<code>`) or the meeting page the code was typed on. */
  meetingId: id('会议编号'),
  code: z.string({ error: '签到码应为文字' }).regex(/^\d{6}$/, '签到码是 6 位数字'),
})

export const RequestLeaveInput = z.strictObject({
  meetingId: id('会议编号'),
  reason: text('请假理由', LEAVE_REASON_MAX),
})

export const ReviewLeaveInput = z
  .strictObject({
    meetingId: id('会议编号'),
    memberId: id('成员编号'),
    approve: z.boolean({ error: 'approve 应为是或否' }),
    comment: text('意见', LEAVE_REASON_MAX).optional(),
  })
  .refine((r) => r.approve || !!r.comment, { message: '不准假时请写一句原因', path: ['comment'] })

export const MarkAttendanceInput = z.strictObject({
  meetingId: id('会议编号'),
  memberId: id('成员编号'),
  /** Why by hand (扫码不便、手机没电…): kept in the audit log. */
  note: text('说明', LEAVE_REASON_MAX),
})

export const SaveMinutesInput = z.strictObject({
  meetingId: id('会议编号'),
  minutes: text('会议记录', MEETING_MINUTES_MAX),
})

export const meetingsContract = {
  saveMeeting: { input: SaveMeetingInput, output: SaveMeetingOutput },
  cancelMeeting: { input: MeetingIdInput, output: Meeting },
  listMeetings: { input: ListMeetingsInput, output: ListMeetingsOutput },
  getMeeting: { input: MeetingIdInput, output: GetMeetingOutput },
  getMeetingCodes: { input: MeetingIdInput, output: MeetingCodes },
  signInMeeting: { input: SignInMeetingInput, output: Meeting },
  requestLeave: { input: RequestLeaveInput, output: Meeting },
  reviewLeave: { input: ReviewLeaveInput, output: AttendanceRow },
  markAttendance: { input: MarkAttendanceInput, output: AttendanceRow },
  saveMeetingMinutes: { input: SaveMinutesInput, output: Meeting },
} as const
