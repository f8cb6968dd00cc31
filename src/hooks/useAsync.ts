import { useCallback, useEffect, useRef, useState } from 'react'
import { CloudError, toCloudError } from '../services/errors'

export type AsyncState<T> =
  { status: 'loading'; data?: T; error?: undefined } | { status: 'ok'; data: T; error?: undefined } | { status: 'error'; data?: T; error: CloudError }

export type Async<T> = AsyncState<T> & {
  /** Loads again; earlier data stays visible until the new answer arrives. */
  reload: () => Promise<void>
  /** Updates loaded data in place (after a change the server already confirmed). */
  update: (change: (data: T) => T) => void
}

/** Runs `load` on mount and on `reload`, keeping only the latest answer. */
export function useAsync<T>(load: () => Promise<T>): Async<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const loadRef = useRef(load)
  loadRef.current = load
  const latest = useRef(0)
  const mounted = useRef(true)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ status: 'loading', data: s.data }))
    try {
      const data = await loadRef.current()
      if (mounted.current && ticket === latest.current) setState({ status: 'ok', data })
    } catch (error) {
      if (mounted.current && ticket === latest.current) {
        setState((s) => ({ status: 'error', data: s.data, error: toCloudError(error) }))
      }
    }
  }, [])

  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.status === 'ok' ? { status: 'ok', data: change(s.data) } : s))
  }, [])

  useEffect(() => {
    mounted.current = true
    void reload()
    return () => {
      mounted.current = false
    }
  }, [reload])

  return { ...state, reload, update }
}

/**
 * A part of loaded data as an Async of its own (a card of a page loaded in one call): the whole's
 * status, error and reload; its updates write the part back into the whole.
 */
export function focus<T, U>(whole: Async<T>, get: (data: T) => U, put: (data: T, part: U) => T): Async<U> {
  const data = whole.data === undefined ? undefined : get(whole.data)
  return { ...whole, data, update: (change) => whole.update((d) => put(d, change(get(d)))) } as Async<U>
}
