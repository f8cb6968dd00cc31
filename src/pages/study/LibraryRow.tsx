import { Text, View } from '@tarojs/components'
import type { LibraryItem } from '../../../types'
import BookCover from '../../components/BookCover'
import { chineseDay } from '../../../types/calendar'

function Badges({ item }: { item: LibraryItem }) {
  return (
    <View className='library-row__badges'>
      {item.requirement === 'required' && <Text className='tag tag--red'>必修</Text>}
      {item.requirement === 'elective' && <Text className='tag'>选修</Text>}
      {item.recommended && <Text className='tag tag--gold'>推荐</Text>}
      {item.hasAudio && <Text className='tag tag--blue'>可收听</Text>}
      {item.completed && <Text className='tag tag--green'>已读完</Text>}
    </View>
  )
}

function details(item: LibraryItem): string {
  const parts =
    item.kind === 'book'
      ? [item.author ?? '', item.categoryName, `${item.chapterCount} 章`, `约 ${item.minutes} 分钟`]
      : [item.categoryName, item.publishedOn ? chineseDay(item.publishedOn) : '', `约 ${item.minutes} 分钟`]
  return parts.filter(Boolean).join(' · ')
}

function progress(item: LibraryItem): string | null {
  // Each member counts once a day: visits, not people (人次).
  if (item.readers30d !== null) return `近 30 天 ${item.readers30d} 人次学习`
  if (item.kind === 'book' && !item.completed && item.completedChapters > 0) {
    return `已读 ${item.completedChapters}/${item.chapterCount} 章`
  }
  return null
}

/** One book or article of the library: cover, title, details, badges, the member's progress. */
export default function LibraryRow({ item, onOpen }: { item: LibraryItem; onOpen: () => void }) {
  const note = progress(item)
  return (
    <View className='library-row' ariaRole='button' onClick={onOpen}>
      {item.kind === 'book' && <BookCover title={item.title} url={item.coverUrl} className='library-row__cover' />}
      <View className='library-row__text'>
        <Text className='library-row__title'>{item.title}</Text>
        <Text className='library-row__meta'>{details(item)}</Text>
        <Badges item={item} />
        {note && <Text className='library-row__note'>{note}</Text>}
      </View>
    </View>
  )
}
