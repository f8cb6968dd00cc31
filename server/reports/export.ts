import type { z } from 'zod'
import type { ExportQuarterReportInput, ActionOutput, MemberQuarter, UnitQuarter } from '../../types'
import type { Member } from '../members'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { FileStore } from '../files/file-store'
import { forbidden, reachOf } from '../permissions'
import { allOfQuarter, QUARTER_ROWS, QUARTER_UNITS, withRanks, type RowDoc, type UnitDoc } from './docs'
import { frozenHeader, latestQuarter } from './read'
import { toCsv, toXlsx, type Table } from './table'
import { byName } from '../name-order'

type Input = z.output<typeof ExportQuarterReportInput>

/** Hours with one decimal, rounded down like every study time members see. */
const hours = (seconds: number) => Math.floor(seconds / 360) / 10
/** A rate as a percentage; — where there was nothing to count. */
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
const KIND_NAMES: Record<UnitQuarter['kind'], string> = { committee: '党委', branch: '党支部', group: '党小组' }

export const MEMBER_HEADERS = [
  '姓名',
  '党支部',
  '党小组',
  '学时（小时）',
  '必学完成（项）',
  '必学总数（项）',
  '学时达标周数',
  '每周一学周数',
  '打卡天数',
  '积分',
  '考试（通过/应考）',
  '组织生活（出席/应到）',
  '请假（次）',
  '小组排名',
  '支部排名',
  '已获星级',
  '预计全年星级',
]
export const UNIT_HEADERS = [
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
]

export function memberTable(rows: MemberQuarter[]): Table {
  return {
    headers: MEMBER_HEADERS,
    rows: rows.map((r) => [
      r.name,
      r.branchName,
      r.groupName,
      hours(r.studySeconds),
      r.requiredDone,
      r.requiredCount,
      r.weeksMet,
      r.weeks,
      r.checkInDays,
      r.points,
      `${r.examsPassed ?? 0}/${r.exams ?? 0}`,
      `${r.meetingsAttended ?? 0}/${r.meetings ?? 0}`,
      r.meetingsOnLeave ?? 0,
      `${r.groupRank}/${r.groupSize}`,
      `${r.branchRank}/${r.branchSize}`,
      r.stars,
      r.projectedStars,
    ]),
  }
}

export function unitTable(units: UnitQuarter[], names: Map<string, string>): Table {
  return {
    headers: UNIT_HEADERS,
    rows: units.map((u) => [
      u.rank,
      u.name,
      KIND_NAMES[u.kind],
      u.parentId ? (names.get(u.parentId) ?? '') : '',
      u.members,
      hours(u.studySeconds),
      hours(u.avgStudySeconds),
      percent(u.completionRate),
      percent(u.targetRate),
      u.checkInDays,
      u.points,
      percent(u.examPassRate ?? null),
      percent(u.attendanceRate ?? null),
      u.rating,
    ]),
  }
}

const ORDER: Record<UnitQuarter['kind'], number> = { committee: 0, branch: 1, group: 2 }

/**
 * 导出季度通报 as .xlsx or CSV, with Chinese headers: every member (by branch, group, rank) or every
 * unit ranked, within the caller's reach (a branch admin: their branch). The file goes to the
 * platform's file store; the answer is its download link.
 */
export async function exportQuarterReport(
  ports: { db: CloudDatabase; now: Date; files: FileStore },
  caller: Member,
  input: Input,
): Promise<ActionOutput<'exportQuarterReport'>> {
  const { db, now, files } = ports
  const reach = reachOf(caller, 'reports.export')
  if (reach !== 'all' && reach !== 'ownBranch') throw forbidden('reports.export')
  const quarter = input.quarter ?? latestQuarter(now)
  if (!(await frozenHeader(db, quarter))) throw new AppError('NOT_FOUND', `${quarter} 的季度通报还没有生成`)
  const branch = reach === 'ownBranch' ? caller.branchId : undefined
  let table: Table
  if (input.rows === 'members') {
    const rows = await allOfQuarter<RowDoc>(db, QUARTER_ROWS, branch ? { quarter, branchId: branch } : { quarter })
    const ranked = withRanks(rows, rows).sort(
      (a, b) => a.branchName.localeCompare(b.branchName, 'zh') || a.groupName.localeCompare(b.groupName, 'zh') || a.groupRank - b.groupRank || byName(a, b),
    )
    table = memberTable(ranked)
  } else {
    const docs = await allOfQuarter<UnitDoc>(db, QUARTER_UNITS, { quarter })
    const names = new Map(docs.map((u) => [u.unitId, u.name]))
    const inReach = docs.filter((u) => !branch || u.unitId === branch || u.parentId === branch)
    table = unitTable(
      inReach.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.rank - b.rank || a.name.localeCompare(b.name, 'zh')),
      names,
    )
  }
  const what = input.rows === 'members' ? '成员' : '单位'
  const fileName = `季度通报-${quarter}-${what}.${input.format}`
  const bytes = input.format === 'csv' ? toCsv(table) : await toXlsx(table, `${quarter}${what}`)
  const contentType = input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const stored = await files.save({ name: fileName, bytes, contentType }, now)
  return { fileName, url: stored.url, expiresAt: stored.expiresAt, rows: table.rows.length }
}
