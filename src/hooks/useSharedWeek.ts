import { useRef } from 'react'
import type { ActionOutput } from '../../types'
import { useRefreshOnReturn } from './useRefreshOnReturn'

export type Week = ActionOutput<'getMyWeekly'>

/**
 * This week's 每周一学 as last answered, shared by the pages that show it (首页's card, 每周一学,
 * 学习) for the app run. Back on one of them, it shows what another page asked since instead of
 * asking again, and asks nothing when the week has not moved. Reading credited or a reply posted
 * moves it (`weekMoved`): the next page back asks the server.
 */
let kept: Week | undefined
let version = 0

/** Reading was credited, or a reply posted or deleted: the week's progress may have moved. */
export function weekMoved(): void {
  kept = undefined
  version++
}

/**
 * For a page showing this week's list: `shown(week)` with each answer it asked for; back on the page,
 * `apply` gets the week another page asked since, or `ask` goes to the server when the week moved
 * and nothing newer is kept (its answer then goes through `shown` too). A page showing another week
 * (`thisWeek` false) asks on every return.
 */
export function useSharedWeek(apply: (week: Week) => void, ask: () => Promise<unknown>, thisWeek = true): { shown(week: Week): void } {
  const seen = useRef(-1)
  useRefreshOnReturn(() => {
    if (!thisWeek) return ask()
    if (seen.current === version) return
    if (!kept) return ask()
    seen.current = version
    apply(kept)
  })
  return {
    shown(week) {
      if (!week.current) return
      kept = week
      seen.current = ++version
    },
  }
}
