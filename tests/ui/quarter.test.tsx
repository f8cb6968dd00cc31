import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { navigateTo, setRouterParams } from '../support/taro-double'
import MyQuarterPage from '../../src/packageReport/pages/mine/index'
import UnitQuarterPage from '../../src/packageReport/pages/unit/index'
import { openDownload } from '../../src/services/download'
import type { MemberQuarter, ReportHeader, UnitQuarter } from '../../types'
import { orgAdmin, profile } from '../support/ui-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
jest.mock('../../src/services/download', () => ({ openDownload: jest.fn(async () => undefined) }))

const header: ReportHeader = { quarter: '2025-Q3', firstDay: '2025-07-01', lastDay: '2025-09-30', frozenAt: '2025-09-30T16:10:00.000Z', members: 40 }

const row = (over: Partial<MemberQuarter> = {}): MemberQuarter => ({
  memberId: 'm-1',
  name: '王建国',
  groupId: 'group-1-1',
  groupName: '第一党小组',
  branchId: 'branch-1',
  branchName: '机关第一党支部',
  studySeconds: 5 * 3600 + 1800,
  requiredDone: 12,
  requiredCount: 12,
  weeksMet: 10,
  weeks: 13,
  checkInDays: 60,
  points: 420,
  exams: 1,
  examsPassed: 1,
  meetings: 3,
  meetingsAttended: 2,
  meetingsOnLeave: 1,
  groupRank: 2,
  groupSize: 10,
  branchRank: 5,
  branchSize: 20,
  stars: 2,
  projectedStars: 3,
  ...over,
})

const unit = (unitId: string, name: string, kind: UnitQuarter['kind'], rank: number): UnitQuarter => ({
  unitId,
  kind,
  name,
  parentId: kind === 'group' ? 'branch-1' : null,
  members: 10,
  studySeconds: 36_000,
  avgStudySeconds: 3600,
  requiredDone: 90,
  requiredCount: 120,
  completionRate: 0.75,
  weeksMet: 100,
  weeks: 130,
  exams: 10,
  examsPassed: 8,
  examPassRate: 0.8,
  meetings: 30,
  meetingsAttended: 27,
  attendanceRate: 0.9,
  targetRate: 0.7692,
  checkInDays: 500,
  points: 4000,
  rating: 2.5,
  rank,
})

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
  ;(openDownload as jest.Mock).mockClear()
  setRouterParams({})
})

describe('我的季度报告', () => {
  test('an encouraging summary, every figure, and the comparison with last quarter', async () => {
    serve({ getMyQuarterReport: () => ok({ report: header, mine: row(), previous: row({ studySeconds: 4 * 3600, requiredDone: 8 }) }) })
    render(<MyQuarterPage />)
    expect(await screen.findByText('2025年第三季度')).toBeTruthy()
    expect(screen.getByText('本季度的每周一学必学内容全部完成，了不起！')).toBeTruthy()
    expect(screen.getByText('比上个季度多学了 1.5 小时，进步看得见。')).toBeTruthy()
    expect(screen.getByText('5.5 小时')).toBeTruthy()
    expect(screen.getByText('第 2 名（共 10 人）')).toBeTruthy()
    expect(screen.getByText('已获 ★★，按目前进度全年可达 ★★★')).toBeTruthy()
    expect(screen.getByText('上个季度：学时 4 小时，必学完成 8/12 项，打卡 60 天，积分 420 分。')).toBeTruthy()
  })

  test('before the first report, says when it comes', async () => {
    serve({ getMyQuarterReport: () => ok({ report: null, mine: null, previous: null }) })
    render(<MyQuarterPage />)
    expect(await screen.findByText('季度通报在每个季度的第一天生成。目前还没有你的季度报告，下个季度初再来看看。')).toBeTruthy()
  })

  test('a failed load shows the message and 重试', async () => {
    serve({ getMyQuarterReport: () => fail('INTERNAL', '系统繁忙，请稍后再试') })
    render(<MyQuarterPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    serve({ getMyQuarterReport: () => ok({ report: header, mine: row({ requiredDone: 3 }), previous: null }) })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('本季度完成了 3 项必学内容，下个季度继续加油。')).toBeTruthy()
  })
})

describe('单位季度通报', () => {
  const orgReport = () =>
    ok({
      report: header,
      unit: unit('committee', '示范单位机关党委', 'committee', 1),
      parts: [unit('branch-2', '机关第二党支部', 'branch', 1), unit('branch-1', '机关第一党支部', 'branch', 2)],
      members: [],
    })

  test('an admin sees branches ranked, opens one, and exports Excel', async () => {
    serve({
      getMe: () => ok(orgAdmin),
      getUnitQuarterReport: orgReport,
      exportQuarterReport: () => ok({ fileName: '季度通报-2025-Q3-成员.xlsx', url: '/local/files/file-1', expiresAt: '2025-10-01T02:00:00.000Z', rows: 40 }),
    })
    render(<UnitQuarterPage />)
    expect(await screen.findByText('2025年第三季度 · 示范单位机关党委')).toBeTruthy()
    fireEvent.click(screen.getByText('1. 机关第二党支部 ›'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageReport/pages/unit/index?unitId=branch-2' })

    fireEvent.click(await screen.findByText('导出 Excel：成员明细'))
    expect(await screen.findByText('已生成「季度通报-2025-Q3-成员.xlsx」，共 40 行')).toBeTruthy()
    expect(callsTo('exportQuarterReport')[0][1]).toEqual({ quarter: '2025-Q3', format: 'xlsx', rows: 'members' })
    expect(openDownload).toHaveBeenCalledWith('/local/files/file-1', '季度通报-2025-Q3-成员.xlsx')
  })

  test('a leader sees the group’s members by rank and no exports', async () => {
    serve({
      getMe: () => ok(profile),
      getUnitQuarterReport: () =>
        ok({ report: header, unit: unit('group-1-1', '第一党小组', 'group', 1), parts: [], members: [row({ groupRank: 1, name: '李党员' }), row()] }),
    })
    render(<UnitQuarterPage />)
    expect(await screen.findByText('1. 李党员')).toBeTruthy()
    expect(screen.getByText('2. 王建国')).toBeTruthy()
    await waitFor(() => expect(callsTo('getMe')).toHaveLength(1))
    expect(screen.queryByText('导出 Excel：成员明细')).toBeNull()
  })

  test('a unit with nothing to count shows its rates as — with the reason, never 100%', async () => {
    const empty = {
      ...unit('group-1-1', '第一党小组', 'group', 1),
      requiredDone: 0,
      requiredCount: 0,
      completionRate: null,
      weeksMet: 0,
      weeks: 0,
      targetRate: null,
    }
    serve({ getMe: () => ok(profile), getUnitQuarterReport: () => ok({ report: header, unit: empty, parts: [], members: [] }) })
    render(<UnitQuarterPage />)
    expect(await screen.findByText(/必学完成率 —（本季度无必学内容） · 学时达标率 —（没有需达标的周）/)).toBeTruthy()
    expect(screen.queryByText(/100%/)).toBeNull()
  })

  test('an export refused by the server says why', async () => {
    serve({ getMe: () => ok(orgAdmin), getUnitQuarterReport: orgReport, exportQuarterReport: () => fail('NOT_FOUND', '2025-Q3 的季度通报还没有生成') })
    render(<UnitQuarterPage />)
    fireEvent.click(await screen.findByText('导出 CSV：成员明细'))
    expect(await screen.findByText('2025-Q3 的季度通报还没有生成')).toBeTruthy()
    expect(openDownload).not.toHaveBeenCalled()
  })
})
