/**
 * @jest-environment jsdom
 *
 * The BUILT 排行榜 (dist/weapp, packageScore) in miniprogram-simulate: the caller's own rank and the
 * top of the board as the mini-program renders them.
 */
import path from 'node:path'
import { leaderboard } from '../support/score-fixtures'
import { eventually, installHost, requireBuiltWeapp, WEAPP_DIR } from '../support/weapp-host'

requireBuiltWeapp()

const host = installHost(({ name }) =>
  name === 'getLeaderboard' ? { ok: true, data: leaderboard() } : { ok: false, code: 'NOT_FOUND', message: `没有这个云函数：${name}` },
)

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate')

const text = (node: { dom: Element }) => (node.dom.textContent ?? '').replace(/\s+/g, ' ')

test('排行榜 in the subpackage shows my own rank first, then the top of my group', async () => {
  host.launch()
  host.setRoute('packageScore/pages/leaderboard/index')
  const id = simulate.load(path.join(WEAPP_DIR, 'packageScore/pages/leaderboard/index'), { rootPath: WEAPP_DIR })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))

  await eventually(() => expect(text(page)).toContain('王建国（我）'))
  expect(host.calls.map((c) => [c.name, c.data])).toEqual([['getLeaderboard', { scope: 'group', period: 'week', metric: 'points' }]])
  const shown = text(page)
  for (const part of ['我的排名', '第 7', '12 分', '共 9 人', '前 3 名', '李红', '40 分', '刘芳', '31 分']) expect(shown).toContain(part)
  expect(shown.indexOf('王建国（我）')).toBeLessThan(shown.indexOf('李红'))
})
