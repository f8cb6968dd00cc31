import * as z from 'zod'

/** `YYYY-MM-DD`, a calendar day in Asia/Shanghai. */
export const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
export type DayKey = z.infer<typeof DayKey>

/** `YYYY-MM`, a calendar month in Asia/Shanghai. */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
export type MonthKey = z.infer<typeof MonthKey>

export const Role = z.enum(['member', 'leader', 'branchAdmin', 'orgAdmin'])
export type Role = z.infer<typeof Role>

export const UnitKind = z.enum(['committee', 'branch', 'group'])
export type UnitKind = z.infer<typeof UnitKind>

/** A unit of the organisation tree: 党委 → 党支部 → 党小组. */
export const Unit = z.object({
  _id: z.string(),
  kind: UnitKind,
  name: z.string(),
  parentId: z.string().nullable(),
})
export type Unit = z.infer<typeof Unit>

export const MemberStatus = z.enum(['active', 'inactive'])

/** A member as stored; `openid` binds the record to one WeChat user. */
export const Member = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  groupId: z.string(),
  branchId: z.string(),
  roles: z.array(Role),
  status: MemberStatus,
})
export type Member = z.infer<typeof Member>

/** What a member sees about themself. */
export const MemberProfile = z.object({
  memberId: z.string(),
  name: z.string(),
  groupName: z.string(),
  branchName: z.string(),
  roles: z.array(Role),
})
export type MemberProfile = z.infer<typeof MemberProfile>

export const REFLECTION_MAX = 500

/** One 学习打卡 record; at most one per member per Shanghai day. */
export const CheckIn = z.object({
  _id: z.string(),
  memberId: z.string(),
  day: DayKey,
  reflection: z.string(),
  /** Consecutive check-in days ending on `day`. */
  streak: z.number().int().positive(),
  createdAt: z.string(),
})
export type CheckIn = z.infer<typeof CheckIn>

export const ArticleSummary = z.object({
  _id: z.string(),
  title: z.string(),
  summary: z.string(),
  source: z.string(),
  publishedOn: DayKey,
})
export type ArticleSummary = z.infer<typeof ArticleSummary>
