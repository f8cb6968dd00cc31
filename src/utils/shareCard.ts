import type { PeriodTotals, StarStanding } from '../../types'
import { ROUTES } from './routes'
import { hoursText, starsText } from './score'

/**
 * 分享卡片: what a member sends to a WeChat chat — their check-in streak, this week's study or
 * this year's stars — as a picture drawn on the phone, and the page of the app it opens (a friend
 * who is not a member yet is invited to register there).
 */
export type ShareKind = 'streak' | 'week' | 'stars'

export interface ShareCard {
  kind: ShareKind
  /** The chat message's title. */
  title: string
  /** The big figure on the picture, and what it counts. */
  figure: string
  unit: string
  /** Smaller lines under it. */
  lines: string[]
  /** The page the shared card opens. */
  path: string
}

export const SHARE_KIND_NAMES: Record<ShareKind, string> = { streak: '连续打卡', week: '本周学习', stars: '年度星级' }

export const streakCard = (streak: number): ShareCard => ({
  kind: 'streak',
  title: `我已连续学习打卡 ${streak} 天，一起来学习吧`,
  figure: String(streak),
  unit: '天',
  lines: ['连续学习打卡', '每天学一点，贵在坚持'],
  path: ROUTES.home,
})

export const weekCard = (week: Pick<PeriodTotals, 'studySeconds' | 'points'>): ShareCard => ({
  kind: 'week',
  title: `我本周已学习 ${hoursText(week.studySeconds)}，一起来学习吧`,
  figure: hoursText(week.studySeconds),
  unit: '',
  lines: ['本周学习时长', `本周积分 ${week.points} 分`],
  path: ROUTES.weekly,
})

export const starsCard = (standing: Pick<StarStanding, 'year' | 'stars' | 'hours'>): ShareCard => ({
  kind: 'stars',
  title: standing.stars > 0 ? `我获得了 ${standing.year} 年度学习 ${standing.stars} 星` : `我 ${standing.year} 年已学习 ${standing.hours} 小时`,
  figure: starsText(standing.stars),
  unit: '',
  lines: [`${standing.year} 年度学习星级`, `已学 ${standing.hours} 小时`],
  path: ROUTES.me,
})

/** The id of the mini-program's Canvas the card is drawn on (ShareCard renders it, services/shareImage.weapp.ts draws on it). */
export const SHARE_CANVAS_ID = 'share-card-canvas'

/** The picture's size in CSS pixels: WeChat shows a shared card at 5:4. */
export const CARD_WIDTH = 500
export const CARD_HEIGHT = 400

/** What drawing the card needs of a 2D canvas context (the mini-program's and the browser's both have it). */
export interface CardContext {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
}

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

/** Draws the card: the party red band with 学习圈, the big figure, its lines, the member's name. */
export function drawShareCard(ctx: CardContext, card: ShareCard, name: string): void {
  ctx.fillStyle = '#f7f3ec'
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT)
  ctx.fillStyle = '#a8201a'
  ctx.fillRect(0, 0, CARD_WIDTH, 72)
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  ctx.fillStyle = '#ffffff'
  ctx.font = `bold 30px ${FONT}`
  ctx.fillText('学习圈', 32, 36)
  ctx.textAlign = 'center'
  ctx.fillStyle = '#a8201a'
  ctx.font = `bold ${card.figure.length > 4 ? 64 : 96}px ${FONT}`
  ctx.fillText(`${card.figure}${card.unit}`, CARD_WIDTH / 2, 170)
  ctx.fillStyle = '#2b2522'
  ctx.font = `bold 30px ${FONT}`
  ctx.fillText(card.lines[0], CARD_WIDTH / 2, 258)
  ctx.fillStyle = '#5c5249'
  ctx.font = `26px ${FONT}`
  card.lines.slice(1).forEach((line, i) => ctx.fillText(line, CARD_WIDTH / 2, 302 + i * 36))
  ctx.font = `24px ${FONT}`
  ctx.fillText(name, CARD_WIDTH / 2, 366)
}
