import type { AuditEntry, ContentStatus, InvitationState, MemberStatus, Role } from '../../../types'
import { beijingDate } from '../../../types/calendar'
import { roleText } from '../../../types/people'

export const STATUS_NAMES: Record<MemberStatus, string> = {
  active: '正常',
  pending: '待认领',
  inactive: '已停用',
  review: '待确认',
}

export const INVITATION_STATES: Record<InvitationState, string> = {
  active: '可用',
  expired: '已过期',
  usedUp: '次数已满',
  revoked: '已作废',
}

export const CONTENT_STATUS_NAMES: Record<ContentStatus, string> = {
  draft: '草稿',
  queued: '待推送',
  scheduled: '已排期',
  published: '已发布',
  retired: '已下线',
}

/** The last Beijing day before an expiry instant: a code is valid through it. */
const lastValidDay = (expiresAt: string) => beijingDate(Date.parse(expiresAt) - 1)

/**
 * What the audit log can name by id: units (the changes' groups and parents), and the target of an
 * entry written before entries kept its name (members the app has seen).
 */
export interface Names {
  unit: (id: string) => string | undefined
  member: (id: string) => string | undefined
}

export interface AuditText {
  /** What happened, in a few words: 设置角色. */
  title: string
  /** To whom or what: 张文博, 「第一党小组」, 邀请码 ABCD2345. */
  target: string
  /** Before → after, one line each. */
  changes: string[]
}

type Snapshot = Record<string, unknown> | null

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const num = (v: unknown) => (typeof v === 'number' ? v : undefined)
const roles = (v: unknown) => (Array.isArray(v) ? roleText(v as Role[]) : undefined)
const status = (v: unknown) => (typeof v === 'string' && v in STATUS_NAMES ? STATUS_NAMES[v as MemberStatus] : undefined)
const KINDS: Record<string, string> = { committee: '党委', branch: '党支部', group: '党小组' }

/** A change from → to, when either side is known. */
function change(label: string, before: string | undefined, after: string | undefined): string[] {
  if (before === undefined && after === undefined) return []
  if (before === undefined) return [`${label}：${after}`]
  if (after === undefined || before === after) return [`${label}：${before}`]
  return [`${label}：${before} → ${after}`]
}

/** One audit entry in plain Chinese. */
export function describeAudit(entry: AuditEntry, names: Names): AuditText {
  const before: Snapshot = entry.before
  const after: Snapshot = entry.after
  const unit = (v: unknown) => (typeof v === 'string' ? (names.unit(v) ?? '（已不存在的单位）') : undefined)
  // Entries name their target as it was then; older ones fall back to what the snapshots or the app know.
  const named = entry.targetName ?? undefined
  const member = named ?? str(after?.name) ?? str(before?.name) ?? names.member(entry.targetId) ?? '一位成员'
  const unitName = named ?? names.unit(entry.targetId)

  switch (entry.action) {
    case 'member.register':
      return {
        title: '实名注册',
        target: member,
        changes: [...change('加入', undefined, unit(after?.groupId)), ...change('使用邀请码', undefined, str(after?.code))],
      }
    case 'member.held':
      return {
        title: '注册待确认（同名）',
        target: member,
        changes: [...change('加入', undefined, unit(after?.groupId)), ...change('使用邀请码', undefined, str(after?.code))],
      }
    case 'member.claim':
      return {
        title: '认领预登记信息',
        target: member,
        changes: [...change('党小组', undefined, unit(after?.groupId)), ...change('状态', status(before?.status), status(after?.status))],
      }
    case 'member.merge':
      return {
        title: '同名注册合并为本人',
        target: member,
        changes: [...change('状态', status(before?.status), status(after?.status)), ...change('注册时用的党小组', undefined, unit(before?.heldGroupId))],
      }
    case 'member.preregister':
      return {
        title: '预登记成员',
        target: member,
        changes: [...change('手机号', undefined, str(after?.phone)), ...change('党小组', undefined, unit(after?.groupId))],
      }
    case 'member.move':
      return {
        title: '调整党小组',
        target: member,
        changes: [...change('党小组', unit(before?.groupId), unit(after?.groupId)), ...change('身份', roles(before?.roles), roles(after?.roles))],
      }
    case 'member.roles':
      return { title: '设置角色', target: member, changes: change('身份', roles(before?.roles), roles(after?.roles)) }
    case 'member.deactivate':
      return { title: '停用成员', target: member, changes: change('状态', status(before?.status), status(after?.status)) }
    case 'member.reactivate':
      return { title: '恢复成员', target: member, changes: change('状态', status(before?.status), status(after?.status)) }
    case 'unit.create': {
      const kind = KINDS[str(after?.kind) ?? ''] ?? '单位'
      return { title: `新建${kind}`, target: `「${str(after?.name) ?? unitName ?? ''}」`, changes: change('上级', undefined, unit(after?.parentId)) }
    }
    case 'unit.rename':
      return { title: '改名', target: `「${named ?? str(after?.name) ?? unitName ?? ''}」`, changes: change('名称', str(before?.name), str(after?.name)) }
    case 'unit.archive':
      return { title: '归档', target: `「${unitName ?? ''}」`, changes: ['不再接收新成员，原有成员和记录保留'] }
    case 'unit.unarchive':
      return { title: '恢复', target: `「${unitName ?? ''}」`, changes: ['重新接收新成员'] }
    case 'invitation.create': {
      const uses = num(after?.maxUses)
      const expires = str(after?.expiresAt)
      return {
        title: '生成邀请码',
        target: named ?? `邀请码 ${entry.targetId}`,
        changes: [
          ...change('党小组', undefined, unit(after?.groupId)),
          ...change('可用次数', undefined, uses === undefined ? undefined : `${uses} 次`),
          ...change('有效期至', undefined, expires && lastValidDay(expires)),
        ],
      }
    }
    case 'invitation.revoke':
      return { title: '作废邀请码', target: named ?? `邀请码 ${entry.targetId}`, changes: [] }
    default: {
      // Content and replies are quoted; weekly lists and score rules are named in a phrase.
      const title = named ?? str(after?.title) ?? str(before?.title)
      const quoted = entry.targetType !== 'weeklyList' && entry.targetType !== 'scoreRules'
      return { title: OTHER_ACTIONS[entry.action] ?? '修改', target: title && quoted ? `「${title}」` : (title ?? ''), changes: [] }
    }
  }
}

const OTHER_ACTIONS: Partial<Record<AuditEntry['action'], string>> = {
  'article.create': '新建文章',
  'article.update': '修改文章',
  'article.schedule': '安排文章推送',
  'article.retire': '下架文章',
  'article.recommend': '推荐文章',
  'book.create': '新建书目',
  'book.update': '修改书目',
  'book.requirement': '设置必读书目',
  'book.recommend': '推荐书目',
  'chapter.create': '新建章节',
  'chapter.update': '修改章节',
  'weekly.create': '新建每周一学',
  'weekly.update': '修改每周一学',
  'weekly.schedule': '定稿每周一学',
  'reply.feature': '精选讨论回复',
  'reply.unfeature': '取消精选回复',
  'reply.hide': '隐藏讨论回复',
  'reply.delete': '删除讨论回复',
  'scoreRules.save': '调整积分规则',
  'question.create': '新增题目',
  'question.update': '修改题目',
  'question.retire': '停用题目',
  'question.restore': '恢复题目',
}

/** A question's difficulty (1–3) in words. */
export const DIFFICULTY_NAMES: Record<number, string> = { 1: '容易', 2: '中等', 3: '较难' }
