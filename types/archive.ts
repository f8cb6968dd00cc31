import { id } from './fields'
import { ExportFormat, ExportQuarterReportOutput } from './reports'
import * as z from './zod'

/**
 * 电子档案: one member's record year by year, as evaluations read it — study time (by category),
 * required-book chapters and books completed, check-ins, exams, 组织生活, 学习心得, points and stars.
 */
export const ArchiveYear = z.object({
  year: z.number().int(),
  studySeconds: z.number().int().nonnegative(),
  byCategory: z.array(z.object({ categoryId: z.string(), categoryName: z.string(), seconds: z.number().int().positive() })),
  requiredChapters: z.number().int().nonnegative(),
  booksCompleted: z.array(z.object({ bookId: z.string(), title: z.string(), completedAt: z.string() })),
  checkInDays: z.number().int().nonnegative(),
  longestStreak: z.number().int().nonnegative(),
  exams: z.array(z.object({ examId: z.string(), title: z.string(), best: z.number().int().nullable(), passed: z.boolean() })),
  /** 组织生活: meetings expected at (应到), attended, on approved leave; the rest were missed. */
  meetings: z.object({ expected: z.number().int().nonnegative(), attended: z.number().int().nonnegative(), onLeave: z.number().int().nonnegative() }),
  reflectionsApproved: z.number().int().nonnegative(),
  reflectionsFeatured: z.number().int().nonnegative(),
  points: z.number().int().nonnegative(),
  /** Frozen on 1 January for a past year; so far (live) for this one. */
  stars: z.number().int().min(0).max(5),
  starsFrozen: z.boolean(),
})
export type ArchiveYear = z.infer<typeof ArchiveYear>

export const GetMemberArchiveInput = z.strictObject({
  /** Defaults to the caller; a leader may open their group's, an admin their units'. */
  memberId: id('成员编号').optional(),
})
export const GetMemberArchiveOutput = z.object({
  member: z.object({ memberId: z.string(), name: z.string(), groupName: z.string(), branchName: z.string() }),
  /** Newest first; the current year always, earlier ones with anything in them. */
  years: z.array(ArchiveYear),
})

export const ExportMemberArchiveInput = z.strictObject({
  /** Defaults to the caller's group (leaders), branch (branch admins) or the organisation. */
  unitId: id('单位编号').optional(),
  /** Defaults to this Shanghai year. */
  year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效').optional(),
  format: ExportFormat,
})

export const archiveContract = {
  getMemberArchive: { input: GetMemberArchiveInput, output: GetMemberArchiveOutput },
  exportMemberArchive: { input: ExportMemberArchiveInput, output: ExportQuarterReportOutput },
} as const
