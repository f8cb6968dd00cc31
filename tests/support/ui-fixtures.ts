import type { ArticleSummary, CheckIn, FunctionOutput, MemberProfile } from '../../types'

export const profile: MemberProfile = {
  memberId: 'm-1',
  name: '王建国',
  displayName: null,
  avatarUrl: null,
  largeFont: false,
  groupId: 'group-1-1',
  groupName: '第一党小组',
  branchId: 'branch-1',
  branchName: '机关第一党支部',
  roles: ['member', 'leader'],
}

export const TODAY = '2025-11-20'

export function summary(
  over: Partial<FunctionOutput<'getCheckInSummary'>> = {},
): FunctionOutput<'getCheckInSummary'> {
  return {
    today: TODAY,
    todayRecord: null,
    streak: 0,
    month: '2025-11',
    firstWeekday: 5,
    daysInMonth: 30,
    checkedDays: [],
    ...over,
  }
}

export function record(over: Partial<CheckIn> = {}): CheckIn {
  return {
    _id: 'c-1',
    memberId: profile.memberId,
    day: TODAY,
    reflection: '',
    streak: 1,
    createdAt: '2025-11-20T01:02:03.000Z',
    ...over,
  }
}

export const articles: ArticleSummary[] = [
  {
    _id: 'a-1',
    title: '深入学习贯彻党的二十届四中全会精神',
    summary: '全会精神要点解读。',
    source: '人民日报',
    publishedOn: '2025-11-18',
  },
]
