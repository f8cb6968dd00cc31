import Taro from '@tarojs/taro'

/**
 * 大字模式: one value for the whole app. It is kept on the device (so the app opens in the right
 * size before the network answers) and in the member's profile (so it follows them); every page's
 * root reads it through `useLargeFont` (see components/PageRoot).
 */
export const LARGE_FONT_KEY = 'xxq.largeFont'

type Listener = () => void
const listeners = new Set<Listener>()
let current: boolean | undefined
/** Saves of the member's own choice still on their way: an older answer from the server must not undo it. */
let saving = 0

function readStored(): boolean {
  try {
    return Taro.getStorageSync(LARGE_FONT_KEY) === true
  } catch {
    return false
  }
}

export function getLargeFont(): boolean {
  if (current === undefined) current = readStored()
  return current
}

export function subscribeLargeFont(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function apply(value: boolean): void {
  if (value === getLargeFont()) return
  current = value
  try {
    Taro.setStorageSync(LARGE_FONT_KEY, value)
  } catch {
    // Storage full or unavailable: the size still applies for this session.
  }
  listeners.forEach((listener) => listener())
}

/** The preference saved in the member's profile (from getMe or updateProfile). */
export function adoptSavedLargeFont(value: boolean): void {
  if (saving === 0) apply(value)
}

/**
 * The member switched 大字模式: applied and kept on the device at once, then saved to the profile
 * by `save`; put back as it was if saving fails (the error is passed on).
 */
export async function changeLargeFont(value: boolean, save: (value: boolean) => Promise<void>): Promise<void> {
  const before = getLargeFont()
  apply(value)
  saving += 1
  try {
    await save(value)
  } catch (error) {
    apply(before)
    throw error
  } finally {
    saving -= 1
  }
}
