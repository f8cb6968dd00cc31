import { NAME_MAX, ROLES } from './constants'
import { textProblem } from './text'
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
export const roleText = (roles: readonly Role[]): string => normaliseRoles(roles).map((r) => ROLE_NAMES[r]).join('、')

/** The name others see: the display name a member chose, else their real name. */
export const shownName = (m: { name: string; displayName?: string | null }): string => m.displayName || m.name

/** Codes are 8 characters; spaces and lower case are forgiven, as people copy them from chats. */
export const normaliseInvitationCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

export const INVITATION_CODE = /^[A-Z0-9]{8}$/
export const INVITATION_CODE_PROBLEM = '邀请码应为 8 位字母或数字，请核对后重新输入'

/** What is wrong with a real name as typed (before the server's own checks), or null. */
export const realNameProblem = (name: string): string | null => textProblem('姓名', name, NAME_MAX)

/** A file the mini-program uploaded as an avatar: `cloud://<env>/avatars/<memberId>-<time>.<ext>`. */
export const AVATAR_FILE = /^cloud:\/\/[^/\s]+\/avatars\/([A-Za-z0-9_-]+)-\d+\.[A-Za-z0-9]{2,4}$/

/** The member an avatar file was uploaded for, or undefined for any other address. */
export const avatarOwner = (url: string): string | undefined => AVATAR_FILE.exec(url)?.[1]
