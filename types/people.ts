import { NAME_MAX, ROLES } from './constants'
import { charCount, textProblem } from './text'
import type { Role } from './domain'

/** How people are named and ranked on both sides. */

export const ROLE_NAMES: Record<Role, string> = {
  member: '党员',
  leader: '党小组长',
  branchAdmin: '支部管理员',
  orgAdmin: '组织管理员',
}

/** Every member is a 党员; roles in the contract's order. */
export const normaliseRoles = (roles: readonly Role[]): Role[] => ROLES.filter((r) => r === 'member' || roles.includes(r))

/** Roles in Chinese, in order: 党员、党小组长. */
export const roleText = (roles: readonly Role[]): string =>
  normaliseRoles(roles)
    .map((r) => ROLE_NAMES[r])
    .join('、')

/** The name others see: the display name a member chose, else their real name. */
export const shownName = (m: { name: string; displayName?: string | null }): string => m.displayName || m.name

/** Codes are 8 characters; spaces and lower case are forgiven, as people copy them from chats. */
export const normaliseInvitationCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

export const INVITATION_CODE = /^[A-Z0-9]{8}$/
export const INVITATION_CODE_PROBLEM = '邀请码应为 8 位字母或数字，请核对后重新输入'

/** What is wrong with a real name as typed (before the server's own checks), or null. */
export const realNameProblem = (name: string): string | null => textProblem('姓名', name, NAME_MAX)

/** Chinese script, parts of a minority name joined by「·」. */
const CHINESE_NAME = /^\p{Script=Han}+(·\p{Script=Han}+)*$/u
/** The dots people type between the parts of a name, as the one the rule takes. */
const NAME_DOTS = /(?<=\p{Script=Han})[•・．.‧･](?=\p{Script=Han})/gu
export const normaliseNameDots = (name: string): string => name.replace(NAME_DOTS, '·')

/**
 * What a member registers under: 2–20 Chinese characters (阿依古丽·买买提 too). A name written
 * otherwise is pre-registered by an admin, who so approves it, and claimed with that exact name.
 */
export function chineseNameProblem(name: string): string | null {
  const n = charCount(name)
  if (n >= 2 && n <= NAME_MAX && CHINESE_NAME.test(name)) return null
  return '姓名应为 2–20 个汉字，少数民族姓名可用「·」分隔；其他写法的姓名，请党支部管理员先为你预登记'
}

/** A file the mini-program uploaded as an avatar: `cloud://<env>/avatars/<memberId>-<time>.<ext>`. */
export const AVATAR_FILE = /^cloud:\/\/[^/\s]+\/avatars\/([A-Za-z0-9_-]+)-\d+\.[A-Za-z0-9]{2,4}$/

/** The member an avatar file was uploaded for, or undefined for any other address. */
export const avatarOwner = (url: string): string | undefined => AVATAR_FILE.exec(url)?.[1]
