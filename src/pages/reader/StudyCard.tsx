import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BookProgress, ItemProgress } from '../../../types'
import { durationText } from '../../../types/reading'
import ProgressBar from '../../components/ProgressBar'
import { ROUTES } from '../../utils/routes'
import { minutesText } from '../../utils/studyTime'
import type { Readable } from './readable'

/** The heartbeat that completed the item: its credited time, and whether it finished the book. */
export interface Completion {
  seconds: number
  bookCompleted: boolean
}

interface Props {
  item: Readable
  progress: ItemProgress
  /** Credited today over everything, once a heartbeat said. */
  todaySeconds: number | null
  /** The book's progress, once a heartbeat said (chapters). */
  book: BookProgress | null
  completion: Completion | null
  completionText: string | null
  /** Why study time is not being recorded right now. */
  error: string | null
  /** Read on this page and not yet sent to the server. */
  unsentSeconds: number
}

/** 学时: what the server has credited for this item, and what completes it. */
export default function StudyCard({ item, progress, todaySeconds, book, completion, completionText, error, unsentSeconds }: Props) {
  const noun = item.kind === 'chapter' ? '本章' : '本篇'
  return (
    <View className='card reader__study'>
      {completionText && (
        <View className='reader__done' ariaRole='alert'>
          <Text className='reader__done-text'>{completionText}</Text>
          {completion?.bookCompleted && item.book && <Text className='reader__done-book'>{`《${item.book.title}》全书读完了！`}</Text>}
        </View>
      )}
      <Text className='reader__credited'>{`${noun}已计入学时 ${durationText(progress.creditedSeconds)}`}</Text>
      {unsentSeconds > 0 && <Text className='reader__unsent'>{`本次又读了 ${durationText(unsentSeconds)}，稍后自动计入`}</Text>}
      {progress.completed ? (
        !completionText && <Text className='reader__state reader__state--done'>{`✓ ${noun}已完成`}</Text>
      ) : (
        <Text className='reader__state'>
          {`读到末尾并累计满 ${durationText(progress.completeAtSeconds)}，${noun}即完成${progress.reachedEnd ? '（已读到末尾）' : ''}`}
        </Text>
      )}
      {book && item.book && (
        <View className='reader__book'>
          <Text className='reader__book-text'>{`《${item.book.title}》已完成 ${book.completedChapters}/${book.chapterCount} 章`}</Text>
          <ProgressBar value={book.completedChapters} max={book.chapterCount} label={`已完成 ${book.completedChapters}/${book.chapterCount} 章`} />
        </View>
      )}
      {todaySeconds !== null && <Text className='reader__today'>{`今天共计入 ${minutesText(todaySeconds)}`}</Text>}
      {error && <Text className='reader__error'>{`学时暂未记录：${error}`}</Text>}
      <Text className='reader__rules-link' onClick={() => void Taro.navigateTo({ url: ROUTES.studyRules })}>
        学时怎么算？
      </Text>
    </View>
  )
}
