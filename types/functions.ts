import * as z from './zod'
import { AuditEntry, CheckIn, DayKey, GroupMember, Invitation, MemberProfile, MemberStatus, MemberSummary, MonthKey, Role, Unit, UnitNode } from './domain'
import type { ActionName } from './actions'
import { contentContract, GetTodayOutput, Subscription } from './content-functions'
import { ListPromptsOutput } from './discussion'
import { discussionContract } from './discussion'
import { studyContract } from './study'
import { scoringContract } from './scoring'
import { GetMyWeeklyOutput, weeklyContract } from './weekly'
import { reportsContract } from './reports'
import { quizContract } from './quiz'
import { examsContract } from './exams'
import { reflectionsContract } from './reflections'
import { meetingsContract } from './meetings'
import { archiveContract } from './archive'
import { INVITATION_MAX_DAYS, INVITATION_MAX_USES, NAME_MAX, REFLECTION_MAX, UNIT_NAME_MAX } from './constants'
import { Cursor, id, page, text } from './fields'
import { AVATAR_FILE, INVITATION_CODE, INVITATION_CODE_PROBLEM, normaliseInvitationCode, normaliseNameDots } from './people'
import { charCount, normalizeText } from './text'

export const CheckInInput = z.strictObject({
  reflection: z
    .string({ error: '学习心得应为文字' })
    // Stored as readers see it (text() would refuse an empty one, which a check-in may have).
    .overwrite(normalizeText)
    .trim()
    .refine((s) => charCount(s) <= REFLECTION_MAX, `学习心得最多 ${REFLECTION_MAX} 字`)
    .optional(),
})

export const CheckInOutput = z.object({
  /** `created` for a new check-in, `already` when today's record existed. */
  status: z.enum(['created', 'already']),
  record: CheckIn,
  streak: z.number().int().nonnegative(),
})

export const CheckInSummaryInput = z.strictObject({
  /** Defaults to the current Shanghai month. */
  month: MonthKey.optional(),
})

export const CheckInSummaryOutput = z.object({
  today: DayKey,
  todayRecord: CheckIn.nullable(),
  /** Current streak: ends today, or yesterday when today is not checked in yet. */
  streak: z.number().int().nonnegative(),
  month: MonthKey,
  /** Weekday of the month's first day, 0 = Monday … 6 = Sunday. */
  firstWeekday: z.number().int().min(0).max(6),
  daysInMonth: z.number().int().min(28).max(31),
  checkedDays: z.array(DayKey),
  /** The month's reflections (学习心得), by day. */
  reflections: z.array(z.object({ day: DayKey, text: z.string() })),
})

export const RealName = text('姓名', NAME_MAX).overwrite(normaliseNameDots)
export const DisplayName = text('显示名称', NAME_MAX)
export const Phone = z
  .string({ error: '手机号应为文字' })
  .trim()
  .regex(/^1\d{10}$/, '请输入 11 位手机号码')
/** Codes are 8 characters; spaces and lower case are forgiven, as people copy them from chats. */
export const InvitationCode = z.string({ error: '邀请码应为文字' }).overwrite(normaliseInvitationCode).regex(INVITATION_CODE, INVITATION_CODE_PROBLEM)
/**
 * An avatar the app stored: a file the mini-program uploaded to this environment's cloud storage
 * under `avatars/<memberId>-<time>.<ext>` (never an address on the web, which anyone could point
 * anywhere). updateProfile also checks the member id is the caller's.
 */
export const AvatarUrl = z.string({ error: '头像地址应为文字' }).trim().max(500, '头像地址过长').regex(AVATAR_FILE, '头像只能使用在小程序里上传的图片')

export const RegisterInput = z.strictObject({ name: RealName, code: InvitationCode })
export const RegisterOutput = z.object({
  /**
   * `created`: a new member; `claimed`: a pre-registered record bound; `already`: the caller was
   * registered; `held`: the organisation has someone of this name: a branch admin confirms first.
   */
  status: z.enum(['created', 'claimed', 'already', 'held']),
  me: MemberProfile,
})

export const UpdateProfileInput = z
  .strictObject({
    /** null: show the real name again. */
    displayName: DisplayName.nullable().optional(),
    /** null: remove the avatar. */
    avatarUrl: AvatarUrl.nullable().optional(),
    largeFont: z.boolean({ error: '大字模式应为是或否' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容')

export const GetGroupInput = z.strictObject({
  /** Defaults to the caller's own group. */
  groupId: id('党小组编号').optional(),
})
export const GetGroupOutput = z.object({
  group: z.object({
    _id: z.string(),
    name: z.string(),
    archived: z.boolean(),
    branchId: z.string(),
    branchName: z.string(),
  }),
  /** Active members, leaders first, then by name. */
  members: z.array(GroupMember),
  /** The first page of its current 讨论题 (listPrompts for more). */
  prompts: ListPromptsOutput,
})

export const ListUnitsOutput = z.object({
  committee: z.object({ _id: z.string(), name: z.string() }),
  /** The branches within the caller's reach, each with its groups; archived ones included. */
  branches: z.array(UnitNode.extend({ groups: z.array(UnitNode) })),
})

export const SaveUnitInput = z.strictObject({
  /** Absent: create a unit; present: rename it. */
  id: id('单位编号').optional(),
  kind: z.enum(['branch', 'group'], { error: '单位类型应为党支部或党小组' }),
  name: text('名称', UNIT_NAME_MAX),
  /** A group's 党支部 (required to create a group); a branch's is the 党委. */
  parentId: id('上级单位编号').optional(),
})

export const ArchiveUnitInput = z.strictObject({
  id: id('单位编号'),
  /** false: restore an archived unit. */
  archived: z.boolean({ error: 'archived 应为是或否' }),
})

export const ListMembersInput = z.strictObject({
  /** Part of a real name or a phone number. */
  search: z.string({ error: '搜索内容应为文字' }).trim().max(20, '搜索内容最多 20 个字').optional(),
  groupId: id('党小组编号').optional(),
  branchId: id('党支部编号').optional(),
  role: Role.optional(),
  status: MemberStatus.optional(),
  cursor: Cursor.optional(),
})
/** By real name, 20 a page. */
export const ListMembersOutput = page(MemberSummary)

export const PreregisterMemberInput = z.strictObject({ name: RealName, phone: Phone, groupId: id('党小组编号') })
export const MoveMemberInput = z.strictObject({ memberId: id('成员编号'), groupId: id('党小组编号') })
export const SetRolesInput = z.strictObject({
  memberId: id('成员编号'),
  /** The member's whole set of roles; `member` is always kept. */
  roles: z.array(Role).max(4, '角色过多'),
})
export const MemberIdInput = z.strictObject({ memberId: id('成员编号') })
/** A held registration (`memberId`) is the person of the record `sameAs` (pre-registered, or who changed WeChat). */
export const ConfirmSamePersonInput = z.strictObject({ memberId: id('成员编号'), sameAs: id('成员编号') })

export const CreateInvitationInput = z.strictObject({
  groupId: id('党小组编号'),
  maxUses: z
    .number({ error: '可用次数应为数字' })
    .int('可用次数应为整数')
    .min(1, '可用次数至少 1 次')
    .max(INVITATION_MAX_USES, `可用次数最多 ${INVITATION_MAX_USES} 次`)
    .default(30),
  expiresInDays: z
    .number({ error: '有效天数应为数字' })
    .int('有效天数应为整数')
    .min(1, '有效期至少 1 天')
    .max(INVITATION_MAX_DAYS, `有效期最多 ${INVITATION_MAX_DAYS} 天`)
    .default(14),
})
export const CreateInvitationOutput = z.object({
  invitation: Invitation,
  /** Ready to paste into a WeChat chat. */
  shareText: z.string(),
})
export const RevokeInvitationInput = z.strictObject({ code: InvitationCode })
export const ListInvitationsInput = z.strictObject({ groupId: id('党小组编号').optional(), cursor: Cursor.optional() })
/** Newest first, 20 a page. */
export const ListInvitationsOutput = page(Invitation)

export const ListAuditInput = z.strictObject({
  /** Only the entries about this member, unit or invitation code. */
  targetId: id('对象编号').optional(),
  cursor: Cursor.optional(),
})
/** Newest first, 20 a page. */
export const ListAuditOutput = page(AuditEntry)

/**
 * 首页 in one answer: today's push, the check-in card and calendar, this week's list and the
 * member's subscribe-message templates (for 明天提醒我 after checking in).
 */
export const GetHomeOutput = z.object({
  /** The caller's profile (what getMe answers): 首页 needs no call of its own for it. */
  me: MemberProfile,
  today: GetTodayOutput,
  checkIn: CheckInSummaryOutput,
  weekly: GetMyWeeklyOutput,
  subscriptions: z.array(Subscription),
})

/** Every callable cloud function: its name, input and output. */
export const contract = {
  getMe: { input: z.strictObject({}), output: MemberProfile },
  checkIn: { input: CheckInInput, output: CheckInOutput },
  getHome: { input: z.strictObject({}), output: GetHomeOutput },
  getCheckInSummary: { input: CheckInSummaryInput, output: CheckInSummaryOutput },
  register: { input: RegisterInput, output: RegisterOutput },
  updateProfile: { input: UpdateProfileInput, output: MemberProfile },
  getGroup: { input: GetGroupInput, output: GetGroupOutput },
  listUnits: { input: z.strictObject({}), output: ListUnitsOutput },
  saveUnit: { input: SaveUnitInput, output: Unit },
  archiveUnit: { input: ArchiveUnitInput, output: Unit },
  listMembers: { input: ListMembersInput, output: ListMembersOutput },
  preregisterMember: { input: PreregisterMemberInput, output: MemberSummary },
  moveMember: { input: MoveMemberInput, output: MemberSummary },
  setRoles: { input: SetRolesInput, output: MemberSummary },
  deactivateMember: { input: MemberIdInput, output: MemberSummary },
  reactivateMember: { input: MemberIdInput, output: MemberSummary },
  confirmSamePerson: { input: ConfirmSamePersonInput, output: MemberSummary },
  createInvitation: { input: CreateInvitationInput, output: CreateInvitationOutput },
  revokeInvitation: { input: RevokeInvitationInput, output: Invitation },
  listInvitations: { input: ListInvitationsInput, output: ListInvitationsOutput },
  listAudit: { input: ListAuditInput, output: ListAuditOutput },
  ...contentContract,
  ...studyContract,
  ...scoringContract,
  ...discussionContract,
  ...weeklyContract,
  ...reportsContract,
  ...quizContract,
  ...examsContract,
  ...reflectionsContract,
  ...archiveContract,
  ...meetingsContract,
} as const

export type Contract = typeof contract
export type ActionInput<N extends ActionName> = z.input<Contract[N]['input']>
export type ActionOutput<N extends ActionName> = z.output<Contract[N]['output']>

// Every routed action has a contract and every contract is routed (types/actions.ts).
type Unrouted = Exclude<keyof Contract, ActionName>
type Uncontracted = Exclude<ActionName, keyof Contract>
export const EVERY_ACTION_ROUTED: [Unrouted, Uncontracted] extends [never, never] ? true : never = true
