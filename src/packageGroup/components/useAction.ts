import { useState } from 'react'
import Taro from '@tarojs/taro'
import { toCloudError } from '../../services/errors'

/**
 * One change at a time against the server: `busy` while it runs; a refusal stays on the page in
 * `error` (a toast would vanish before an elderly member has read it), the next attempt clears it.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function run<T>(change: () => Promise<T>, done?: string): Promise<T | undefined> {
    if (busy) return undefined
    setBusy(true)
    setError(null)
    try {
      const result = await change()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      return result
    } catch (err) {
      setError(toCloudError(err).message)
      return undefined
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, run, clearError: () => setError(null) }
}
