import type { GetLeaderboardOutput } from '../../types'

/** A group's weekly board: two sharing first place, a third, and the caller (王建国) 7th, outside the top. */
export const leaderboard = (over: Partial<GetLeaderboardOutput> = {}): GetLeaderboardOutput => ({
  scope: 'group',
  period: 'week',
  metric: 'points',
  periodKey: '2026-11-23',
  top: [
    { memberId: 'a', name: '李红', rank: 1, value: 40 },
    { memberId: 'b', name: '张强', rank: 1, value: 40 },
    { memberId: 'c', name: '刘芳', rank: 3, value: 31 },
  ],
  me: { memberId: 'm-1', name: '王建国', rank: 7, value: 12 },
  of: 9,
  ...over,
})
