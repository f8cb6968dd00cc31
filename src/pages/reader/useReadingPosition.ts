import { useCallback, useEffect, useRef } from 'react'
import Taro, { usePageScroll } from '@tarojs/taro'

/** The element after the text: the end of the text is reached once it scrolls into view. */
export const END_MARKER_ID = 'reader-end'

interface Layout {
  /** How far the page can scroll before the end marker reaches the bottom of the screen. */
  scrollRange: number
}

/** Where the end marker is now, seen from a page scrolled by `scrollTop`. */
function measure(scrollTop: number): Promise<Layout | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${END_MARKER_ID}`)
      .boundingClientRect()
      .exec((res: ({ top: number } | null)[] | null) => {
        const marker = res?.[0]
        if (!marker) return resolve(null)
        const { windowHeight } = Taro.getWindowInfo()
        resolve({ scrollRange: scrollTop + marker.top - windowHeight })
      })
  })
}

/**
 * The reading position (0..1 of the way to the end marker), measured whenever the page scrolls and
 * once the text is shown; `saved` (where the member left off last time) is scrolled back to when the
 * text first appears. `onEnd` runs when the end marker comes into view, as the platform's
 * intersection observer sees it: a one-screen text reaches it at once, a long one when scrolled there,
 * whatever the fonts and the layout make of the scroll range.
 */
export function useReadingPosition(saved: number, onMove: (position: number) => void, onEnd: () => void): void {
  const onMoveRef = useRef(onMove)
  onMoveRef.current = onMove
  const onEndRef = useRef(onEnd)
  onEndRef.current = onEnd
  const measuring = useRef(false)

  const update = useCallback(async (scrollTop: number) => {
    if (measuring.current) return
    measuring.current = true
    try {
      const layout = await measure(scrollTop)
      if (!layout) return
      const position = layout.scrollRange <= 0 ? 1 : Math.min(1, Math.max(0, scrollTop / layout.scrollRange))
      onMoveRef.current(position)
    } finally {
      measuring.current = false
    }
  }, [])

  usePageScroll(({ scrollTop }) => void update(scrollTop))

  useEffect(() => {
    const page = Taro.getCurrentInstance().page
    if (!page) return
    const observer = Taro.createIntersectionObserver(page, { thresholds: [0] })
    observer.relativeToViewport({ bottom: 0 }).observe(`#${END_MARKER_ID}`, ({ intersectionRatio }) => {
      if ((intersectionRatio ?? 0) > 0) onEndRef.current()
    })
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    void (async () => {
      const layout = await measure(0)
      if (layout && saved > 0 && saved < 1 && layout.scrollRange > 0) {
        await Taro.pageScrollTo({ scrollTop: Math.round(saved * layout.scrollRange), duration: 0 })
      } else {
        await update(0)
      }
    })()
    // Only when the text first appears: later moves come from scrolling.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first render's values
  }, [])
}
