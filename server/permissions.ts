import type { Role, Unit } from '../types'
import type { Member } from './members'
import { AppError } from './errors'

/**
 * Who may do what: the one place the rules live. Each action gives, per role, how far it reaches:
 * the caller's own records ('self'), their own 党小组 ('ownGroup'), their own 党支部 ('ownBranch'),
 * everything ('all'), or nothing ('none'). A caller holds every role listed on their record (and
 * always 'member'); the widest reach among them counts.
 */
export type Reach = 'self' | 'ownGroup' | 'ownBranch' | 'all'
type Cell = Reach | 'none'

const ROLE_COLUMNS = ['member', 'leader', 'branchAdmin', 'orgAdmin'] as const satisfies readonly Role[]
const row = (...cells: [Cell, Cell, Cell, Cell]) => Object.fromEntries(ROLE_COLUMNS.map((role, i) => [role, cells[i]])) as Record<Role, Cell>

export const PERMISSIONS = {
  //                           member      leader      branchAdmin  orgAdmin
  'profile.read': row('self', 'self', 'self', 'self'),
  'profile.write': row('self', 'self', 'self', 'self'),
  'checkins.write': row('self', 'self', 'self', 'self'),
  // Today's functions read only the caller's own check-ins; the wider reaches are the group progress rules.
  'checkins.read': row('self', 'ownGroup', 'ownBranch', 'all'),
  'articles.read': row('all', 'all', 'all', 'all'),
  'group.read': row('ownGroup', 'ownGroup', 'ownBranch', 'all'),
  'units.read': row('none', 'none', 'ownBranch', 'all'),
  'groups.manage': row('none', 'none', 'ownBranch', 'all'),
  'branches.manage': row('none', 'none', 'none', 'all'),
  'members.read': row('none', 'none', 'ownBranch', 'all'),
  'members.manage': row('none', 'none', 'ownBranch', 'all'),
  'roles.leader': row('none', 'none', 'ownBranch', 'all'),
  'roles.branchAdmin': row('none', 'none', 'ownBranch', 'all'),
  'roles.orgAdmin': row('none', 'none', 'none', 'all'),
  'invitations.manage': row('none', 'none', 'ownBranch', 'all'),
  'audit.read': row('none', 'none', 'ownBranch', 'all'),
  // Articles and books are the whole organisation's: only the 党委's admins write them (a branch's
  // required books are chosen there too, per branch).
  'content.manage': row('none', 'none', 'none', 'all'),
  'outbox.read': row('none', 'none', 'none', 'all'),
  'subscriptions.write': row('self', 'self', 'self', 'self'),
  // Every published article and book is readable by everyone (required books of other branches as electives).
  'content.read': row('all', 'all', 'all', 'all'),
  // A published article shared to a chat opens for anyone; guests too (GUEST_ACTIONS).
  'articles.readShared': row('all', 'all', 'all', 'all'),
  // Study time is credited to the reader alone; no role credits, or reads the details of, another's.
  'study.write': row('self', 'self', 'self', 'self'),
  'study.read': row('self', 'self', 'self', 'self'),
  // Points and stars: one's own in detail; the leaderboards of one's own group, branch and organisation.
  'scores.read': row('self', 'self', 'self', 'self'),
  'leaderboard.read': row('self', 'self', 'self', 'self'),
  // Group and branch ratings: leaders see their group, branch admins their branch.
  'ratings.read': row('none', 'ownGroup', 'ownBranch', 'all'),
  'scoreRules.manage': row('none', 'none', 'none', 'all'),
  // 每周一学: the 党委's admins compose it; each member follows their own list; leaders and admins see completion in reach.
  'weekly.manage': row('none', 'none', 'none', 'all'),
  'weekly.read': row('self', 'self', 'self', 'self'),
  'weekly.progress': row('none', 'ownGroup', 'ownBranch', 'all'),
  // 季度通报: one's own quarter; a leader's group, an admin's branch or everything; exports are the admins'.
  'reports.read': row('self', 'ownGroup', 'ownBranch', 'all'),
  'reports.export': row('none', 'none', 'ownBranch', 'all'),
  // A 党小组's discussion is its own members' and the admins' above it; leaders moderate their group.
  'discussion.read': row('ownGroup', 'ownGroup', 'ownBranch', 'all'),
  'discussion.write': row('ownGroup', 'ownGroup', 'ownBranch', 'all'),
  'discussion.moderate': row('none', 'ownGroup', 'ownBranch', 'all'),
  // The week view of a group (check-ins, study minutes of each member) and nudging those behind.
  'groupWeek.read': row('none', 'ownGroup', 'ownBranch', 'all'),
  'groupWeek.nudge': row('none', 'ownGroup', 'ownBranch', 'all'),
  // 在线考核: the question bank is the organisation's, kept by its branch and committee admins; each member answers their own.
  'questions.manage': row('none', 'none', 'all', 'all'),
  'quiz.take': row('self', 'self', 'self', 'self'),
  // 电子档案: one's own; a leader's group's; an admin's units'.
  'archive.read': row('self', 'ownGroup', 'ownBranch', 'all'),
  // 学习心得: each member writes their own; the group's leader (and the admins above) review and feature them.
  'reflections.write': row('self', 'self', 'self', 'self'),
  'reflections.review': row('none', 'ownGroup', 'ownBranch', 'all'),
  // Exams: a unit's admins compose and publish its exams; its leaders and admins follow the results.
  'exams.manage': row('none', 'none', 'ownBranch', 'all'),
  'exams.results': row('none', 'ownGroup', 'ownBranch', 'all'),
  // 组织生活: a group's leader schedules and runs its meetings, a branch's admins those of the branch and its groups;
  // each member answers for their own attendance (at meetings of their own units: server/meetings).
  'meetings.manage': row('none', 'ownGroup', 'ownBranch', 'all'),
  'meetings.attend': row('self', 'self', 'self', 'self'),
} satisfies Record<string, Record<Role, Cell>>

export type Action = keyof typeof PERMISSIONS

/** Completes「你没有权限…」. */
const DOING: Record<Action, string> = {
  'profile.read': '查看这位成员的资料',
  'profile.write': '修改这位成员的资料',
  'checkins.write': '替他人打卡',
  'checkins.read': '查看这位成员的学习记录',
  'articles.read': '阅读这篇文章',
  'group.read': '查看这个党小组',
  'units.read': '查看组织架构',
  'groups.manage': '管理这个党小组',
  'branches.manage': '管理党支部',
  'members.read': '查看这些成员',
  'members.manage': '管理这位成员',
  'roles.leader': '设置这位成员的党小组长角色',
  'roles.branchAdmin': '设置这位成员的支部管理员角色',
  'roles.orgAdmin': '设置组织管理员角色',
  'invitations.manage': '管理这个党小组的邀请码',
  'audit.read': '查看这些操作记录',
  'content.manage': '管理学习内容',
  'outbox.read': '查看推送和通知记录',
  'subscriptions.write': '替他人订阅消息',
  'content.read': '阅读这些内容',
  'articles.readShared': '阅读分享的文章',
  'study.write': '为他人记录学时',
  'study.read': '查看这位成员的学习记录',
  'scores.read': '查看这位成员的积分',
  'leaderboard.read': '查看这个排行榜',
  'ratings.read': '查看这个单位的星级',
  'scoreRules.manage': '调整积分规则',
  'weekly.manage': '管理每周一学',
  'weekly.read': '查看他人的每周一学',
  'weekly.progress': '查看这些成员的每周一学完成情况',
  'reports.read': '查看这份季度通报',
  'reports.export': '导出季度通报',
  'discussion.read': '查看这个党小组的讨论',
  'discussion.write': '参与这个党小组的讨论',
  'discussion.moderate': '管理这个党小组的讨论',
  'groupWeek.read': '查看这个党小组的本周学习情况',
  'groupWeek.nudge': '提醒这个党小组的成员',
  'questions.manage': '管理题库',
  'quiz.take': '替他人答题或查看他人的答卷',
  'archive.read': '查看这位成员的学习档案',
  'reflections.write': '替他人写心得',
  'reflections.review': '审阅这个党小组的心得',
  'exams.manage': '管理这个单位的考试',
  'meetings.manage': '安排和主持这个单位的会议',
  'meetings.attend': '替他人签到或请假',
  'exams.results': '查看这个单位的考试成绩',
}

/**
 * What a signed-in WeChat user without an active member record (a guest: someone who opened a
 * shared article, or a former member) may do. Everything else needs an active member.
 */
export const GUEST_ACTIONS: readonly Action[] = ['articles.readShared']

/** Throws FORBIDDEN unless guests may do `action`. */
export function authorizeGuest(action: Action): void {
  if (!GUEST_ACTIONS.includes(action)) throw forbidden(action)
}

/** Where an object sits in the organisation; an org-wide object has none of these. */
export interface Target {
  memberId?: string
  groupId?: string
  branchId?: string
}

export const ORGANISATION: Target = {}

export const memberTarget = (m: Pick<Member, '_id' | 'groupId' | 'branchId'>): Target => ({
  memberId: m._id,
  groupId: m.groupId,
  branchId: m.branchId,
})

export function unitTarget(unit: Pick<Unit, '_id' | 'kind' | 'parentId'>): Target {
  if (unit.kind === 'group') return { groupId: unit._id, branchId: unit.parentId ?? undefined }
  if (unit.kind === 'branch') return { branchId: unit._id }
  return ORGANISATION
}

const WIDTH: Record<Reach, number> = { self: 1, ownGroup: 2, ownBranch: 3, all: 4 }

/** The widest reach the caller's roles give for an action, or undefined for none. */
export function reachOf(caller: Member, action: Action): Reach | undefined {
  let widest: Reach | undefined
  for (const role of new Set<Role>(['member', ...caller.roles])) {
    const cell = PERMISSIONS[action][role]
    if (cell !== 'none' && (!widest || WIDTH[cell] > WIDTH[widest])) widest = cell
  }
  return widest
}

function covers(reach: Reach, caller: Member, target: Target): boolean {
  switch (reach) {
    case 'all':
      return true
    case 'ownBranch':
      return target.branchId !== undefined && target.branchId === caller.branchId
    case 'ownGroup':
      return target.groupId !== undefined && target.groupId === caller.groupId
    case 'self':
      return target.memberId !== undefined && target.memberId === caller._id
  }
}

export function forbidden(action: Action): AppError {
  return new AppError('FORBIDDEN', `你没有权限${DOING[action]}`)
}

export function can(caller: Member, action: Action, target: Target): boolean {
  const reach = reachOf(caller, action)
  return reach !== undefined && covers(reach, caller, target)
}

/** Throws FORBIDDEN unless the caller may do `action` on an object at `target`. */
export function authorize(caller: Member, action: Action, target: Target): void {
  if (!can(caller, action, target)) throw forbidden(action)
}

/**
 * For lists: the part of the organisation the caller may see for `action`, as a filter on
 * `branchId` / `groupId` / the member's own id (empty: everything). Throws FORBIDDEN for no reach.
 */
export function scopeOf(caller: Member, action: Action): Target {
  const reach = reachOf(caller, action)
  switch (reach) {
    case 'all':
      return ORGANISATION
    case 'ownBranch':
      return { branchId: caller.branchId }
    case 'ownGroup':
      return { groupId: caller.groupId, branchId: caller.branchId }
    case 'self':
      return memberTarget(caller)
    case undefined:
      throw forbidden(action)
  }
}
