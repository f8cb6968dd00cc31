import type { ArticleCard, CheckIn, ActionOutput, MemberProfile, MemberSummary } from '../../types'

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

export function summary(over: Partial<ActionOutput<'getCheckInSummary'>> = {}): ActionOutput<'getCheckInSummary'> {
  return {
    today: TODAY,
    todayRecord: null,
    streak: 0,
    month: '2025-11',
    firstWeekday: 5,
    daysInMonth: 30,
    checkedDays: [],
    reflections: [],
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

export function articleCard(over: Partial<ArticleCard> = {}): ArticleCard {
  return {
    _id: 'a-1',
    title: '深入学习贯彻党的二十届四中全会精神',
    summary: '全会精神要点解读。',
    source: '人民日报',
    publishedOn: TODAY,
    minutes: 3,
    categoryId: 'politics',
    categoryName: '政治理论',
    hasAudio: false,
    hasVideo: false,
    recommended: false,
    ...over,
  }
}

/** 今日学习: today's push and two days of the week before. */
export function today(over: Partial<ActionOutput<'getToday'>> = {}): ActionOutput<'getToday'> {
  return {
    today: TODAY,
    push: { day: TODAY, items: [articleCard({ hasAudio: true })] },
    recent: [
      { day: '2025-11-19', items: [articleCard({ _id: 'a-2', title: '读原著要“慢”下来', source: '机关第一党支部', publishedOn: '2025-11-19', minutes: 2 })] },
      { day: '2025-11-17', items: [articleCard({ _id: 'a-3', title: '党小组学习会怎样开得有滋味', publishedOn: '2025-11-17' })] },
    ],
    recommended: [],
    ...over,
  }
}

/** 首页's one answer: today's push, the check-in summary, no list this week, no templates. */
export function homeAnswer(over: Partial<ActionOutput<'getHome'>> = {}): ActionOutput<'getHome'> {
  return { me: profile, today: today(), checkIn: summary(), weekly: { week: '2025-11-17', current: true, list: null }, subscriptions: [], ...over }
}

/** The admin's tree: two 党支部 with two 党小组 each. */
export const unitTree: ActionOutput<'listUnits'> = {
  committee: { _id: 'committee', name: '示范单位机关党委' },
  branches: [
    {
      _id: 'branch-1',
      kind: 'branch',
      name: '机关第一党支部',
      parentId: 'committee',
      archived: false,
      memberCount: 20,
      groups: [
        { _id: 'group-1-1', kind: 'group', name: '第一党小组', parentId: 'branch-1', archived: false, memberCount: 10 },
        { _id: 'group-1-2', kind: 'group', name: '第二党小组', parentId: 'branch-1', archived: false, memberCount: 10 },
      ],
    },
    {
      _id: 'branch-2',
      kind: 'branch',
      name: '机关第二党支部',
      parentId: 'committee',
      archived: false,
      memberCount: 10,
      groups: [
        { _id: 'group-2-1', kind: 'group', name: '第三党小组', parentId: 'branch-2', archived: false, memberCount: 10 },
        { _id: 'group-2-2', kind: 'group', name: '第四党小组', parentId: 'branch-2', archived: true, memberCount: 0 },
      ],
    },
  ],
}

export function memberSummary(over: Partial<MemberSummary> = {}): MemberSummary {
  return {
    _id: 'member-05',
    name: '孙浩然',
    displayName: null,
    groupId: 'group-1-1',
    groupName: '第一党小组',
    branchId: 'branch-1',
    branchName: '机关第一党支部',
    roles: ['member'],
    status: 'active',
    phone: null,
    sameNameAs: [],
    ...over,
  }
}

/** The organisation's admin. */
export const orgAdmin: MemberProfile = { ...profile, memberId: 'member-03', name: '张文博', roles: ['member', 'orgAdmin'] }
