import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { PagedList } from '../../hooks/usePagedList'
import ListFooter from '../../components/ListFooter'
import LoadError from './LoadError'

interface Props<T> {
  list: PagedList<T>
  /** Said when the list is empty. */
  empty: string
  children: (item: T) => ReactNode
}

/** A paged list in a card: its rows and footer, or the failed first page (没有权限, or 重试). */
export default function ListCard<T>({ list, empty, children }: Props<T>) {
  return (
    <View className='card'>
      {list.status === 'error' && list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : (
        <>
          {list.items.map(children)}
          <ListFooter list={list} empty={empty} />
        </>
      )}
    </View>
  )
}
