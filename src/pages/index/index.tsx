import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { focus, useAsync } from '../../hooks/useAsync'
import { isHeld, isNotMember, useProfileFrom } from '../../hooks/useMe'
import { useSharedWeek, type Week } from '../../hooks/useSharedWeek'
import PageRoot from '../../components/PageRoot'
import { ErrorNotice } from '../../components/Status'
import Greeting from '../../components/Greeting'
import NotRegistered from '../../components/NotRegistered'
import CheckInCard from '../../components/CheckInCard'
import CheckInHistory from '../../components/CheckInHistory'
import TodayFeed from '../../components/TodayFeed'
import WeeklyCard from '../../components/WeeklyCard'
import QuizEntry from '../../components/QuizEntry'
import ShareCard from '../../components/ShareCard'
import { useSharedCard } from '../../hooks/useSharedCard'
import { streakCard } from '../../utils/shareCard'
import './index.scss'

/**
 * 首页: one call (getHome) for its cards and the member's profile, which the pages opened after it
 * share; back from reading, only the week's progress is asked again, unless the 每周一学 page just did.
 */
export default function Index() {
  // Back from reading, the week's progress: as the 每周一学 page just asked it, or asked again.
  const week = useSharedWeek(showWeek, () =>
    callFunction('getMyWeekly', home.data?.weekly.list ? { listId: home.data.weekly.list.listId } : {}).then(
      (answer) => {
        week.shown(answer)
        showWeek(answer)
      },
      // The card keeps what it showed; the next pull-down asks again.
      () => undefined,
    ),
  )
  const home = useAsync(() =>
    callFunction('getHome', {}).then((answer) => {
      week.shown(answer.weekly)
      return answer
    }),
  )
  const me = useProfileFrom(home)
  const summary = focus(
    home,
    (h) => h.checkIn,
    (h, checkIn) => ({ ...h, checkIn }),
  )
  const today = focus(
    home,
    (h) => h.today,
    (h, today) => ({ ...h, today }),
  )
  const weekly = focus(
    home,
    (h) => h.weekly,
    (h, weekly) => ({ ...h, weekly }),
  )
  function showWeek(answer: Week) {
    home.update((h) => ({ ...h, weekly: answer }))
  }

  const share = useSharedCard()

  usePullDownRefresh(() => {
    void home.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (isNotMember(me)) {
    return (
      <PageRoot className='home'>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
      </PageRoot>
    )
  }

  return (
    <PageRoot className='home'>
      <Greeting me={me} />
      {home.status === 'error' && !home.data ? (
        <View className='card'>
          <ErrorNotice message={home.error.message} onRetry={() => void home.reload()} />
        </View>
      ) : (
        <>
          <WeeklyCard weekly={weekly} />
          <TodayFeed today={today} />
          <CheckInCard summary={summary} subscriptions={home.data?.subscriptions ?? []} />
          <QuizEntry />
        </>
      )}

      {summary.data && <CheckInHistory current={summary.data} />}
      {summary.data && summary.data.streak > 0 && me.data && (
        <ShareCard cards={[streakCard(summary.data.streak)]} name={me.data.displayName ?? me.data.name} onReady={share} />
      )}
    </PageRoot>
  )
}
