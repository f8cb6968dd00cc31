import { useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import type { SharedCard } from '../components/ShareCard'
import { ROUTES } from '../utils/routes'

/**
 * A page that offers a share card: what WeChat sends when the member taps 分享给微信好友 (or the
 * page's 转发 menu) — the picked card with its picture, else the app itself. Answers the setter the
 * ShareCard component reports to.
 */
export function useSharedCard(): (card: SharedCard) => void {
  const [shared, setShared] = useState<SharedCard | null>(null)
  useShareAppMessage(() =>
    shared ? { title: shared.title, path: shared.path, ...(shared.imageUrl ? { imageUrl: shared.imageUrl } : {}) } : { title: '学习圈', path: ROUTES.home },
  )
  return setShared
}
