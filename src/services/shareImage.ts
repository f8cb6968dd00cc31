import type { ShareCard } from '../utils/shareCard'

/**
 * The picture of a share card (分享卡片). Taro picks `shareImage.weapp.ts` (the page's Canvas 2D,
 * saved to a temporary file WeChat attaches to the shared message) or `shareImage.h5.ts` (a canvas
 * drawn off screen, as a data URL); elsewhere there is no picture and the card is shared as text.
 */
export const renderShareImage = async (_card: ShareCard, _name: string): Promise<string | null> => null
