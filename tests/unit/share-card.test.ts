import { CARD_HEIGHT, CARD_WIDTH, drawShareCard, starsCard, streakCard, weekCard, type CardContext } from '../../src/utils/shareCard'

/** A 2D context that keeps what was written where, as the picture would show it. */
function recording(): CardContext & { texts: { text: string; x: number; y: number; font: string }[]; rects: number[][] } {
  const ctx = {
    fillStyle: '' as CardContext['fillStyle'],
    font: '',
    textAlign: 'left' as CanvasTextAlign,
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    texts: [] as { text: string; x: number; y: number; font: string }[],
    rects: [] as number[][],
    fillRect: (x: number, y: number, w: number, h: number) => void ctx.rects.push([x, y, w, h]),
    fillText: (text: string, x: number, y: number) => void ctx.texts.push({ text, x, y, font: ctx.font }),
  }
  return ctx
}

test('each card says what it shares and opens the page it is about', () => {
  expect(streakCard(12)).toMatchObject({ title: '我已连续学习打卡 12 天，一起来学习吧', figure: '12', unit: '天', path: '/pages/index/index' })
  expect(weekCard({ studySeconds: 45 * 60, points: 18 })).toMatchObject({
    title: '我本周已学习 45 分钟，一起来学习吧',
    lines: ['本周学习时长', '本周积分 18 分'],
    path: '/pages/weekly/index',
  })
  expect(weekCard({ studySeconds: 5400, points: 30 }).figure).toBe('1.5 小时')
  expect(starsCard({ year: 2026, stars: 3, hours: 41.5 })).toMatchObject({ title: '我获得了 2026 年度学习 3 星', figure: '★★★', path: '/pages/me/index' })
  // No star yet: the hours, not a boast of nothing.
  expect(starsCard({ year: 2026, stars: 0, hours: 6.2 }).title).toBe('我 2026 年已学习 6.2 小时')
})

test('the picture fills the card, then writes 学习圈, the big figure, its lines and the name, centred', () => {
  const ctx = recording()
  drawShareCard(ctx, streakCard(12), '赵雅琴')
  expect(ctx.rects[0]).toEqual([0, 0, CARD_WIDTH, CARD_HEIGHT])
  expect(ctx.texts.map((t) => t.text)).toEqual(['学习圈', '12天', '连续学习打卡', '每天学一点，贵在坚持', '赵雅琴'])
  const figure = ctx.texts[1]
  expect(figure).toMatchObject({ x: CARD_WIDTH / 2 })
  expect(figure.font).toMatch(/^bold 96px/)
  // Every line within the card.
  for (const t of ctx.texts) expect(t.y).toBeLessThan(CARD_HEIGHT)
})

test('a long figure is drawn smaller so it fits', () => {
  const ctx = recording()
  drawShareCard(ctx, weekCard({ studySeconds: 5400, points: 30 }), '赵雅琴')
  expect(ctx.texts[1].font).toMatch(/^bold 64px/)
})
