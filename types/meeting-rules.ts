/**
 * 组织生活's numbers and names. Apart from types/constants.ts so that the mini-program's main
 * package, which carries that file, does not carry these: only the meeting pages (a subpackage) do.
 */
export const MEETING_KINDS = ['branchAssembly', 'branchCommittee', 'groupMeeting', 'partyLecture', 'themeDay', 'groupStudy'] as const
export const MEETING_KIND_NAMES: Record<(typeof MEETING_KINDS)[number], string> = {
  branchAssembly: '支部党员大会',
  branchCommittee: '支部委员会',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themeDay: '主题党日',
  groupStudy: '集中学习',
}
export const MEETING_TITLE_MAX = 40
export const MEETING_PLACE_MAX = 60
export const MEETING_AGENDA_MAX = 1000
export const MEETING_MINUTES_MAX = 5000
export const MEETING_ITEMS_MAX = 10
/** A meeting lasts at most this long (a 主题党日 a day). */
export const MEETING_HOURS_MAX = 12
export const LEAVE_REASON_MAX = 200
export const MEETINGS_PAGE_SIZE = 20
/** The sign-in code on the leader's screen changes this often; a code is taken for one period more (the member's scan on the turn). */
export const MEETING_CODE_SECONDS = 30
/** Sign-in opens this long before the start and closes this long after the end. */
export const MEETING_SIGN_IN_MARGIN_MINUTES = 30
/** The leader's screen gets this many codes a call (five minutes' worth): one call, not one every 30 s. */
export const MEETING_CODES_PER_CALL = 10
