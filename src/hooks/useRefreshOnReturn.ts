import { useDidShow } from '@tarojs/taro'

/**
 * Loads again when the member comes back to the page (from the reader, say), since the progress it
 * shows may have moved. The page's first show, while its first load is under way, loads nothing more.
 */
export function useRefreshOnReturn(refresh: () => Promise<void>, loaded: boolean): void {
  useDidShow(() => {
    if (loaded) void refresh()
  })
}
