/**
 * A small stand-in for `@tarojs/taro` in jsdom tests: the few APIs the app uses, plus a way for
 * tests to act as the platform (pull down to refresh, scroll to the bottom, open a page with a
 * query, answer a dialog).
 */
import { useEffect, useRef } from 'react'

type Handler = () => void
type HandlerSet = Set<{ current: Handler }>

function pageHook(handlers: HandlerSet) {
  return function useHandler(handler: Handler): void {
    const ref = useRef(handler)
    ref.current = handler
    useEffect(() => {
      handlers.add(ref)
      return () => {
        handlers.delete(ref)
      }
    }, [])
  }
}

const pullDownHandlers: HandlerSet = new Set()
const reachBottomHandlers: HandlerSet = new Set()
const showHandlers: HandlerSet = new Set()
const hideHandlers: HandlerSet = new Set()

export const usePullDownRefresh = pageHook(pullDownHandlers)
export const useReachBottom = pageHook(reachBottomHandlers)
export const useDidShow = pageHook(showHandlers)
export const useDidHide = pageHook(hideHandlers)

/** What the platform does when the member leaves the page (a page over it, the app in the background). */
export function hidePage(): void {
  hideHandlers.forEach((h) => h.current())
}

/** What the platform does when the member comes back to the page. */
export function showPage(): void {
  showHandlers.forEach((h) => h.current())
}

/** What the platform does when the member opens another page over this one, then comes back. */
export function leaveAndReturn(): void {
  hidePage()
  showPage()
}

/**
 * The page's layout, for pages that measure it: the screen's height, where elements sit in the
 * document (`setLayout`), and how far the page is scrolled.
 */
export const WINDOW_HEIGHT = 800
const layout = { scrollTop: 0, tops: new Map<string, number>() }
const scrollHandlers = new Set<{ current: (e: { scrollTop: number }) => void }>()

export function setLayout(tops: Record<string, number>): void {
  layout.scrollTop = 0
  layout.tops = new Map(Object.entries(tops))
}

export function usePageScroll(handler: (e: { scrollTop: number }) => void): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    scrollHandlers.add(ref)
    return () => {
      scrollHandlers.delete(ref)
    }
  }, [])
}

/** Intersection observers watching a selector: each checks whether its element is on screen. */
const visibilityChecks = new Set<() => void>()

/** What the platform does when the member scrolls the page. */
export function scrollPage(scrollTop: number): void {
  layout.scrollTop = scrollTop
  scrollHandlers.forEach((h) => h.current({ scrollTop }))
  visibilityChecks.forEach((check) => check())
}

/** Reports an observed element whenever the layout puts its top within the window. */
export function createIntersectionObserver(_component: unknown, _options?: unknown) {
  let check: (() => void) | undefined
  const observer = {
    relativeToViewport: (_margins?: unknown) => observer,
    observe(selector: string, callback: (res: { intersectionRatio: number }) => void) {
      check = () => {
        const top = layout.tops.get(selector)
        if (top !== undefined && top - layout.scrollTop <= WINDOW_HEIGHT) callback({ intersectionRatio: 1 })
      }
      visibilityChecks.add(check)
      setTimeout(check, 0)
    },
    disconnect() {
      if (check) visibilityChecks.delete(check)
    },
  }
  return observer
}

export const getCurrentInstance = () => ({ page: {}, router: currentRouter() })

export const pageScrollTo = jest.fn(async ({ scrollTop }: { scrollTop: number; duration?: number }) => {
  scrollPage(scrollTop)
  return { errMsg: 'pageScrollTo:ok' }
})

export const getWindowInfo = () => ({ windowHeight: WINDOW_HEIGHT, windowWidth: 375 })

export function createSelectorQuery() {
  const selected: string[] = []
  const query = {
    select(selector: string) {
      selected.push(selector)
      return { boundingClientRect: () => query }
    },
    exec(callback: (res: ({ top: number } | null)[]) => void) {
      const rects = selected.map((s) => {
        const top = layout.tops.get(s)
        return top === undefined ? null : { top: top - layout.scrollTop }
      })
      setTimeout(() => callback(rects), 0)
    },
  }
  return query
}

type ShareHandler = () => { title?: string; path?: string }
const shareHandlers = new Set<{ current: ShareHandler }>()

export function useShareAppMessage(handler: ShareHandler): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    shareHandlers.add(ref)
    return () => {
      shareHandlers.delete(ref)
    }
  }, [])
}

/** What the platform asks the page when the member taps 转发. */
export function shareMessage(): { title?: string; path?: string } | undefined {
  return [...shareHandlers].at(-1)?.current()
}

/** WeChat's one background audio player: what was set on it, and a way to fire its events. */
export const backgroundAudio = {
  src: '',
  title: '',
  epname: '',
  singer: '',
  playbackRate: 1,
  startTime: 0,
  currentTime: 0,
  handlers: new Map<string, () => void>(),
  play: jest.fn(),
  pause: jest.fn(),
  stop: jest.fn(),
  onPlay(h: () => void) {
    backgroundAudio.handlers.set('play', h)
  },
  onPause(h: () => void) {
    backgroundAudio.handlers.set('pause', h)
  },
  onStop(h: () => void) {
    backgroundAudio.handlers.set('stop', h)
  },
  onEnded(h: () => void) {
    backgroundAudio.handlers.set('ended', h)
  },
  onError(h: () => void) {
    backgroundAudio.handlers.set('error', h)
  },
  onTimeUpdate(h: () => void) {
    backgroundAudio.handlers.set('timeUpdate', h)
  },
  emit(event: 'play' | 'pause' | 'stop' | 'ended' | 'error' | 'timeUpdate') {
    backgroundAudio.handlers.get(event)?.()
  },
}
export const getBackgroundAudioManager = () => backgroundAudio

/** Answers as WeChat does: `{ [templateId]: 'accept' | 'reject' }`; set per test. */
export const requestSubscribeMessage = jest.fn(async (_options: { tmplIds: string[] }): Promise<Record<string, string>> => ({
  errMsg: 'requestSubscribeMessage:ok',
}))

/** What the platform does when the member pulls the page down. */
export function pullDownToRefresh(): void {
  pullDownHandlers.forEach((h) => h.current())
}

/** What the platform does when the member scrolls to the bottom of the page. */
export function scrollToBottom(): void {
  reachBottomHandlers.forEach((h) => h.current())
}

export const stopPullDownRefresh = jest.fn()

let routerParams: Record<string, string> = {}

/** The query of the page the next render opens. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

const currentRouter = () => ({ params: routerParams, path: '' })
export const useRouter = currentRouter

export const navigateTo = jest.fn(async (_options: { url: string }) => ({ errMsg: 'navigateTo:ok' }))
export const redirectTo = jest.fn(async (_options: { url: string }) => ({ errMsg: 'redirectTo:ok' }))
export const reLaunch = jest.fn(async (_options: { url: string }) => ({ errMsg: 'reLaunch:ok' }))
export const switchTab = jest.fn(async (_options: { url: string }) => ({ errMsg: 'switchTab:ok' }))
export const navigateBack = jest.fn(async () => ({ errMsg: 'navigateBack:ok' }))

/** Dialogs are confirmed unless a test answers otherwise (`showModal.mockResolvedValueOnce`). */
export const showModal = jest.fn(async (_options: { title?: string; content?: string; confirmText?: string }) => ({
  confirm: true,
  cancel: false,
  errMsg: 'showModal:ok',
}))
export const showToast = jest.fn(async (_options: { title: string }) => ({ errMsg: 'showToast:ok' }))
export const setClipboardData = jest.fn(async (_options: { data: string }) => ({ errMsg: 'setClipboardData:ok' }))

/** The device's storage, emptied by `resetStorage`. */
export const storage = new Map<string, unknown>()
export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''))
export const setStorageSync = jest.fn((key: string, value: unknown) => {
  storage.set(key, value)
})
export function resetStorage(): void {
  storage.clear()
}

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async () => {
    throw new Error('Taro.cloud.callFunction is not set up in this test')
  }),
  uploadFile: jest.fn(async () => {
    throw new Error('Taro.cloud.uploadFile is not set up in this test')
  }),
}

export function getEnv(): string {
  return 'WEB'
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' }

const Taro = {
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useDidHide,
  usePageScroll,
  useShareAppMessage,
  pageScrollTo,
  getWindowInfo,
  createSelectorQuery,
  createIntersectionObserver,
  getCurrentInstance,
  requestSubscribeMessage,
  getBackgroundAudioManager,
  useRouter,
  stopPullDownRefresh,
  navigateTo,
  redirectTo,
  reLaunch,
  switchTab,
  navigateBack,
  showModal,
  showToast,
  setClipboardData,
  getStorageSync,
  setStorageSync,
  cloud,
  getEnv,
  ENV_TYPE,
}

export default Taro
