import { Button, Text, View } from '@tarojs/components'
import type { PagedList } from '../../hooks/usePagedList'
import { ErrorNotice, Loading } from '../Status'
import './index.scss'

interface Props<T> {
  list: PagedList<T>
  /** Said when the list is empty. */
  empty: string
}

/** Below a paged list: loading, empty, 「加载更多」, a failed page with 重试, or the end. */
export default function ListFooter<T>({ list, empty }: Props<T>) {
  if (list.status === 'loading') return <Loading />
  if (list.status === 'error') return <ErrorNotice message={list.error?.message ?? ''} onRetry={() => void list.reload()} />
  if (list.items.length === 0) return <Text className='list-footer list-footer--empty'>{empty}</Text>
  if (list.moreError) return <ErrorNotice message={list.moreError.message} onRetry={() => void list.loadMore()} />
  if (list.loadingMore) return <Loading text='正在加载更多…' />
  if (list.hasMore) {
    return (
      <View className='list-footer'>
        <Button className='plain-button list-footer__more' onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      </View>
    )
  }
  return <Text className='list-footer list-footer--end'>{`已经到底了，共 ${list.items.length} 条`}</Text>
}
