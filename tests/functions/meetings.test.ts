import { openXlsx } from '../support/spreadsheets'
import { reconcileScores } from '../../cloudfunctions/reconcileScores'
import { cancelMeeting } from '../../server/actions/cancelMeeting'
import { exportMemberArchive } from '../../server/actions/exportMemberArchive'
import { exportQuarterReport } from '../../server/actions/exportQuarterReport'
import { getMeeting } from '../../server/actions/getMeeting'
import { getMeetingCodes } from '../../server/actions/getMeetingCodes'
import { getMemberArchive } from '../../server/actions/getMemberArchive'
import { getUnitQuarterReport } from '../../server/actions/getUnitQuarterReport'
import { listMeetings } from '../../server/actions/listMeetings'
import { markAttendance } from '../../server/actions/markAttendance'
import { requestLeave } from '../../server/actions/requestLeave'
import { reviewLeave } from '../../server/actions/reviewLeave'
import { saveMeeting } from '../../server/actions/saveMeeting'
import { saveMeetingMinutes } from '../../server/actions/saveMeetingMinutes'
import { reviewReflection } from '../../server/actions/reviewReflection'
import { submitReflection } from '../../server/actions/submitReflection'
import { signInMeeting } from '../../server/actions/signInMeeting'
import { AUDIT } from '../../server/audit'
import { readLocalFile } from '../../server/files/local-files'
import { MEETING_ATTENDANCE } from '../../server/meetings/attendance-docs'
import { MEETINGS } from '../../server/meetings/meetings'
import { REFLECTIONS } from '../../server/reflections/reflections'
import { runQuarterReport } from '../../server/reports/report'
import * as ledger from '../../server/scoring/ledger'
import { SCORE_ENTRIES } from '../../server/scoring/ledger'
import type { ActionInput } from '../../types'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addPublishedArticle, ok } from '../support/study'
import { grant } from '../support/weekly'

// Monday 2026-11-23, 10:00 in Beijing: 王组长 schedules this afternoon's 党小组会 (14:00–16:00).
const MONDAY = '2026-11-23T02:00:00Z'
const START = '2026-11-23T14:00:00+08:00'
const END = '2026-11-23T16:00:00+08:00'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(MONDAY)
  await cloud.addCast()
  await addPublishedArticle(cloud, 'a1', { title: '党章学习' })
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const at = (iso: string) => cloud.clock.fix(new Date(iso))
const later = (seconds: number) => cloud.clock.fix(new Date(cloud.clock.now().getTime() + seconds * 1000))

const meetingInput = (over: Partial<ActionInput<'saveMeeting'>> = {}): ActionInput<'saveMeeting'> => ({
  unitId: 'group-1',
  kind: 'groupMeeting',
  title: '十一月党小组会',
  startsAt: START,
  endsAt: END,
  place: '社区党群服务中心二楼',
  agenda: '学习党章第一章，交流学习体会',
  items: [{ kind: 'article', id: 'a1' }],
  requestKey: 'meeting-key-1',
  ...over,
})

async function scheduled(over: Partial<ActionInput<'saveMeeting'>> = {}) {
  return ok(await cloud.call(saveMeeting, 'wx-lead1', meetingInput(over))).meeting
}

/** The code the leader's screen shows now. */
async function currentCode(meetingId: string): Promise<string> {
  const { codes } = ok(await cloud.call(getMeetingCodes, 'wx-lead1', { id: meetingId }))
  return codes[0].code
}

/** An export opened back as rows of text, the header first. */
async function readExport(url: string): Promise<string[][]> {
  const file = (await readLocalFile(cloud.db, url.split('/').pop()!, cloud.clock.now()))!
  if (file.bytes.subarray(0, 2).toString('latin1') === 'PK') return (await openXlsx(file.bytes)).rows.map((row) => row.map(String))
  // CSV: no cell of these exports holds a comma or a quote.
  return file.bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','))
}

const REFLECTION = '今天的党小组会上大家轮流谈学习党章的体会，我说得不够具体。回去后我要把第一章再读一遍，把“四个意识”和自己的工作对照起来，下次发言讲清楚。'

const meetingPoints = async (memberId: string) => (await allDocs(cloud.db, SCORE_ENTRIES)).filter((e) => e.kind === 'meeting' && e.memberId === memberId)

describe('scheduling', () => {
  it('a leader schedules the group’s meeting and its members who asked are told once; a retry adds nothing', async () => {
    await grant(cloud, 'm1', 'meetingNotice')
    await grant(cloud, 't2', 'meetingNotice') // group-2: not this meeting's
    const first = ok(await cloud.call(saveMeeting, 'wx-lead1', meetingInput()))
    // group-1: org, ba1, lead1, m1, t1.
    expect(first).toMatchObject({ audience: 5, notified: { sent: 1, noGrant: 4 } })
    expect(first.meeting).toMatchObject({
      unitName: '第一党小组',
      kind: 'groupMeeting',
      state: 'upcoming',
      items: [{ kind: 'article', id: 'a1', title: '党章学习' }],
      manages: true,
      attends: true,
    })
    const again = ok(await cloud.call(saveMeeting, 'wx-lead1', meetingInput()))
    expect(again.meeting._id).toBe(first.meeting._id)
    expect(again.notified).toEqual(first.notified)
    expect(await allDocs(cloud.db, MEETINGS)).toHaveLength(1)
    expect((await allDocs(cloud.db, 'notifications')).filter((n) => n.templateKey === 'meetingNotice')).toHaveLength(1)
    expect((await allDocs(cloud.db, AUDIT)).filter((a) => a.action === 'meeting.create')).toHaveLength(1)
    // The secret that signs the codes never leaves the server.
    expect(JSON.stringify(first)).not.toContain('secret')
  })

  it('tells again when the time moves, not when only the place changes; a started meeting no longer changes', async () => {
    await grant(cloud, 'm1', 'meetingNotice', 3)
    const m = await scheduled()
    ok(await cloud.call(saveMeeting, 'wx-lead1', { ...meetingInput({ place: '会议室 301' }), id: m._id }))
    const moved = ok(await cloud.call(saveMeeting, 'wx-lead1', { ...meetingInput({ startsAt: '2026-11-23T15:00:00+08:00' }), id: m._id }))
    expect(moved.notified).toMatchObject({ sent: 1 })
    expect((await allDocs(cloud.db, 'notifications')).filter((n) => n.templateKey === 'meetingNotice' && n.result === 'sent')).toHaveLength(2)
    at('2026-11-23T07:10:00Z')
    expect(await cloud.call(saveMeeting, 'wx-lead1', { ...meetingInput(), id: m._id })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '会议已开始，不能再修改',
    })
  })

  it('lists a member’s meetings with their own state, and a leader’s to run; cancelling ends it everywhere', async () => {
    const m = await scheduled()
    ok(await cloud.call(saveMeeting, 'wx-ba1', meetingInput({ unitId: 'branch-1', kind: 'partyLecture', title: '支部党课', requestKey: 'branch-lecture' })))
    expect(
      ok(await cloud.call(listMeetings, 'wx-m1', { scope: 'mine' }))
        .items.map((i) => i.title)
        .sort(),
    ).toEqual(['十一月党小组会', '支部党课'])
    expect(ok(await cloud.call(listMeetings, 'wx-t2', { scope: 'mine' })).items.map((i) => i.title)).toEqual(['支部党课'])
    expect(ok(await cloud.call(listMeetings, 'wx-lead1', { scope: 'managed' })).items.map((i) => i.title)).toEqual(['十一月党小组会'])
    expect(await cloud.call(listMeetings, 'wx-m1', { scope: 'managed' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(ok(await cloud.call(cancelMeeting, 'wx-lead1', { id: m._id })).state).toBe('cancelled')
    expect(await cloud.call(requestLeave, 'wx-m1', { meetingId: m._id, reason: '出差' })).toEqual({ ok: false, code: 'CONFLICT', message: '会议已取消' })
  })

  it.each([
    ['an end before the start', meetingInput({ endsAt: '2026-11-23T13:00:00+08:00' }), 'INVALID_INPUT', '结束时间应晚于开始时间'],
    ['a meeting of 13 hours', meetingInput({ endsAt: '2026-11-24T03:00:00+08:00' }), 'INVALID_INPUT', '一次会议最长 12 小时'],
    [
      'a kind there is none of',
      { ...meetingInput(), kind: 'party' },
      'INVALID_INPUT',
      '会议类型应为支部党员大会、支部委员会、党小组会、党课、主题党日或集中学习',
    ],
    ['a day that does not exist', meetingInput({ startsAt: '2026-11-31T14:00:00+08:00' }), 'INVALID_INPUT', '没有这一天，请检查时间'],
    ['no place', meetingInput({ place: ' ' }), 'INVALID_INPUT', '地点不能为空'],
    ['a 党小组会 for a branch', meetingInput({ unitId: 'branch-1' }), 'INVALID_INPUT', '党小组会只能安排给党小组'],
    ['an article not out', meetingInput({ items: [{ kind: 'article', id: 'none' }] }), 'NOT_FOUND', '关联的文章不存在或未发布'],
    ['a flagged word in the agenda', meetingInput({ agenda: '违禁词' }), 'INVALID_INPUT', '内容含有不适宜发布的信息，请修改后再提交'],
    ['another branch’s group', meetingInput({ unitId: 'group-3' }), 'FORBIDDEN', '你没有权限安排和主持这个单位的会议'],
  ])('refuses %s, storing nothing', async (_what, input, code, message) => {
    const who = (input as { unitId: string }).unitId === 'branch-1' ? 'wx-ba1' : 'wx-lead1'
    expect(await cloud.call(saveMeeting, who, input)).toEqual({ ok: false, code, message })
    expect(await allDocs(cloud.db, MEETINGS)).toHaveLength(0)
    expect(await allDocs(cloud.db, AUDIT)).toHaveLength(0)
  })
})

describe('signing in with the rotating code', () => {
  it('gives the leader’s screen five minutes of codes, each 30 s, and only around the meeting', async () => {
    const m = await scheduled()
    expect(await cloud.call(getMeetingCodes, 'wx-lead1', { id: m._id })).toEqual({ ok: false, code: 'CONFLICT', message: '签到还没开始：会前 30 分钟开放' })
    at('2026-11-23T05:40:00Z') // 13:40
    const { codes, periodSeconds } = ok(await cloud.call(getMeetingCodes, 'wx-lead1', { id: m._id }))
    expect(periodSeconds).toBe(30)
    expect(codes).toHaveLength(10)
    expect(codes[0]).toMatchObject({ from: '2026-11-23T05:40:00.000Z', until: '2026-11-23T05:40:30.000Z', qr: `xxqmeet:${m._id}:${codes[0].code}` })
    expect(codes.every((c) => /^\d{6}$/.test(c.code))).toBe(true)
    expect(new Set(codes.map((c) => c.code)).size).toBe(10)
    expect(await cloud.call(getMeetingCodes, 'wx-m1', { id: m._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('signs a member in once; the same code again answers the first sign-in; an expired code is refused', async () => {
    const m = await scheduled()
    at('2026-11-23T05:58:00Z')
    const code = await currentCode(m._id)
    const signed = ok(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code }))
    expect(signed.mine).toMatchObject({ present: true, presentAt: '2026-11-23T05:58:00.000Z' })
    // Taken for one period more (a scan on the turn of the code)…
    later(40)
    ok(await cloud.call(signInMeeting, 'wx-lead1', { meetingId: m._id, code }))
    // …then expired, for anyone; the member already signed in replays it harmlessly.
    later(30)
    expect(await cloud.call(signInMeeting, 'wx-t1', { meetingId: m._id, code })).toEqual({
      ok: false,
      code: 'CODE_EXPIRED',
      message: '签到码已过期，请扫描组长手机上的最新二维码',
    })
    expect(ok(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code })).mine?.presentAt).toBe('2026-11-23T05:58:00.000Z')
    ok(await cloud.call(signInMeeting, 'wx-t1', { meetingId: m._id, code: await currentCode(m._id) }))
    expect(await allDocs(cloud.db, MEETING_ATTENDANCE)).toHaveLength(3)
    expect(await meetingPoints('m1')).toEqual([expect.objectContaining({ day: '2026-11-23', quantity: 1 })])
  })

  it('refuses another meeting’s code, a mistyped one, a member of another unit, and sign-in outside the window', async () => {
    const m = await scheduled()
    const other = ok(
      await cloud.call(saveMeeting, 'wx-ba1', meetingInput({ unitId: 'branch-1', kind: 'themeDay', title: '主题党日', requestKey: 'theme-day' })),
    ).meeting
    at('2026-11-23T06:00:00Z')
    const otherCode = ok(await cloud.call(getMeetingCodes, 'wx-ba1', { id: other._id })).codes[0].code
    const wrong = { ok: false, code: 'WRONG_CODE', message: '签到码不对：请核对会场显示的 6 位数字，或扫描这次会议的二维码' }
    expect(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code: otherCode })).toEqual(wrong)
    const code = await currentCode(m._id)
    expect(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code: code === '000000' ? '000001' : '000000' })).toEqual(wrong)
    expect(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code: '12345' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '签到码是 6 位数字',
    })
    expect(await cloud.call(signInMeeting, 'wx-t2', { meetingId: m._id, code })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '你没有权限在这次会议签到或请假：这是「第一党小组」的会议，你不在参会范围内',
    })
    at('2026-11-23T08:31:00Z') // 16:31, half an hour after the end
    expect(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '会议已结束，签到已关闭；没签上的请联系组长补登',
    })
    expect(await allDocs(cloud.db, MEETING_ATTENDANCE)).toHaveLength(0)
  })

  it('signs one member in once under 100 concurrent scans: one record, one point', async () => {
    const m = await scheduled()
    at('2026-11-23T06:05:00Z')
    const code = await currentCode(m._id)
    const results = await Promise.all(Array.from({ length: 100 }, () => cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.ok ? r.data.mine?.presentAt : null)))).toEqual(new Set(['2026-11-23T06:05:00.000Z']))
    expect(await allDocs(cloud.db, MEETING_ATTENDANCE)).toHaveLength(1)
    expect(await meetingPoints('m1')).toHaveLength(1)
  })

  it('scores a sign-in whose call stopped before its point in the nightly reconciliation', async () => {
    const m = await scheduled()
    at('2026-11-23T06:05:00Z')
    const code = await currentCode(m._id)
    jest.spyOn(ledger, 'recordScore').mockRejectedValueOnce(new Error('network'))
    expect(await cloud.call(signInMeeting, 'wx-m1', { meetingId: m._id, code })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(await meetingPoints('m1')).toHaveLength(0)
    at('2026-11-24T18:30:00Z') // Wednesday 02:30, the night's run
    ok(await cloud.call(reconcileScores, undefined, {}))
    expect(await meetingPoints('m1')).toHaveLength(1)
  })
})

describe('leave and the leader’s roster', () => {
  it('a member asks for leave, the leader approves; a refusal needs a reason; the roster counts 应到 实到 请假 未到', async () => {
    const m = await scheduled()
    expect(await cloud.call(requestLeave, 'wx-m1', { meetingId: m._id, reason: '' })).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请假理由不能为空' })
    expect(ok(await cloud.call(requestLeave, 'wx-m1', { meetingId: m._id, reason: '陪老伴看病' })).mine).toMatchObject({
      present: false,
      leave: 'pending',
      leaveReason: '陪老伴看病',
    })
    ok(await cloud.call(requestLeave, 'wx-t1', { meetingId: m._id, reason: '加班' }))
    expect(await cloud.call(reviewLeave, 'wx-lead1', { meetingId: m._id, memberId: 't1', approve: false })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不准假时请写一句原因',
    })
    expect(ok(await cloud.call(reviewLeave, 'wx-lead1', { meetingId: m._id, memberId: 'm1', approve: true }))).toMatchObject({
      status: 'leave',
      leaveReason: '陪老伴看病',
    })
    ok(await cloud.call(reviewLeave, 'wx-lead1', { meetingId: m._id, memberId: 't1', approve: false, comment: '这次学习很重要，请调一下班' }))
    expect(await cloud.call(reviewLeave, 'wx-lead1', { meetingId: m._id, memberId: 'org', approve: true })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '这位同志没有请假',
    })
    // t1 comes after all.
    at('2026-11-23T06:00:00Z')
    ok(await cloud.call(signInMeeting, 'wx-t1', { meetingId: m._id, code: await currentCode(m._id) }))
    expect(await cloud.call(requestLeave, 'wx-t1', { meetingId: m._id, reason: '临时有事' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '你已签到，不用请假',
    })
    const { attendance } = ok(await cloud.call(getMeeting, 'wx-lead1', { id: m._id }))
    expect(attendance).toMatchObject({ expected: 5, present: 1, onLeave: 1, absent: 3 })
    expect(attendance?.rows.find((r) => r.memberId === 't1')).toMatchObject({ status: 'present', how: 'code' })
    // A member sees the meeting with their own state, not the roster.
    expect(ok(await cloud.call(getMeeting, 'wx-m1', { id: m._id }))).toMatchObject({ attendance: null, meeting: { mine: { leave: 'approved' } } })
    expect(await cloud.call(getMeeting, 'wx-t3', { id: m._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    at('2026-11-23T08:01:00Z')
    expect(await cloud.call(requestLeave, 'wx-org', { meetingId: m._id, reason: '出差' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '会议已结束，不能再请假',
    })
  })

  it('the leader marks someone present by hand once the meeting has begun, audited once', async () => {
    const m = await scheduled()
    expect(await cloud.call(markAttendance, 'wx-lead1', { meetingId: m._id, memberId: 'm1', note: '手机没电' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '会议开始后才能登记出席',
    })
    at('2026-11-23T06:30:00Z')
    expect(await cloud.call(markAttendance, 'wx-lead1', { meetingId: m._id, memberId: 'm1', note: '' })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '说明不能为空',
    })
    expect(ok(await cloud.call(markAttendance, 'wx-lead1', { meetingId: m._id, memberId: 'm1', note: '手机没电' }))).toMatchObject({
      status: 'present',
      how: 'manual',
      markedByName: '王组长',
    })
    ok(await cloud.call(markAttendance, 'wx-lead1', { meetingId: m._id, memberId: 'm1', note: '手机没电' }))
    expect(await cloud.call(markAttendance, 'wx-lead1', { meetingId: m._id, memberId: 't2', note: '来了' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '钱二 不在这次会议的参会范围内',
    })
    expect((await allDocs(cloud.db, AUDIT)).filter((a) => a.action === 'meeting.markPresent')).toEqual([
      expect.objectContaining({ actorName: '王组长', after: { present: true, note: '手机没电' } }),
    ])
    expect(await meetingPoints('m1')).toHaveLength(1)
  })

  it('会议记录: after the start only, content-checked', async () => {
    const m = await scheduled()
    expect(await cloud.call(saveMeetingMinutes, 'wx-lead1', { meetingId: m._id, minutes: '学习了党章第一章' })).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '会议开始后才能写会议记录',
    })
    at('2026-11-23T08:10:00Z')
    expect(await cloud.call(saveMeetingMinutes, 'wx-lead1', { meetingId: m._id, minutes: '违禁词' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(ok(await cloud.call(saveMeetingMinutes, 'wx-lead1', { meetingId: m._id, minutes: '学习了党章第一章，5 人应到，4 人实到。' })).minutes).toBe(
      '学习了党章第一章，5 人应到，4 人实到。',
    )
    expect(ok(await cloud.call(getMeeting, 'wx-m1', { id: m._id })).meeting.minutes).toContain('党章第一章')
    expect(await cloud.call(saveMeetingMinutes, 'wx-m1', { meetingId: m._id, minutes: '我来写' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('会议心得: a member of the unit writes on the meeting once it has begun, the leader reviews it as any other', async () => {
    const m = await scheduled()
    const write = (who: string) =>
      cloud.call(submitReflection, who, { target: { kind: 'meeting', id: m._id }, body: REFLECTION, requestKey: `meeting-reflection-${who}` })
    expect(await write('wx-m1')).toEqual({ ok: false, code: 'CONFLICT', message: '会议开始后才能写心得' })
    at('2026-11-23T08:30:00Z')
    expect(await write('wx-t2')).toEqual({ ok: false, code: 'FORBIDDEN', message: '心得写给自己参加的会议：这是「第一党小组」的会议' })
    expect(await allDocs(cloud.db, REFLECTIONS)).toHaveLength(0)
    const written = ok(await write('wx-m1'))
    expect(written).toMatchObject({ target: { kind: 'meeting', id: m._id, title: '十一月党小组会' }, status: 'pending' })
    expect(ok(await cloud.call(reviewReflection, 'wx-lead1', { id: written._id, decision: 'approve' })).status).toBe('approved')
  })
})

describe('attendance in the 季度通报 and the 电子档案', () => {
  it('counts each member’s meetings expected, attended and on leave; a unit’s 出勤率; the exports carry them', async () => {
    const m = await scheduled()
    ok(await cloud.call(requestLeave, 'wx-t1', { meetingId: m._id, reason: '出差' }))
    ok(await cloud.call(reviewLeave, 'wx-lead1', { meetingId: m._id, memberId: 't1', approve: true }))
    const cancelled = await scheduled({ title: '取消的会', requestKey: 'cancelled-one' })
    ok(await cloud.call(cancelMeeting, 'wx-lead1', { id: cancelled._id }))
    at('2026-11-23T06:02:00Z')
    const code = await currentCode(m._id)
    for (const who of ['lead1', 'm1', 'ba1']) ok(await cloud.call(signInMeeting, `wx-${who}`, { meetingId: m._id, code }))
    at('2027-01-01T02:00:00Z')
    await runQuarterReport(cloud.db, cloud.clock.now())
    const group = ok(await cloud.call(getUnitQuarterReport, 'wx-lead1', { quarter: '2026-Q4' }))
    // group-1: 5 expected (the cancelled meeting counts nowhere), 3 present, t1 on leave, org missed.
    expect(group.unit).toMatchObject({ meetings: 5, meetingsAttended: 3, attendanceRate: 0.6 })
    const byName = new Map(group.members.map((r) => [r.name, r]))
    expect(byName.get('赵一')).toMatchObject({ meetings: 1, meetingsAttended: 0, meetingsOnLeave: 1 })
    expect(byName.get('周组织')).toMatchObject({ meetings: 1, meetingsAttended: 0, meetingsOnLeave: 0 })
    // group-2 had no meeting: no rate rather than 0% or 100%.
    const branch = ok(await cloud.call(getUnitQuarterReport, 'wx-ba1', { quarter: '2026-Q4', unitId: 'group-2' }))
    expect(branch.unit).toMatchObject({ meetings: 0, attendanceRate: null })
    const exported = ok(await cloud.call(exportQuarterReport, 'wx-ba1', { quarter: '2026-Q4', format: 'csv', rows: 'members' }))
    const rows = await readExport(exported.url)
    expect(rows[0]).toContain('组织生活（出席/应到）')
    expect(rows.find((r) => r[0] === '李党员')).toEqual(expect.arrayContaining(['1/1']))

    const archive = ok(await cloud.call(getMemberArchive, 'wx-t1', {}))
    expect(archive.years.find((y) => y.year === 2026)?.meetings).toEqual({ expected: 1, attended: 0, onLeave: 1 })
    const file = ok(await cloud.call(exportMemberArchive, 'wx-lead1', { unitId: 'group-1', year: 2026, format: 'csv' }))
    const archived = await readExport(file.url)
    const header = archived[0]
    const li = archived.find((r) => r[0] === '李党员')!
    expect(li[header.indexOf('组织生活（出席/应到）')]).toBe('1/1')
  })
})
