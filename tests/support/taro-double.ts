/**
 * A small stand-in for `@tarojs/taro` in jsdom tests: the few APIs the app uses, plus a way for
 * tests to act as the platform (pull down to refresh).
 */
import { useEffect, useRef } from 'react'

type Handler = () => void
const pullDownHandlers = new Set<{ current: Handler }>()

export function usePullDownRefresh(handler: Handler): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    pullDownHandlers.add(ref)
    return () => {
      pullDownHandlers.delete(ref)
    }
  }, [])
}

/** What the platform does when the member pulls the page down. */
export function pullDownToRefresh(): void {
  pullDownHandlers.forEach((h) => h.current())
}

export const stopPullDownRefresh = jest.fn()

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async () => {
    throw new Error('Taro.cloud.callFunction is not set up in this test')
  }),
}

export function getEnv(): string {
  return 'WEB'
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }

const Taro = { usePullDownRefresh, stopPullDownRefresh, cloud, getEnv, ENV_TYPE }

export default Taro
