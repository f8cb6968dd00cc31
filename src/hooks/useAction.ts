import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { toCloudError } from '../services/errors'

export interface Action {
  busy: boolean
  /** Why the last attempt failed (the server's own words), until the next attempt. */
  error: string | null
  /**
   * Runs `change` unless another change is running; answers its result, or undefined when it
   * failed or did not run. `done`, when given, is toasted on success.
   */
  run<T>(change: () => Promise<T>, done?: string): Promise<T | undefined>
  clearError(): void
}

/**
 * One change at a time against the server: `busy` while it runs; a refusal stays on the page in
 * `error` (a toast would vanish before an elderly member has read it), the next attempt clears it.
 * Whatever was typed stays as it was either way.
 */
export function useAction(): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const running = useRef(false)

  async function run<T>(change: () => Promise<T>, done?: string): Promise<T | undefined> {
    if (running.current) return undefined
    running.current = true
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
      running.current = false
      setBusy(false)
    }
  }

  return { busy, error, run, clearError: () => setError(null) }
}
