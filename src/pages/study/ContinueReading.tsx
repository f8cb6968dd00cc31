import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ContinueItem } from '../../../types'
import { chapterPlace } from '../../../types/reading'
import type { Async } from '../../hooks/useAsync'
import { ErrorNotice } from '../../components/Status'
import { positionText, readerUrl } from '../../utils/reading'
import { minutesText } from '../../utils/studyTime'

const where = (item: ContinueItem) => (item.kind === 'chapter' ? chapterPlace(item.bookTitle ?? '', item.chapterOrder ?? 0, item.title) : '文章')

/** 继续学习: what the member started and has not finished, most recent first; hidden when there is none. */
export default function ContinueReading({ items }: { items: Async<{ items: ContinueItem[] }> }) {
  if (items.status === 'error' && !items.data) {
    return (
      <View className='card'>
        <View className='card__title'>继续学习</View>
        <ErrorNotice message={items.error.message} onRetry={items.reload} />
      </View>
    )
  }
  if (!items.data || items.data.items.length === 0) return null
  return (
    <View className='card continue'>
      <View className='card__title'>继续学习</View>
      {items.data.items.map((item) => (
        <View
          key={`${item.kind}-${item._id}`}
          className='continue__item'
          ariaRole='button'
          onClick={() => void Taro.navigateTo({ url: readerUrl(item.kind, item._id) })}
        >
          <View className='continue__text'>
            <Text className='continue__title'>{item.title}</Text>
            <Text className='continue__meta'>{`${where(item)} · ${positionText(item.position)} · 已学 ${minutesText(item.creditedSeconds)}`}</Text>
          </View>
          <Text className='continue__go'>继续 ›</Text>
        </View>
      ))}
    </View>
  )
}
