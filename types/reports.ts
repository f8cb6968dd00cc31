import * as z from './zod'
import { DayKey } from './domain'
import { id } from './fields'

/**
 * 季度通报: the finished quarter's report, computed on the first day of the next quarter and stored
 * frozen; and the reminder two weeks before a quarter ends.
 */

/** `YYYY-Qn`. */
export const QuarterKey = z.string({ error: '季度应为文字' }).regex(/^(20\d\d|2100)-Q[1-4]$/, '季度格式应为 YYYY-Qn，例如 2026-Q4')
export type QuarterKey = z.infer<typeof QuarterKey>

/** One member's quarter, as frozen in the report. */
export const MemberQuarter = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  /** Credited study time in the quarter. */
  studySeconds: z.number().int().nonnegative(),
  /** Required items of the quarter's 每周一学 lists, completed by the quarter's end, and in all. */
  requiredDone: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  /** Weeks of the quarter with a list whose study-time target was met, and such weeks in all. */
  weeksMet: z.number().int().nonnegative(),
  weeks: z.number().int().nonnegative(),
  checkInDays: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  /** Exams closed in the quarter the member was to sit, and those passed (0 in reports frozen before exams). */
  exams: z.number().int().nonnegative().default(0),
  examsPassed: z.number().int().nonnegative().default(0),
  /** 组织生活 of the quarter: meetings expected at (应到), attended (实到) and on approved leave (0 in reports frozen before meetings). */
  meetings: z.number().int().nonnegative().default(0),
  meetingsAttended: z.number().int().nonnegative().default(0),
  meetingsOnLeave: z.number().int().nonnegative().default(0),
  /** 1 = most points; equal points share a rank. */
  groupRank: z.number().int().positive(),
  groupSize: z.number().int().positive(),
  branchRank: z.number().int().positive(),
  branchSize: z.number().int().positive(),
  /** Stars earned so far this year, and projected for the year at the pace so far. */
  stars: z.number().int().min(0).max(5),
  projectedStars: z.number().int().min(0).max(5),
})
export type MemberQuarter = z.infer<typeof MemberQuarter>

/** A group, a branch or the organisation, aggregated. */
export const UnitQuarter = z.object({
  unitId: z.string(),
  kind: z.enum(['committee', 'branch', 'group']),
  name: z.string(),
  /** The branch a group belongs to. */
  parentId: z.string().nullable(),
  members: z.number().int().nonnegative(),
  studySeconds: z.number().int().nonnegative(),
  /** Average per member. */
  avgStudySeconds: z.number().int().nonnegative(),
  requiredDone: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  /** requiredDone / requiredCount, 0..1; null with nothing required (a rate over nothing is none). */
  completionRate: z.number().min(0).max(1).nullable(),
  weeksMet: z.number().int().nonnegative(),
  weeks: z.number().int().nonnegative(),
  /** weeksMet / weeks, 0..1; null with no week to meet. */
  targetRate: z.number().min(0).max(1).nullable(),
  checkInDays: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  /** Members' exams of the quarter, those passed, and the share; null with no exam (reports frozen before exams: 0, 0, null). */
  exams: z.number().int().nonnegative().default(0),
  examsPassed: z.number().int().nonnegative().default(0),
  examPassRate: z.number().min(0).max(1).nullable().default(null),
  /** Members' meetings expected and attended, and 出勤率 = attended / expected; null with no meeting. */
  meetings: z.number().int().nonnegative().default(0),
  meetingsAttended: z.number().int().nonnegative().default(0),
  attendanceRate: z.number().min(0).max(1).nullable().default(null),
  /** Average projected stars, one decimal: the unit's rating. */
  rating: z.number().min(0).max(5),
  /** Among units of its kind: by completion rate, then target rate, then average study time. */
  rank: z.number().int().positive(),
})
export type UnitQuarter = z.infer<typeof UnitQuarter>

export const ReportHeader = z.object({
  quarter: QuarterKey,
  firstDay: DayKey,
  lastDay: DayKey,
  /** When the report was frozen. */
  frozenAt: z.string(),
  members: z.number().int().nonnegative(),
})
export type ReportHeader = z.infer<typeof ReportHeader>

export const GetMyQuarterReportInput = z.strictObject({ quarter: QuarterKey.optional() })
export const GetMyQuarterReportOutput = z.object({
  /** null: no report yet (the first quarter's is frozen on the next quarter's first day). */
  report: ReportHeader.nullable(),
  mine: MemberQuarter.nullable(),
  /** The quarter before, for comparison. */
  previous: MemberQuarter.nullable(),
})

export const GetUnitQuarterReportInput = z.strictObject({
  quarter: QuarterKey.optional(),
  /** A group or a branch; absent: the caller's own group (leaders) or widest reach. */
  unitId: id('单位编号').optional(),
})
export const GetUnitQuarterReportOutput = z.object({
  report: ReportHeader.nullable(),
  unit: UnitQuarter.nullable(),
  /** Its groups (a branch) or branches (the organisation), ranked. */
  parts: z.array(UnitQuarter),
  /** A group's members, by points. */
  members: z.array(MemberQuarter),
})

export const ExportFormat = z.enum(['xlsx', 'csv'])
export type ExportFormat = z.infer<typeof ExportFormat>
export const ExportQuarterReportInput = z.strictObject({
  quarter: QuarterKey.optional(),
  format: ExportFormat,
  /** What the rows are: every member, or every unit ranked. */
  rows: z.enum(['members', 'units']),
})
export const ExportQuarterReportOutput = z.object({
  fileName: z.string(),
  /** Where to download it: a temporary link. */
  url: z.string(),
  expiresAt: z.string(),
  rows: z.number().int().nonnegative(),
})

/** The quarterly report functions; spread into `contract`. */
export const reportsContract = {
  getMyQuarterReport: { input: GetMyQuarterReportInput, output: GetMyQuarterReportOutput },
  getUnitQuarterReport: { input: GetUnitQuarterReportInput, output: GetUnitQuarterReportOutput },
  exportQuarterReport: { input: ExportQuarterReportInput, output: ExportQuarterReportOutput },
} as const
