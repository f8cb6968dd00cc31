import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActionOutput } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import { ROUTES } from '../../utils/routes'
import { minutesText } from '../../utils/studyTime'
import { weekRange } from '../../../types/calendar'
import ProgressBar from '../ProgressBar'
import { ErrorNotice } from '../Status'
import './index.scss'

export type MyWeekly = ActionOutput<'getMyWeekly'>

/**
 * 每周一学 at the top of 首页 and 学习: this week's list and how far the member got, as the page
 * loaded it (again when the member comes back from reading). Nothing shows in a week without a list.
 */
export default function WeeklyCard({ weekly }: { weekly: Async<MyWeekly> }) {
  if (weekly.status === 'error' && !weekly.data) {
    return (
      <View className='card weekly-card'>
        <View className='card__title'>每周一学</View>
        <ErrorNotice message={weekly.error.message} onRetry={() => void weekly.reload()} />
      </View>
    )
  }
  const list = weekly.data?.list
  if (!list) return null

  const open = () => void Taro.navigateTo({ url: ROUTES.weekly })
  return (
    <View className='card weekly-card' ariaRole='button' onClick={open}>
      <View className='card__title weekly-card__head'>
        <Text>每周一学</Text>
        <Text className='weekly-card__week'>{weekRange(list.week)}</Text>
      </View>
      <Text className='weekly-card__intro'>{list.intro}</Text>
      <View className='weekly-card__line'>
        <Text>{`必学 ${list.requiredDone}/${list.requiredCount} 项`}</Text>
        <Text className={list.finished ? 'weekly-card__state weekly-card__state--done' : 'weekly-card__state'}>
          {list.finished ? '已完成' : `还差 ${list.requiredCount - list.requiredDone} 项`}
        </Text>
      </View>
      <ProgressBar value={list.requiredDone} max={list.requiredCount} label={`必学已完成 ${list.requiredDone}/${list.requiredCount} 项`} />
      <View className='weekly-card__line'>
        <Text>{`本周已学 ${minutesText(list.weekSeconds)}`}</Text>
        <Text className={list.targetMet ? 'weekly-card__state weekly-card__state--done' : 'weekly-card__state'}>
          {list.targetMet ? '已达到目标' : `目标 ${list.targetMinutes} 分钟`}
        </Text>
      </View>
      <Text className='weekly-card__more'>查看本周清单 ›</Text>
    </View>
  )
}
