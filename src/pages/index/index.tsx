import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isNotRegistered, useMe } from '../../hooks/useMe'
import PageRoot from '../../components/PageRoot'
import Greeting from '../../components/Greeting'
import NotRegistered from '../../components/NotRegistered'
import CheckInCard from '../../components/CheckInCard'
import MonthCalendar from '../../components/MonthCalendar'
import TodayFeed from '../../components/TodayFeed'
import WeeklyCard from '../../components/WeeklyCard'
import './index.scss'

export default function Index() {
  const me = useMe()
  const summary = useAsync(() => callFunction('getCheckInSummary', {}))
  const today = useAsync(() => callFunction('getToday', {}))

  const reloadAll = () => Promise.all([me.reload(), summary.reload(), today.reload()])

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
      <WeeklyCard />

      <TodayFeed today={today} />

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
    </PageRoot>
  )
}
