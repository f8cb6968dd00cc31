import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Loads again when the member comes back to the page (from the reader or an editor, say), since
 * what it shows may have moved. The page's first show, while its first load is under way, loads
 * nothing more: only a show after the page was hidden counts.
 */
export function useRefreshOnReturn(refresh: () => unknown): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void refresh()
  })
}
