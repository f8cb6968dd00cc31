import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ArticleCard, ActionOutput } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import { monthDay } from '../../../types/calendar'
import { readerUrl } from '../../utils/reading'
import { ErrorNotice, Loading } from '../Status'
import './index.scss'

export type Today = ActionOutput<'getToday'>

const open = (article: ArticleCard) => void Taro.navigateTo({ url: readerUrl('article', article._id) })

function meta(article: ArticleCard): string {
  return [article.source, `约 ${article.minutes} 分钟`, article.hasAudio ? '可收听' : ''].filter(Boolean).join(' · ')
}

/** Today's pushed article, large: the one thing to read today. */
function TodayArticle({ article }: { article: ArticleCard }) {
  return (
    <View className='today-feed__today' ariaRole='link' onClick={() => open(article)}>
      <Text className='today-feed__today-title'>{article.title}</Text>
      {article.summary !== '' && <Text className='today-feed__summary'>{article.summary}</Text>}
      <View className='today-feed__row'>
        <Text className='today-feed__meta'>{meta(article)}</Text>
        <Text className='today-feed__go'>开始阅读 ›</Text>
      </View>
    </View>
  )
}

function ArticleRow({ article }: { article: ArticleCard }) {
  return (
    <View className='today-feed__item' ariaRole='link' onClick={() => open(article)}>
      <Text className='today-feed__title'>{article.title}</Text>
      <Text className='today-feed__meta'>{meta(article)}</Text>
    </View>
  )
}

/** 今日学习: today's push first and prominent, then the pushes of the week before, day by day, then 推荐阅读 (what organisers recommended). */
export default function TodayFeed({ today }: { today: Async<Today> }) {
  if (!today.data) {
    return (
      <View className='card today-feed'>
        <View className='card__title'>今日学习</View>
        {today.status === 'error' ? <ErrorNotice message={today.error.message} onRetry={today.reload} /> : <Loading text='正在加载今日学习…' />}
      </View>
    )
  }
  const { push, recent, recommended } = today.data
  return (
    <>
      <View className='card today-feed'>
        <View className='card__title'>今日学习</View>
        {push ? (
          push.items.map((article) => <TodayArticle key={article._id} article={article} />)
        ) : (
          <Text className='today-feed__empty'>{recent.length > 0 ? '今天的学习内容每天早上 7:30 推送，先看看最近的吧' : '暂时还没有推送的学习内容'}</Text>
        )}
      </View>
      {recent.length > 0 && (
        <View className='card today-feed'>
          <View className='card__title'>最近一周</View>
          {recent.map((day) => (
            <View key={day.day} className='today-feed__day'>
              <Text className='today-feed__day-label'>{monthDay(day.day)}</Text>
              {day.items.map((article) => (
                <ArticleRow key={article._id} article={article} />
              ))}
            </View>
          ))}
        </View>
      )}
      {recommended.length > 0 && (
        <View className='card today-feed'>
          <View className='card__title'>推荐阅读</View>
          {recommended.map((article) => (
            <ArticleRow key={article._id} article={article} />
          ))}
        </View>
      )}
    </>
  )
}
