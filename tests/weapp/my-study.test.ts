/**
 * @jest-environment jsdom
 *
 * The BUILT 我的学习 page (dist/weapp, from `npm run build:weapp`) in miniprogram-simulate: the
 * figures and the bar chart's heights as the mini-program renders them.
 */
import { myStudy } from '../support/library-fixtures'
import { answerFrom, eventually, installHost, requireBuiltWeapp, text } from '../support/weapp-host'

requireBuiltWeapp()

const host = installHost(answerFrom({ getMyStudy: myStudy() }))

test('我的学习 shows the server’s figures in whole minutes and bars as tall as each day’s share', async () => {
  const page = host.open('pages/my-study/index')

  await eventually(() => expect(text(page)).toContain('本周目标已达成'))
  expect(host.calls.map((c) => c.name)).toEqual(['getMyStudy'])
  for (const shown of [
    '761 分钟',
    '339 分钟',
    '第四季度',
    '今天已学 30 分 59 秒',
    '政治理论',
    '500 分钟',
    '《共产党宣言导读》',
    '1/3 章',
    '2026年11月1日读完',
  ]) {
    expect(text(page)).toContain(shown)
  }
  // The simulator prefixes each class with the component's name.
  const bars = Array.from(page.dom.querySelectorAll('.main--day-chart__bar') as ArrayLike<HTMLElement>)
  expect(bars).toHaveLength(15)
  const heights = bars.map((b) => b.style.height)
  expect(heights[14]).toBe('100%')
  expect(parseFloat(heights[4])).toBeCloseTo((1200 / 1859) * 100)
  expect(heights[0]).toBe('0%')
})
