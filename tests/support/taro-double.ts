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

export const usePullDownRefresh = pageHook(pullDownHandlers)
export const useReachBottom = pageHook(reachBottomHandlers)

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

export function useRouter() {
  return { params: routerParams, path: '' }
}

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
