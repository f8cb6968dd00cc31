import { isCalendarDay } from './calendar'
import { ROLES } from './constants'
import * as z from './zod'

/**
 * `YYYY-MM-DD`, a real calendar day in Asia/Shanghai between 2000 and 2100: every date the contract
 * takes is one (2026-13-01 and 2026-02-30 are refused). Ranges relative to today are each action's.
 */
export const DayKey = z
  .string({ error: '日期应为文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isCalendarDay, '没有这一天，请检查日期')
export type DayKey = z.infer<typeof DayKey>

/** An instant with its offset, `2026-12-07T09:00:00+08:00`, on a real calendar day. */
export const Instant = z
  .string({ error: '时间应为文字' })
  .regex(
    /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
    '时间应为带时区的时间，例如 2026-12-07T09:00:00+08:00',
  )
  .refine((s) => isCalendarDay(s.slice(0, 10)), '没有这一天，请检查时间')

/** `YYYY-MM`, a calendar month in Asia/Shanghai. */
export const MonthKey = z.string({ error: '月份应为文字' }).regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
export type MonthKey = z.infer<typeof MonthKey>

export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

export const UnitKind = z.enum(['committee', 'branch', 'group'])
export type UnitKind = z.infer<typeof UnitKind>

/**
 * A unit of the organisation tree: 党委 → 党支部 → 党小组. An archived unit stays in the tree (and
 * its members keep their records) but takes no new members.
 */
export const Unit = z.object({
  _id: z.string(),
  kind: UnitKind,
  name: z.string(),
  parentId: z.string().nullable(),
  archived: z.boolean(),
})
export type Unit = z.infer<typeof Unit>

/** `pending`: pre-registered by an admin, not yet claimed by its person (no OPENID yet). */
/**
 * `pending`: pre-registered, not claimed yet; `review` (待确认): registered under a name the organisation
 * already has, held until a branch admin accepts them as a different person (or deactivates them).
 */
export const MemberStatus = z.enum(['active', 'inactive', 'pending', 'review'])
export type MemberStatus = z.infer<typeof MemberStatus>

/** What a member sees about themself. */
export const MemberProfile = z.object({
  memberId: z.string(),
  name: z.string(),
  /** null: shown by real name. */
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  largeFont: z.boolean(),
  groupId: z.string(),
  groupName: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  roles: z.array(Role),
})
export type MemberProfile = z.infer<typeof MemberProfile>

/** A member as an admin sees them in the roster (名册). */
export const MemberSummary = z.object({
  _id: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  groupId: z.string(),
  groupName: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  roles: z.array(Role),
  status: MemberStatus,
  phone: z.string().nullable(),
  /** A held registration (待确认): the records of the same name, for the admin to compare. */
  sameNameAs: z.array(z.object({ _id: z.string(), groupName: z.string(), status: MemberStatus })),
})
export type MemberSummary = z.infer<typeof MemberSummary>

/** A member as the people of their group see them: no phone, no OPENID. */
export const GroupMember = z.object({
  _id: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  roles: z.array(Role),
  isLeader: z.boolean(),
})
export type GroupMember = z.infer<typeof GroupMember>

/** A unit in the admin tree, with its active members counted (a branch counts its groups'). */
export const UnitNode = Unit.extend({ memberCount: z.number().int().nonnegative() })
export type UnitNode = z.infer<typeof UnitNode>

export const InvitationState = z.enum(['active', 'expired', 'usedUp', 'revoked'])
export type InvitationState = z.infer<typeof InvitationState>

/** An invitation code (邀请码) for one 党小组. */
export const Invitation = z.object({
  code: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  branchId: z.string(),
  maxUses: z.number().int().positive(),
  uses: z.number().int().nonnegative(),
  expiresAt: z.string(),
  /** The last Shanghai day the code works (it expires at the midnight ending it). */
  validThrough: DayKey,
  revoked: z.boolean(),
  state: InvitationState,
  createdBy: z.string(),
  createdAt: z.string(),
})
export type Invitation = z.infer<typeof Invitation>

/** Every change the audit log records. */
export const AuditAction = z.enum([
  'member.register',
  'member.held',
  'member.claim',
  /** A held registration found to be the person of an existing record: that record now has their WeChat. */
  'member.merge',
  'member.preregister',
  'member.move',
  'member.roles',
  'member.deactivate',
  'member.reactivate',
  'unit.create',
  'unit.rename',
  'unit.archive',
  'unit.unarchive',
  'invitation.create',
  'invitation.revoke',
  'article.create',
  'article.update',
  'article.schedule',
  'article.retire',
  'article.recommend',
  'book.create',
  'book.update',
  'book.requirement',
  'book.recommend',
  'chapter.create',
  'chapter.update',
  'weekly.create',
  'weekly.update',
  'weekly.schedule',
  'reply.feature',
  'reply.unfeature',
  'reply.hide',
  'reply.delete',
  'scoreRules.save',
  'question.create',
  'question.update',
  'question.retire',
  'question.restore',
  'exam.create',
  'exam.update',
  'exam.publish',
  'meeting.create',
  'meeting.update',
  'meeting.cancel',
  'meeting.markPresent',
  'meeting.minutes',
])
export type AuditAction = z.infer<typeof AuditAction>

/** One audit log entry: who changed what, when, and the values before and after. */
export const AuditEntry = z.object({
  _id: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: AuditAction,
  targetType: z.enum(['member', 'unit', 'invitation', 'article', 'book', 'chapter', 'reply', 'weeklyList', 'scoreRules', 'question', 'exam', 'meeting']),
  targetId: z.string(),
  /** What was changed, named as it was then (a member's name, a unit's name, a reply's excerpt…); null on entries written before names were kept. */
  targetName: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

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
