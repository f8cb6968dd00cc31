import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ActionOutput } from '../../../types'
import { durationText, wholeMinutes } from '../../../types/reading'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import PageRoot from '../../components/PageRoot'
import ProgressBar from '../../components/ProgressBar'
import { PendingCard } from '../../components/Status'
import { beijingDate, monthDay } from '../../../types/calendar'
import { bookUrl } from '../../utils/reading'
import { ROUTES } from '../../utils/routes'
import { minutesText } from '../../utils/studyTime'
import DayChart from './DayChart'
import './index.scss'

type MyStudy = ActionOutput<'getMyStudy'>

const QUARTERS = ['一', '二', '三', '四']

function Figure({ label, seconds, note }: { label: string; seconds: number; note: string }) {
  return (
    <View className='figure'>
      <Text className='figure__label'>{label}</Text>
      <Text className='figure__value'>{minutesText(seconds)}</Text>
      <Text className='figure__note'>{note}</Text>
    </View>
  )
}

function Totals({ s }: { s: MyStudy }) {
  return (
    <View className='card'>
      <View className='card__title'>学时</View>
      <View className='figures'>
        <Figure label='今年' seconds={s.year.seconds} note={`${s.year.key} 年`} />
        <Figure label='本季度' seconds={s.quarter.seconds} note={`第${QUARTERS[Number(s.quarter.key.slice(-1)) - 1]}季度`} />
        <Figure label='本周' seconds={s.week.seconds} note={`${monthDay(s.week.key)}起`} />
      </View>
      <Text className='my-study__today'>{`今天已学 ${durationText(s.todaySeconds)}`}</Text>
    </View>
  )
}

function WeeklyTarget({ s }: { s: MyStudy }) {
  const { minutes, met } = s.weeklyTarget
  return (
    <View className={`card weekly-target${met ? ' weekly-target--met' : ''}`}>
      <View className='card__title'>每周目标</View>
      <Text className='weekly-target__state'>{met ? '本周目标已达成' : `本周还差 ${minutes - wholeMinutes(s.week.seconds)} 分钟`}</Text>
      <Text className='weekly-target__text'>{`本周已学 ${minutesText(s.week.seconds)}，目标每周 ${minutes} 分钟`}</Text>
      <ProgressBar value={s.week.seconds} max={minutes * 60} label={`本周已学 ${minutesText(s.week.seconds)}`} />
    </View>
  )
}

function ByCategory({ rows }: { rows: MyStudy['byCategory'] }) {
  const most = rows[0]?.seconds ?? 0
  return (
    <View className='card'>
      <View className='card__title'>今年各类学时</View>
      {rows.length === 0 && <Text className='muted'>今年还没有学时</Text>}
      {rows.map((c) => (
        <View key={c.categoryId} className='category-time'>
          <View className='category-time__head'>
            <Text>{c.categoryName}</Text>
            <Text className='category-time__minutes'>{minutesText(c.seconds)}</Text>
          </View>
          {/* As long as its share of the first (the most studied) category. */}
          <ProgressBar value={c.seconds} max={most} label={`${c.categoryName} ${minutesText(c.seconds)}`} />
        </View>
      ))}
    </View>
  )
}

function RequiredBooks({ books, year }: { books: MyStudy['requiredBooks']; year: string }) {
  return (
    <View className='card'>
      <View className='card__title'>{`${year} 年必读书目`}</View>
      {books.length === 0 && <Text className='muted'>今年没有布置必读书目</Text>}
      {books.map((b) => (
        <View key={b.bookId} className='required-book' ariaRole='button' onClick={() => void Taro.navigateTo({ url: bookUrl(b.bookId) })}>
          <View className='required-book__head'>
            <Text className='required-book__title'>{`《${b.title}》`}</Text>
            <Text className={b.completed ? 'tag tag--green' : 'required-book__count'}>
              {b.completed ? '已读完' : `${b.completedChapters}/${b.chapterCount} 章`}
            </Text>
          </View>
          <ProgressBar value={b.completedChapters} max={b.chapterCount} label={`已完成 ${b.completedChapters}/${b.chapterCount} 章`} />
        </View>
      ))}
    </View>
  )
}

function BooksCompleted({ books }: { books: MyStudy['booksCompleted'] }) {
  return (
    <View className='card'>
      <View className='card__title'>{`读完的书（${books.length} 本）`}</View>
      {books.length === 0 && <Text className='muted'>还没有读完的书，去「学习」页挑一本吧</Text>}
      {books.map((b) => (
        <View key={b.bookId} className='pair-row'>
          <Text className='done-book__title'>{`《${b.title}》`}</Text>
          <Text className='done-book__at'>{`${beijingDate(b.completedAt)}读完`}</Text>
        </View>
      ))}
    </View>
  )
}

function Record({ s }: { s: MyStudy }) {
  return (
    <>
      <Totals s={s} />
      <WeeklyTarget s={s} />
      <View className='card'>
        <View className='card__title'>最近 15 天</View>
        <DayChart days={s.last15Days} today={s.today} />
      </View>
      <ByCategory rows={s.byCategory} />
      <RequiredBooks books={s.requiredBooks} year={s.year.key} />
      <BooksCompleted books={s.booksCompleted} />
    </>
  )
}

export default function MyStudyPage() {
  const study = useAsync(() => callFunction('getMyStudy', {}))
  // Back from a required book or the reader: the figures may have grown.
  useRefreshOnReturn(study.reload)
  usePullDownRefresh(() => {
    void study.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageRoot className='my-study'>
      {study.data ? <Record s={study.data} /> : <PendingCard error={study.error} onRetry={study.reload} />}
      <View className='rules-link' ariaRole='button' onClick={() => void Taro.navigateTo({ url: ROUTES.studyRules })}>
        学时怎么算？查看学习规则 ›
      </View>
    </PageRoot>
  )
}
