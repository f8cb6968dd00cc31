import { openXlsx } from '../support/spreadsheets'
import { oneQuestionExam } from '../support/exams'
import { register } from '../../server/actions/register'
import { checkIn } from '../../server/actions/checkIn'
import { exportQuarterReport } from '../../server/actions/exportQuarterReport'
import { getMyQuarterReport } from '../../server/actions/getMyQuarterReport'
import { getUnitQuarterReport } from '../../server/actions/getUnitQuarterReport'
import { quarterRemind } from '../../cloudfunctions/quarterRemind'
import { quarterReport } from '../../cloudfunctions/quarterReport'
import { weeklyDistribute } from '../../cloudfunctions/weeklyDistribute'
import { readLocalFile } from '../../server/files/local-files'
import { JOBS } from '../../server/jobs/batched-job'
import { MEMBERS } from '../../server/members'
import { NOTIFICATIONS, type NotificationDoc } from '../../server/notify/notify'
import { QUARTER_REPORTS, QUARTER_ROWS, QUARTER_UNITS } from '../../server/reports/docs'
import { MEMBER_HEADERS } from '../../server/reports/export'
import { allDocs, type TestCloud } from '../support/cloud'
import { countingMessenger, runInterrupted, withRoundTrips } from '../support/interrupt'
import { ok } from '../support/study'
import { completeReading, grant, openWeeklyCloud, scheduledList } from '../support/weekly'

// Friday 2026-12-04 10:00 Beijing: next week's list is prepared.
const FRIDAY = '2026-12-04T02:00:00Z'
const WEEK = '2026-12-07'
/** 2027-01-01 00:10 Beijing: the Q4 report's moment. */
const NEW_YEAR = '2026-12-31T16:10:00Z'
const CAST = ['ba1', 'ba2', 'lead1', 'm1', 'org', 't1', 't2', 't3']

let cloud: TestCloud
const at = (iso: string) => cloud.clock.fix(new Date(iso))

/**
 * Q4 2026: one list (two required items, a one-minute target) for the week of 7 December to
 * everyone. m1 reads both and checks in twice; t1 reads one and checks in once; the rest nothing.
 */
beforeEach(async () => {
  cloud = await openWeeklyCloud(FRIDAY)
  await scheduledList(cloud, { week: WEEK, targetMinutes: 1 })
  at('2026-12-07T00:00:00Z')
  ok(await cloud.call(weeklyDistribute, undefined, {}))
  at('2026-12-08T02:00:00Z')
  await completeReading(cloud, 'm1', 'article', 'wk-a1')
  await completeReading(cloud, 'm1', 'chapter', 'wk-book-c1')
  ok(await cloud.call(checkIn, 'wx-m1', {}))
  await completeReading(cloud, 't1', 'article', 'wk-a1')
  ok(await cloud.call(checkIn, 'wx-t1', {}))
  await examOfBranch1()
  at('2026-12-09T02:00:00Z')
  ok(await cloud.call(checkIn, 'wx-m1', {}))
})

/** A one-question exam for 第一党支部, closing on 10 December: m1 passes it, t1 fails it, the others skip it. */
async function examOfBranch1(): Promise<void> {
  const { sit } = await oneQuestionExam(cloud, {
    title: '十二月考核',
    unitId: 'branch-1',
    opensAt: '2026-12-08T08:00:00+08:00',
    closesAt: '2026-12-10T18:00:00+08:00',
  })
  await sit('m1', 0)
  await sit('t1', 1)
}
afterEach(async () => {
  jest.restoreAllMocks()
  await cloud.close()
})

const byMember = async (template: string) =>
  ((await allDocs(cloud.db, NOTIFICATIONS)) as unknown as NotificationDoc[]).filter((n) => n.templateKey === template && n.key.startsWith('quarter'))

describe('the reminder two weeks before the quarter ends', () => {
  beforeEach(async () => {
    for (const m of CAST) await grant(cloud, m, 'studyNudge', m === 'lead1' ? 2 : 1)
  })
  const remind = () => cloud.call(quarterRemind, undefined, {})

  it('says nothing before 18 December (two weeks before 31 December)', async () => {
    at('2026-12-17T01:00:00Z')
    expect(await remind()).toEqual({ ok: true, data: { quarter: '2026-Q4', members: {}, leaders: {} } })
    expect(await byMember('studyNudge')).toEqual([])
  })

  it('tells each member behind exactly what is missing and the days left; nobody on track; leaders get who', async () => {
    at('2026-12-18T01:00:00Z')
    expect(await remind()).toMatchObject({ ok: true, data: { members: { sent: 7 }, leaders: { sent: 1 } } })
    const sent = await byMember('studyNudge')
    const to = (id: string) => sent.filter((n) => n.memberId === id).map((n) => n.data)
    expect(to('m1')).toEqual([])
    expect(to('t1')).toEqual([{ title: '距季度结束还有14天', date: '2026-12-31', note: '还差必学1项' }])
    expect(to('t2')).toEqual([{ title: '距季度结束还有14天', date: '2026-12-31', note: '还差必学2项、学时1分钟' }])
    // group-1: ba1, lead1, org, t1 are behind; m1 is not.
    expect(to('lead1')).toContainEqual({ title: '本组4人学习进度落后', date: '2026-12-31', note: '吴支部、王组长等4人进度落后' })
    // Again the next day: nobody hears twice.
    at('2026-12-19T01:00:00Z')
    expect(await remind()).toMatchObject({ ok: true, data: { members: {}, leaders: {} } })
    expect(await byMember('studyNudge')).toHaveLength(8)
  })
})

describe('the quarterly report', () => {
  const report = () => cloud.call(quarterReport, undefined, {})
  const snapshot = async () => ({
    rows: (await all(QUARTER_ROWS)).sort((a, b) => String(a._id).localeCompare(String(b._id))),
    units: (await all(QUARTER_UNITS)).sort((a, b) => String(a._id).localeCompare(String(b._id))),
  })
  async function all(collection: string) {
    const out: Record<string, unknown>[] = []
    for (let skip = 0; ; skip += 1000) {
      const { data } = await cloud.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get()
      out.push(...data)
      if (data.length < 1000) return out
    }
  }

  it('on the first day of the next quarter freezes each member’s figures; a second run changes nothing', async () => {
    at(NEW_YEAR)
    expect(await report()).toEqual({ ok: true, data: { quarter: '2026-Q4', alreadyFrozen: false, members: 8 } })
    const rows = new Map((await allDocs(cloud.db, QUARTER_ROWS)).map((r) => [r.memberId, r]))
    expect(rows.get('m1')).toMatchObject({
      studySeconds: 120,
      requiredDone: 2,
      requiredCount: 2,
      weeksMet: 1,
      weeks: 1,
      checkInDays: 2,
      groupName: '第一党小组',
    })
    expect(rows.get('t1')).toMatchObject({ studySeconds: 60, requiredDone: 1, requiredCount: 2, weeksMet: 1, checkInDays: 1 })
    expect(rows.get('t3')).toMatchObject({ studySeconds: 0, requiredDone: 0, weeksMet: 0, checkInDays: 0, points: 0 })
    expect(Number(rows.get('m1')!.points)).toBeGreaterThan(Number(rows.get('t1')!.points))
    const before = await snapshot()
    // Members study on in the new quarter: the frozen report does not move.
    at('2027-01-01T02:00:00Z')
    ok(await cloud.call(checkIn, 'wx-t3', {}))
    expect(await report()).toEqual({ ok: true, data: { quarter: '2026-Q4', alreadyFrozen: true, members: 8 } })
    expect(await snapshot()).toEqual(before)
  })

  it('counts only members who had joined by the quarter’s end, though the report runs a little after it', async () => {
    await cloud.addInvitation({ _id: 'LATEJOIN', groupId: 'group-1', branchId: 'branch-1', expiresAt: new Date('2027-01-31T00:00:00Z') })
    at('2026-12-31T16:05:00Z') // 00:05 on 1 January in Beijing: the new quarter has begun
    ok(await cloud.call(register, 'wx-late', { name: '迟到者', code: 'LATEJOIN' }))
    at(NEW_YEAR)
    expect(await report()).toEqual({ ok: true, data: { quarter: '2026-Q4', alreadyFrozen: false, members: 8 } })
    const names = (await allDocs(cloud.db, QUARTER_ROWS)).map((r) => r.name)
    expect(names).not.toContain('迟到者')
  })

  it('goes in a few dozen round trips; interrupted at random points and resumed, produces exactly the report of an uninterrupted run', async () => {
    // Over one batch of members: 1,030 more, who did nothing.
    for (let i = 0; i < 1030; i++) {
      const _id = `p${String(i).padStart(4, '0')}`
      await cloud.db.collection(MEMBERS).add({
        data: {
          _id,
          openid: `wx-${_id}`,
          name: `党员${i}`,
          groupId: i % 2 ? 'group-2' : 'group-4',
          branchId: i % 2 ? 'branch-1' : 'branch-2',
          roles: ['member'],
          status: 'active',
          largeFont: false,
        },
      })
    }
    at(NEW_YEAR)
    let trips = 0
    expect(await withRoundTrips(cloud, () => void (trips += 1), report)).toMatchObject({ ok: true, data: { members: 1038 } })
    // Rows go in by the hundred: the job's round trips do not grow one per member.
    expect(trips).toBeLessThan(100)
    const uninterrupted = await snapshot()
    for (const c of [QUARTER_ROWS, QUARTER_UNITS, QUARTER_REPORTS]) await cloud.db.collection(c).where({ quarter: '2026-Q4' }).remove()
    await cloud.db.collection(JOBS).where({ _id: 'quarterReport_2026-Q4' }).remove()

    const { interrupted, result } = await runInterrupted(cloud, quarterReport, {
      seed: 11,
      runs: 10,
      maxStop: Math.ceil(trips / 2),
      messenger: countingMessenger(),
    })
    expect(interrupted).toBeGreaterThanOrEqual(8)
    expect(result).toMatchObject({ ok: true, data: { members: 1038 } })
    expect(await snapshot()).toEqual(uninterrupted)
  }, 120_000)

  describe('reading it', () => {
    beforeEach(async () => {
      at(NEW_YEAR)
      ok(await report())
    })

    it('我的季度报告: the member’s figures with ranks in group and branch; no earlier quarter yet', async () => {
      const mine = ok(await cloud.call(getMyQuarterReport, 'wx-m1', {}))
      expect(mine.report).toMatchObject({ quarter: '2026-Q4', firstDay: '2026-10-01', lastDay: '2026-12-31', members: 8 })
      expect(mine.mine).toMatchObject({ memberId: 'm1', groupRank: 1, groupSize: 5, branchRank: 1, branchSize: 6, requiredDone: 2 })
      expect(mine.previous).toBeNull()
      expect(ok(await cloud.call(getMyQuarterReport, 'wx-m1', { quarter: '2026-Q3' }))).toEqual({ report: null, mine: null, previous: null })
    })

    it('a leader sees the group member by member; admins the units ranked', async () => {
      const group = ok(await cloud.call(getUnitQuarterReport, 'wx-lead1', {}))
      expect(group.unit).toMatchObject({
        unitId: 'group-1',
        members: 5,
        requiredDone: 3,
        requiredCount: 10,
        completionRate: 0.3,
        weeksMet: 2,
        weeks: 5,
        exams: 5,
        examsPassed: 1,
        examPassRate: 0.2,
      })
      expect(group.members.map((m) => [m.name, m.groupRank])).toEqual(expect.arrayContaining([['李党员', 1]]))
      expect(group.members).toHaveLength(5)

      const org = ok(await cloud.call(getUnitQuarterReport, 'wx-org', {}))
      expect(org.unit).toMatchObject({ kind: 'committee', members: 8 })
      expect(org.parts.map((u) => [u.name, u.rank, u.completionRate])).toEqual([
        ['第一党支部', 1, 0.25],
        ['第二党支部', 2, 0],
      ])
      const branch = ok(await cloud.call(getUnitQuarterReport, 'wx-ba1', {}))
      expect(branch.parts.map((u) => [u.name, u.rank])).toEqual([
        ['第一党小组', 1],
        ['第二党小组', 2],
      ])
      expect(await cloud.call(getUnitQuarterReport, 'wx-ba1', { unitId: 'branch-2' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(await cloud.call(getUnitQuarterReport, 'wx-m1', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    })

    const download = async (url: string) => (await readLocalFile(cloud.db, url.split('/').pop()!, cloud.clock.now()))!

    it('exports members as CSV with Chinese headers and a BOM, as Excel and WPS open it', async () => {
      const answer = ok(await cloud.call(exportQuarterReport, 'wx-org', { format: 'csv', rows: 'members' }))
      expect(answer).toMatchObject({ fileName: '季度通报-2026-Q4-成员.csv', rows: 8 })
      const file = await download(answer.url)
      expect(file.contentType).toBe('text/csv; charset=utf-8')
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const lines = file.bytes.toString('utf8').slice(1).split('\r\n')
      expect(lines[0]).toBe(MEMBER_HEADERS.join(','))
      expect(lines).toHaveLength(10)
      const m1 = ok(await cloud.call(getMyQuarterReport, 'wx-m1', {})).mine!
      // Two minutes of study are 0.0 hours (rounded down, as everywhere).
      expect(lines).toContain(`李党员,第一党支部,第一党小组,0,2,2,1,1,2,${m1.points},1/1,0/0,0,1/5,1/6,0,0`)
      expect(lines.find((l) => l.startsWith('赵一,'))).toContain(',0/1,')
      expect(lines.find((l) => l.startsWith('孙三,'))).toContain(',0/0,')
    })

    it('exports units as .xlsx that parses back to the same table', async () => {
      const answer = ok(await cloud.call(exportQuarterReport, 'wx-org', { format: 'xlsx', rows: 'units' }))
      const { sheetNames, rows } = await openXlsx((await download(answer.url)).bytes)
      expect(sheetNames).toEqual(['2026-Q4单位'])
      expect(rows[0]).toEqual([
        '排名',
        '单位',
        '类型',
        '所属单位',
        '人数',
        '总学时（小时）',
        '人均学时（小时）',
        '必学完成率',
        '学时达标率',
        '打卡天数',
        '积分',
        '考试通过率',
        '组织生活出勤率',
        '评级（平均预计星级）',
      ])
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[7], r[11]])).toEqual([
        [1, '测试党委', '党委', 8, '18.8%', '16.7%'],
        [1, '第一党支部', '党支部', 6, '25%', '16.7%'],
        [2, '第二党支部', '党支部', 2, '0%', '—'],
        [1, '第一党小组', '党小组', 5, '30%', '20%'],
        [2, '第二党小组', '党小组', 1, '0%', '0%'],
        [2, '第三党小组', '党小组', 2, '0%', '—'],
      ])
      expect(answer.rows).toBe(6)
    })

    it('a branch admin exports their branch only; a leader may not export', async () => {
      const answer = ok(await cloud.call(exportQuarterReport, 'wx-ba2', { format: 'xlsx', rows: 'members' }))
      const { rows } = await openXlsx((await download(answer.url)).bytes)
      expect(
        rows
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(['孙三', '郑支部'])
      expect(await cloud.call(exportQuarterReport, 'wx-lead1', { format: 'csv', rows: 'members' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    })
  })
})
