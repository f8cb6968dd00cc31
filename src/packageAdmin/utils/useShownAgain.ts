import { useRef } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/** Runs `refresh` when the page shows again after another page was opened over it. */
export function useShownAgain(refresh: () => void): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    refresh()
  })
}
