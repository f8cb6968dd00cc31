import Taro from '@tarojs/taro'

/**
 * Where a member stopped listening to an item, kept on the phone: the next 播放 goes on from
 * there. Storage that fails (full, private mode) only means starting from the beginning.
 */
const keyOf = (item: string) => `listen:${item}`

export function listenedAt(item: string): number {
  try {
    const stored = Taro.getStorageSync(keyOf(item))
    return typeof stored === 'number' && stored > 0 ? stored : 0
  } catch {
    return 0
  }
}

export function rememberListened(item: string, seconds: number): void {
  try {
    Taro.setStorageSync(keyOf(item), Math.floor(seconds))
  } catch {
    // Nothing to keep it in: the next play starts from the beginning.
  }
}
