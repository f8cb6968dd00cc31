/**
 * @jest-environment jsdom
 *
 * The BUILT 排行榜 (dist/weapp, packageScore) in miniprogram-simulate: the caller's own rank and the
 * top of the board as the mini-program renders them.
 */
import { leaderboard } from '../support/score-fixtures'
import { answerFrom, eventually, installHost, requireBuiltWeapp, text } from '../support/weapp-host'

requireBuiltWeapp()

const host = installHost(answerFrom({ getLeaderboard: leaderboard() }))

test('排行榜 in the subpackage shows my own rank first, then the top of my group', async () => {
  const page = host.open('packageScore/pages/leaderboard/index')

  await eventually(() => expect(text(page)).toContain('王建国（我）'))
  expect(host.calls.map((c) => [c.name, c.data])).toEqual([['getLeaderboard', { scope: 'group', period: 'week', metric: 'points' }]])
  const shown = text(page)
  for (const part of ['我的排名', '第 7', '12 分', '共 9 人', '前 3 名', '李红', '40 分', '刘芳', '31 分']) expect(shown).toContain(part)
  expect(shown.indexOf('王建国（我）')).toBeLessThan(shown.indexOf('李红'))
})
