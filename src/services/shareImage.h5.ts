import { CARD_HEIGHT, CARD_WIDTH, drawShareCard, type ShareCard } from '../utils/shareCard'

/** Drawn on a canvas off screen at twice the size (sharp on phones), answered as a PNG data URL. */
export async function renderShareImage(card: ShareCard, name: string): Promise<string | null> {
  const canvas = document.createElement('canvas')
  canvas.width = CARD_WIDTH * 2
  canvas.height = CARD_HEIGHT * 2
  let ctx: CanvasRenderingContext2D | null = null
  try {
    ctx = canvas.getContext('2d')
  } catch {
    // No canvas here (a test's document): shared as text.
  }
  if (!ctx) return null
  ctx.scale(2, 2)
  drawShareCard(ctx, card, name)
  return canvas.toDataURL('image/png')
}
