import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { navigateTo, requestSubscribeMessage, shareMessage } from '../support/taro-double'
import Me from '../../src/pages/me/index'
import LeaderboardPage from '../../src/packageScore/pages/leaderboard/index'
import ScoreRulesPage from '../../src/packageScore/pages/rules/index'
import RatingsPage from '../../src/packageScore/pages/ratings/index'
import PointsPage from '../../src/packageScore/pages/points/index'
import type { GetMyScoreOutput, GetUnitRatingsOutput } from '../../types'
import { DEFAULT_RULES, describeScoreRules } from '../../server/scoring/rules'
import { profile } from '../support/ui-fixtures'
import { leaderboard } from '../support/score-fixtures'
import { callsTo, fail, ok, sendMock, serve } from '../support/ui-server'
import { fixClock } from '../support/fixed-clock'

jest.mock('../../src/services/transport', () => ({ send: jest.fn() }))
// The mini-program's way of asking: WeChat's requestSubscribeMessage.
jest.mock('../../src/services/subscribe', () => jest.requireActual('../../src/services/subscribe.weapp'))

beforeEach(() => {
  sendMock.mockReset()
  navigateTo.mockClear()
})

const myScore = (over: Partial<GetMyScoreOutput> = {}): GetMyScoreOutput => ({
  today: '2026-11-23',
  todayPoints: 3,
  week: { key: '2026-11-23', points: 12, studySeconds: 1800 },
  quarter: { key: '2026-Q4', points: 120, studySeconds: 36_000 },
  year: { key: '2026', points: 420, studySeconds: 149_400 },
  weeklyTargetPoints: 30,
  standing: {
    year: 2026,
    stars: 3,
    projectedStars: 4,
    hours: 41.5,
    requiredChapters: 12,
    points: 420,
    next: { stars: 4, hours: 19, requiredChapters: 8, points: 180 },
  },
  ranks: { group: { rank: 2, of: 9 }, branch: { rank: 5, of: 40 }, org: { rank: 31, of: 400 } },
  subscriptions: [
    { templateKey: 'dailyStudy', templateId: 'tmpl-daily', title: '每日学习提醒', available: 2 },
    { templateKey: 'groupPrompt', templateId: 'tmpl-prompt', title: '小组讨论提醒', available: 0 },
    { templateKey: 'studyNudge', templateId: 'tmpl-nudge', title: '学习进度提醒', available: 0 },
    { templateKey: 'weeklyList', templateId: 'tmpl-weekly', title: '每周一学发布提醒', available: 1 },
  ],
  ...over,
})

describe('消息提醒 on 我的', () => {
  test('shows each reminder’s messages still allowed, and one tap allows one more', async () => {
    serve({
      getMe: () => ok(profile),
      getMyScore: () => ok(myScore()),
      recordSubscription: (input) => ok({ templateKey: input.templateKey, templateId: 'tmpl-prompt', title: '小组讨论提醒', available: 1 }),
    })
    requestSubscribeMessage.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-prompt': 'accept' })
    render(<Me />)
    const row = (title: string) => screen.getByText(title).parentElement!.parentElement!
    await screen.findByText('消息提醒')
    expect(within(row('每日学习提醒')).getByText('还可提醒 2 次')).toBeTruthy()
    expect(within(row('每周一学发布提醒')).getByText('还可提醒 1 次')).toBeTruthy()
    expect(within(row('小组讨论提醒')).getByText('未开启，收不到')).toBeTruthy()
    fireEvent.click(within(row('小组讨论提醒')).getByText('开启'))
    await within(row('小组讨论提醒')).findByText('还可提醒 1 次')
    expect(requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-prompt'] }))
    expect(callsTo('recordSubscription').map(([, input]) => input)).toEqual([{ templateKey: 'groupPrompt', accepted: true }])
    expect(within(row('小组讨论提醒')).getByText('再开启一次')).toBeTruthy()
  })
})

describe('我的积分 on 我的', () => {
  test('shows the points, the stars now and at this pace, what the next star takes, and the ranks', async () => {
    serve({ getMe: () => ok(profile), getMyScore: () => ok(myScore()) })
    render(<Me />)
    expect(await screen.findByText('现在 ★★★，照此进度年底 ★★★★')).toBeTruthy()
    expect(screen.getByText('距 ★★★★ 还需学时 19 小时、必读 8 章、积分 180 分')).toBeTruthy()
    expect(screen.getByText('本周积分目标 30 分，已得 12 分')).toBeTruthy()
    expect(screen.getByText('今年学时 41.5 小时 · 必读书目 12 章')).toBeTruthy()
    expect(screen.getByText('今年排名：小组第 2 · 支部第 5 · 全体第 31')).toBeTruthy()
    fireEvent.click(screen.getByText('排行榜'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageScore/pages/leaderboard/index' })
    fireEvent.click(screen.getByText('积分规则'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageScore/pages/rules/index' })
    // A 党小组长 also opens the group's ratings.
    fireEvent.click(screen.getByText('小组星级'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageScore/pages/ratings/index' })
  })

  test('a member with no stars yet and a plain member role: 无星, and no ratings entry', async () => {
    const standing = {
      year: 2026,
      stars: 0,
      projectedStars: 0,
      hours: 0,
      requiredChapters: 0,
      points: 0,
      next: { stars: 1, hours: 10, requiredChapters: 0, points: 100 },
    }
    serve({ getMe: () => ok({ ...profile, roles: ['member'] }), getMyScore: () => ok(myScore({ standing })) })
    render(<Me />)
    expect(await screen.findByText('现在 无星，照此进度年底 无星')).toBeTruthy()
    expect(screen.getByText('距 ★ 还需学时 10 小时、积分 100 分')).toBeTruthy()
    expect(screen.queryByText('小组星级')).toBeNull()
  })

  test('points that cannot be loaded say why and offer 重试, the profile still shows', async () => {
    let failing = true
    serve({ getMe: () => ok(profile), getMyScore: () => (failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(myScore())) })
    render(<Me />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
    expect(screen.getByText('第一党小组 · 机关第一党支部')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('现在 ★★★，照此进度年底 ★★★★')).toBeTruthy()
  })
})

describe('分享我的学习 on 我的', () => {
  test('sends this week’s study or this year’s stars to a chat, opening the page it is about; the 转发 menu sends the same', async () => {
    serve({ getMe: () => ok(profile), getMyScore: () => ok(myScore()) })
    render(<Me />)
    await screen.findByText('分享我的学习')
    // The card reaches the 转发 menu from the section’s effect, a moment after the section shows.
    await waitFor(() => expect(shareMessage()).toEqual({ title: '我本周已学习 30 分钟，一起来学习吧', path: '/pages/weekly/index' }))
    fireEvent.click(screen.getByText('年度星级'))
    expect(shareMessage()).toEqual({ title: '我获得了 2026 年度学习 3 星', path: '/pages/me/index' })
    // No picture where none can be drawn (a browser without canvas here): the card is said in words.
    expect(screen.getByText('我获得了 2026 年度学习 3 星')).toBeTruthy()
  })
})

describe('排行榜', () => {
  test('shows my own rank outside the top list, and the top with shared ranks', async () => {
    serve({ getLeaderboard: () => ok(leaderboard()) })
    const { container } = render(<LeaderboardPage />)
    const mine = await screen.findByText('王建国（我）')
    expect(within(mine.parentElement!).getByText('第 7')).toBeTruthy()
    expect(within(mine.parentElement!).getByText('12 分')).toBeTruthy()
    expect(screen.getByText('共 9 人')).toBeTruthy()
    const ranks = Array.from(container.querySelectorAll('.score-row')).map((r) => r.textContent)
    // Ties share a rank, said so, and the next rank skips (competition ranking), as the note explains.
    expect(ranks).toEqual(['第 7王建国（我）12 分', '并列第 1李红40 分', '并列第 1张强40 分', '第 3刘芳31 分'])
    expect(screen.getByText('积分相同的并列同一名次，其后的名次顺延（如 1、2、2、4）。')).toBeTruthy()
  })

  test('choosing 全体 · 本年 · 学时 asks for that board and shows hours, and minutes under an hour', async () => {
    serve({
      getLeaderboard: (input) =>
        ok(
          leaderboard({
            ...input,
            top: [
              { memberId: 'm-1', name: '王建国', rank: 1, value: 36_000 },
              { memberId: 'm-4', name: '刘芳', rank: 2, value: 2_700 },
            ],
            me: { memberId: 'm-1', name: '王建国', rank: 1, value: 36_000 },
          }),
        ),
    })
    render(<LeaderboardPage />)
    await screen.findAllByText('王建国（我）')
    expect(callsTo('getLeaderboard')[0][1]).toEqual({ scope: 'group', period: 'week', metric: 'points' })
    fireEvent.click(screen.getByText('全体'))
    fireEvent.click(screen.getByText('本年'))
    fireEvent.click(screen.getByText('学时'))
    expect((await screen.findAllByText('10 小时')).length).toBe(2)
    expect(screen.getByText('45 分钟')).toBeTruthy()
    expect(callsTo('getLeaderboard').at(-1)![1]).toEqual({ scope: 'org', period: 'year', metric: 'hours' })
  })

  test('an empty board invites the member to score; errors offer 重试', async () => {
    let failing = true
    serve({
      getLeaderboard: () =>
        failing ? fail('INTERNAL', '服务暂时出了点问题，请稍后重试') : ok(leaderboard({ top: [], me: { memberId: 'm-1', name: '王建国', rank: 1, value: 0 } })),
    })
    render(<LeaderboardPage />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
    failing = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('还没有人得分，快去学习打卡吧。')).toBeTruthy()
    expect(screen.getByText('共 9 人，得分后即可上榜')).toBeTruthy()
  })
})

describe('积分规则', () => {
  test('says the rules in force in the server’s words, with the star thresholds and an announced change', async () => {
    serve({
      getScoreRules: () =>
        ok({ current: DEFAULT_RULES, upcoming: { ...DEFAULT_RULES, effectiveFrom: '2027-01-01' }, sentences: describeScoreRules(DEFAULT_RULES) }),
    })
    render(<ScoreRulesPage />)
    expect(await screen.findByText('每日学习打卡：每次得 2 分，每天最多 2 分。')).toBeTruthy()
    expect(screen.getByText('学时：每 10 分钟得 1 分，每天最多 12 分。')).toBeTruthy()
    expect(screen.getByText('新规则将于 2027-01-01 起生效，之前的记录仍按原规则计分。')).toBeTruthy()
    expect(screen.getByText('★★★')).toBeTruthy()
    expect(screen.getByText('40 小时 · 10 章 · 400 分')).toBeTruthy()
  })

  test('rules that cannot be loaded say why', async () => {
    serve({ getScoreRules: () => fail('INTERNAL', '服务暂时出了点问题，请稍后重试') })
    render(<ScoreRulesPage />)
    expect(await screen.findByText('服务暂时出了点问题，请稍后重试')).toBeTruthy()
  })
})

describe('小组星级', () => {
  const ratings: GetUnitRatingsOutput = {
    year: new Date().getFullYear(),
    units: [{ unitId: 'g1', name: '第一党小组', kind: 'group', members: 8, distribution: [1, 2, 3, 1, 1, 0], averageStars: 1.9, frozen: false }],
  }

  test('shows how many members are at each rating and the average; last year says it is frozen', async () => {
    serve({
      getUnitRatings: (input) =>
        ok(input.year === ratings.year ? ratings : { ...ratings, year: input.year, units: ratings.units.map((u) => ({ ...u, frozen: true })) }),
    })
    render(<RatingsPage />)
    expect(await screen.findByText('第一党小组')).toBeTruthy()
    expect(screen.getByText('8 人，平均 1.9 星')).toBeTruthy()
    expect(screen.getByLabelText('★★ 3 人')).toBeTruthy()
    expect(screen.getByLabelText('无星 1 人')).toBeTruthy()
    fireEvent.click(screen.getByText(`${ratings.year - 1} 年`))
    expect(await screen.findByText('第一党小组（已定档）')).toBeTruthy()
  })

  test.each([
    ['2026-12-31T15:59:59Z', 2026],
    ['2027-01-01T00:00:00+08:00', 2027],
  ])('at %s the year is %s in Beijing, whatever the device’s time zone', async (at, year) => {
    fixClock(new Date(at))
    const asked: (number | undefined)[] = []
    serve({ getUnitRatings: (input) => (asked.push(input.year), ok({ ...ratings, year: input.year ?? year })) })
    try {
      render(<RatingsPage />)
      expect(await screen.findByText('第一党小组')).toBeTruthy()
      expect(screen.getByText(`${year} 年`)).toBeTruthy()
      expect(screen.getByText(`${year - 1} 年`)).toBeTruthy()
      expect(asked).toEqual([year])
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('积分明细', () => {
  const kinds = [
    { kind: 'checkin' as const, quantity: 1, points: 2, cap: 2, per: 1, each: 2 },
    { kind: 'studyTime' as const, quantity: 1500, points: 2, cap: 12, per: 600, each: 1 },
    { kind: 'reply' as const, quantity: 0, points: 0, cap: 3, per: 1, each: 1 },
  ]
  const entry = (over: object) => ({ _id: 'e', kind: 'checkin', day: '2025-11-20', quantity: 1, at: '2025-11-20T01:00:00.000Z', reversal: false, ...over })

  test('today per rule against its cap, then the ledger by day with each day’s points; more pages on request', async () => {
    serve({
      getMyPoints: (input: { cursor?: string }) =>
        ok(
          input.cursor
            ? {
                today: '2025-11-20',
                kinds,
                entries: { items: [entry({ _id: 'e4', kind: 'reply', day: '2025-11-18', quantity: -1, reversal: true })], nextCursor: null },
                dayPoints: { '2025-11-18': 0 },
              }
            : {
                today: '2025-11-20',
                kinds,
                entries: {
                  items: [
                    entry({ _id: 'e1', kind: 'studyTime', quantity: 1500 }),
                    entry({ _id: 'e2' }),
                    entry({ _id: 'e3', kind: 'reply', day: '2025-11-19' }),
                  ],
                  nextCursor: 'c-1',
                },
                dayPoints: { '2025-11-20': 4, '2025-11-19': 1 },
              },
        ),
    })
    render(<PointsPage />)
    expect(await screen.findByText('今天已得 4 分')).toBeTruthy()
    expect(screen.getByText('每 10 分钟 1 分，每天最多 12 分')).toBeTruthy()
    expect(screen.getByText('每次 2 分，每天最多 2 分')).toBeTruthy()
    expect(screen.getByText('学时 +25 分钟')).toBeTruthy()
    expect(screen.getByText('当天 4 分')).toBeTruthy()
    expect(screen.getByText('当天 1 分')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('在小组讨论中发言 −1 次（冲销：回复被删除或隐藏）')).toBeTruthy()
    expect(callsTo('getMyPoints').map(([, i]) => i)).toEqual([{}, { cursor: 'c-1' }])
  })

  test('我的 links to it', async () => {
    serve({ getMe: () => ok(profile), getMyScore: () => fail('INTERNAL', '系统繁忙，请稍后再试') })
    render(<Me />)
    fireEvent.click(await screen.findByText('积分明细'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packageScore/pages/points/index' })
  })
})
