import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isNotRegistered, useMe } from '../../hooks/useMe'
import { ErrorNotice, Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import Greeting from '../../components/Greeting'
import NotRegistered from '../../components/NotRegistered'
import CheckInCard from '../../components/CheckInCard'
import MonthCalendar from '../../components/MonthCalendar'
import ArticleList from '../../components/ArticleList'
import './index.scss'

const LATEST_ARTICLES = 5

export default function Index() {
  const me = useMe()
  const summary = useAsync(() => callFunction('getCheckInSummary', {}))
  const articles = useAsync(() => callFunction('listArticles', { limit: LATEST_ARTICLES }))

  const reloadAll = () => Promise.all([me.reload(), summary.reload(), articles.reload()])

  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh())
  })

  if (isNotRegistered(me)) {
    return (
      <PageRoot className='home'>
        <NotRegistered />
      </PageRoot>
    )
  }

  return (
    <PageRoot className='home'>
      <Greeting me={me} onRetry={() => void reloadAll()} />

      <CheckInCard summary={summary} />

      {summary.data && (
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
    </PageRoot>
  )
}
