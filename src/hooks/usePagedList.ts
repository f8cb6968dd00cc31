import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { CloudError, toCloudError } from '../services/errors'

/** One page of a keyset-paged list, as the cloud functions answer it. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedList<T> {
  items: T[]
  /** The first page: loading, loaded, or failed. */
  status: 'loading' | 'ok' | 'error'
  error?: CloudError
  /** More pages wait on the server. */
  hasMore: boolean
  loadingMore: boolean
  /** Loading a further page failed (the items so far stay). */
  moreError?: CloudError
  /** Starts again from the first page. */
  reload: () => Promise<void>
  loadMore: () => Promise<void>
  /** Changes loaded items in place (after a change the server confirmed). */
  update: (change: (items: T[]) => T[]) => void
}

interface State<T> {
  items: T[]
  status: PagedList<T>['status']
  error?: CloudError
  cursor: string | null
  loadingMore: boolean
  moreError?: CloudError
}

const START: State<never> = { items: [], status: 'loading', cursor: null, loadingMore: false }

/**
 * A paged list on a page: loads the first page when mounted and whenever `key` changes (a search
 * or a filter), the next one on 「加载更多」 or when the member scrolls to the bottom, and starts
 * again on pull-down. Answers to an older search are dropped. `initial`: the first page came with
 * the page's own call, so the mount loads nothing.
 */
export function usePagedList<T>(load: (cursor?: string) => Promise<Page<T>>, key = '', initial?: Page<T>): PagedList<T> {
  const [state, setState] = useState<State<T>>(() => (initial ? { items: initial.items, status: 'ok', cursor: initial.nextCursor, loadingMore: false } : START))
  const given = useRef(initial !== undefined)
  const loadRef = useRef(load)
  loadRef.current = load
  const ticket = useRef(0)
  const busy = useRef(false)
  const stateRef = useRef(state)
  stateRef.current = state

  /** `keep`: the items so far stay visible until the new first page arrives (pull-down). */
  const start = useCallback(async (keep: boolean) => {
    const mine = ++ticket.current
    busy.current = false
    setState((s) => ({ ...START, items: keep ? s.items : [] }))
    try {
      const page = await loadRef.current()
      if (mine === ticket.current) setState({ items: page.items, status: 'ok', cursor: page.nextCursor, loadingMore: false })
    } catch (error) {
      if (mine === ticket.current) setState({ ...START, status: 'error', error: toCloudError(error) })
    }
  }, [])

  const reload = useCallback(() => start(true), [start])

  const loadMore = useCallback(async () => {
    const { status, cursor } = stateRef.current
    if (busy.current || status !== 'ok' || !cursor) return
    busy.current = true
    const mine = ticket.current
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }))
    try {
      const page = await loadRef.current(cursor)
      if (mine === ticket.current) {
        setState((s) => ({ ...s, items: [...s.items, ...page.items], cursor: page.nextCursor, loadingMore: false }))
      }
    } catch (error) {
      if (mine === ticket.current) setState((s) => ({ ...s, loadingMore: false, moreError: toCloudError(error) }))
    } finally {
      if (mine === ticket.current) busy.current = false
    }
  }, [])

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => ({ ...s, items: change(s.items) }))
  }, [])

  useEffect(() => {
    if (given.current) {
      given.current = false
      return
    }
    void start(false)
  }, [start, key])

  useEffect(
    () => () => {
      ticket.current += 1
    },
    [],
  )

  useReachBottom(() => void loadMore())
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.status === 'ok' && state.cursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    reload,
    loadMore,
    update,
  }
}
