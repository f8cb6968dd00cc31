import type { ActionOutput, Prompt, PromptSummary, Reply, ReplyThread } from '../../types'

/** A 讨论题 in a list of the UI fixtures' group. */
export function promptSummary(over: Partial<PromptSummary> = {}): PromptSummary {
  return {
    _id: 'p-1',
    groupId: 'group-1-1',
    title: '学习全会精神的体会',
    excerpt: '请结合本职工作谈谈体会。',
    status: 'open',
    pinned: false,
    closesOn: null,
    authorName: '陈立新',
    createdAt: '2025-11-17T02:00:00.000Z',
    replyCount: 1,
    participantCount: 1,
    ...over,
  }
}

/** A 讨论题 as its thread shows it. */
export function promptDetail(over: Partial<Prompt> = {}): Prompt {
  return {
    ...promptSummary(),
    body: '请结合本职工作谈谈体会。',
    link: null,
    editedAt: null,
    notYet: [{ _id: 'm-3', name: '刘晓燕' }],
    memberCount: 2,
    canReply: true,
    canModerate: false,
    ...over,
  }
}

export function replyOf(over: Partial<Reply> = {}): Reply {
  return {
    _id: 'r-1',
    promptId: 'p-1',
    parentId: null,
    authorId: 'm-2',
    authorName: '陈立新',
    body: '要把学习成果转化为工作动力。',
    status: 'visible',
    hiddenReason: null,
    featured: false,
    likeCount: 0,
    likedByMe: false,
    createdAt: '2025-11-17T03:00:00.000Z',
    editedAt: null,
    mine: false,
    ...over,
  }
}

export const threadOf = (reply: Reply, children: Reply[] = []): ReplyThread => ({ ...reply, children })

/** The leader's week (Monday 2025-11-17 … Sunday; today Wednesday): one member ahead, one behind. */
export function groupWeek(over: Partial<ActionOutput<'getGroupWeek'>> = {}): ActionOutput<'getGroupWeek'> {
  return {
    group: { _id: 'group-1-1', name: '第一党小组' },
    days: ['2025-11-17', '2025-11-18', '2025-11-19', '2025-11-20', '2025-11-21', '2025-11-22', '2025-11-23'],
    today: '2025-11-19',
    weeklyTargetMinutes: 30,
    expectedMinutes: 13,
    members: [
      { memberId: 'm-2', name: '陈立新', isLeader: true, checkedDays: ['2025-11-17', '2025-11-18'], minutes: 35, behind: false, nudge: null },
      { memberId: 'm-1', name: '王建国', isLeader: false, checkedDays: ['2025-11-17'], minutes: 5, behind: true, nudge: null },
    ],
    openPrompts: [promptSummary({ participantCount: 1 })],
    memberCount: 2,
    ...over,
  }
}
