import Taro from '@tarojs/taro'
import { CARD_HEIGHT, CARD_WIDTH, drawShareCard, SHARE_CANVAS_ID, type ShareCard } from '../utils/shareCard'

type CanvasNode = { width: number; height: number; getContext(type: '2d'): CanvasRenderingContext2D }

/** The page's `<Canvas type='2d'>` node, once laid out. */
function canvasNode(): Promise<CanvasNode | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${SHARE_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: ({ node?: CanvasNode } | null)[]) => resolve(res?.[0]?.node ?? null))
  })
}

/** Drawn on the page's Canvas 2D at the screen's pixel ratio and saved as a temporary file WeChat can attach. */
export async function renderShareImage(card: ShareCard, name: string): Promise<string | null> {
  const node = await canvasNode()
  if (!node) return null
  const ratio = Taro.getWindowInfo().pixelRatio || 2
  node.width = CARD_WIDTH * ratio
  node.height = CARD_HEIGHT * ratio
  const ctx = node.getContext('2d')
  ctx.scale(ratio, ratio)
  drawShareCard(ctx, card, name)
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node } as unknown as Taro.canvasToTempFilePath.Option)
    return tempFilePath
  } catch {
    // Shared without the picture: WeChat then shows a screenshot of the page.
    return null
  }
}
