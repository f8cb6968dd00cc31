import { randomBytes } from 'node:crypto'
import type { CloudDatabase } from '../../server/db/types'
import { requestLeave, reviewLeave, signInMeeting } from '../../server/meetings/attendance'
import { codeFor, periodOf } from '../../server/meetings/codes'
import { MEETINGS, type MeetingDoc } from '../../server/meetings/meetings'
import type { Member } from '../../server/members'
import type { ContentChecker } from '../../server/security/content-check'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * 第一党小组's 组织生活: last week's 党小组会 (seven signed in with the code, one on leave, two
 * missed), today's 集中学习 under way (one asking for leave, waiting for the leader), and the
 * branch's 主题党日 next week. Attendance goes through the same sign-in and leave as members'.
 */
export async function seedMeetings(db: CloudDatabase, contentCheck: ContentChecker, members: Member[], now: Date): Promise<number> {
  const byId = new Map(members.map((m) => [m._id, m]))
  const leader = byId.get('member-01')!
  const meeting = (
    id: string,
    fields: Pick<MeetingDoc, 'unitId' | 'unitKind' | 'unitName' | 'branchId' | 'kind' | 'title' | 'place' | 'agenda'>,
    startsAt: Date,
    hours: number,
  ): MeetingDoc => ({
    _id: id,
    ...fields,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
    items: [],
    status: 'scheduled',
    minutes: null,
    secret: randomBytes(32).toString('hex'),
    createdBy: leader._id,
    createdByName: leader.name,
    createdAt: new Date(startsAt.getTime() - 3 * DAY),
    updatedAt: new Date(startsAt.getTime() - 3 * DAY),
  })
  const group = { unitId: 'group-1-1', unitKind: 'group', unitName: '第一党小组', branchId: 'branch-1' } as const
  const last = meeting(
    'meeting-group-1-1-last',
    {
      ...group,
      kind: 'groupMeeting',
      title: '党小组会：学习党章第一章',
      place: '社区党群服务中心二楼',
      agenda: '领学党章第一章；每人谈一点体会；布置下周学习',
    },
    new Date(now.getTime() - 7 * DAY - 2 * HOUR),
    1.5,
  )
  const today = meeting(
    'meeting-group-1-1-today',
    { ...group, kind: 'groupStudy', title: '集中学习：党章第二章', place: '社区党群服务中心二楼', agenda: '观看专题片，集体学习党章第二章' },
    new Date(now.getTime() - 0.5 * HOUR),
    2,
  )
  const themeDay = meeting(
    'meeting-branch-1-theme',
    {
      unitId: 'branch-1',
      unitKind: 'branch',
      unitName: '第一党支部',
      branchId: 'branch-1',
      kind: 'themeDay',
      title: '主题党日：重温入党誓词',
      place: '红色教育基地',
      agenda: '参观学习，重温入党誓词',
    },
    new Date(now.getTime() + 5 * DAY),
    3,
  )
  for (const doc of [last, today, themeDay]) await db.collection(MEETINGS).add({ data: doc })

  const before = new Date(last.startsAt.getTime() - DAY)
  await requestLeave({ db, contentCheck, now: before }, byId.get('member-06')!, { meetingId: last._id, reason: '陪老伴去医院复查' })
  await reviewLeave({ db, contentCheck }, leader, { meetingId: last._id, memberId: 'member-06', approve: true })
  for (const [i, id] of ['member-01', 'member-02', 'member-03', 'member-04', 'member-05', 'member-07', 'member-09'].entries()) {
    const at = new Date(last.startsAt.getTime() - 5 * 60_000 + i * 40_000)
    await signInMeeting(db, byId.get(id)!, at, { meetingId: last._id, code: codeFor(last.secret, last._id, periodOf(at)) })
  }
  await requestLeave({ db, contentCheck, now: new Date(now.getTime() - 2 * HOUR) }, byId.get('member-08')!, { meetingId: today._id, reason: '今天单位值班' })
  return 3
}
