import { useSyncExternalStore } from 'react'
import { getLargeFont, subscribeLargeFont } from '../state/largeFont'

/** Whether 大字模式 is on; the component re-renders when it changes anywhere in the app. */
export function useLargeFont(): boolean {
  return useSyncExternalStore(subscribeLargeFont, getLargeFont, getLargeFont)
}
