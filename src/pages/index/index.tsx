import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import Greeting, { isNotRegistered } from '../../components/Greeting'
import CheckInCard from '../../components/CheckInCard'
import MonthCalendar from '../../components/MonthCalendar'
import ArticleList from '../../components/ArticleList'
import { ErrorNotice, Loading } from '../../components/Status'
import './index.scss'

const LATEST_ARTICLES = 5

export default function Index() {
  const me = useAsync(() => callFunction('getMe', {}))
  const summary = useAsync(() => callFunction('getCheckInSummary', {}))
  const articles = useAsync(() => callFunction('listArticles', { limit: LATEST_ARTICLES }))

  const reloadAll = () => Promise.all([me.reload(), summary.reload(), articles.reload()])

  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })

  const registered = !isNotRegistered(me)

  return (
    <View className='page home'>
      <Greeting me={me} onRetry={() => void reloadAll()} />

      {registered && <CheckInCard summary={summary} />}

      {registered && summary.data && (
        <View className='card'>
          <View className='card__title'>本月打卡</View>
          <MonthCalendar
            month={summary.data.month}
            today={summary.data.today}
            firstWeekday={summary.data.firstWeekday}
            daysInMonth={summary.data.daysInMonth}
            checkedDays={summary.data.checkedDays}
          />
        </View>
      )}

      <View className='card'>
        <View className='card__title'>最新学习</View>
        {articles.data ? (
          <ArticleList items={articles.data.items} />
        ) : articles.status === 'error' ? (
          <ErrorNotice message={articles.error.message} onRetry={articles.reload} />
        ) : (
          <Loading />
        )}
      </View>
    </View>
  )
}
