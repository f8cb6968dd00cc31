import { Text, View } from '@tarojs/components'
import type { DaySeconds } from '../../../types'
import { wholeMinutes } from '../../../types/reading'
import { monthDay } from '../../../types/calendar'
import { minutesText, percentOf } from '../../utils/studyTime'

/** The last 15 days as bars, each as tall as its share of the busiest day; today's in red. */
export default function DayChart({ days, today }: { days: DaySeconds[]; today: string }) {
  const most = Math.max(0, ...days.map((d) => d.seconds))
  return (
    <View className='day-chart'>
      <View className='day-chart__bars'>
        {days.map((d) => (
          <View key={d.day} className='day-chart__column' ariaLabel={`${monthDay(d.day)} ${minutesText(d.seconds)}`}>
            <Text className='day-chart__value'>{d.seconds >= 60 ? wholeMinutes(d.seconds) : ''}</Text>
            <View className='day-chart__track'>
              <View className={`day-chart__bar${d.day === today ? ' day-chart__bar--today' : ''}`} style={{ height: percentOf(d.seconds, most) }} />
            </View>
            <Text className='day-chart__day'>{d.day === today ? '今' : Number(d.day.slice(8))}</Text>
          </View>
        ))}
      </View>
      <Text className='day-chart__note'>{most === 0 ? '最近 15 天还没有学时' : `${monthDay(days[0].day)}至今，柱上数字为当天学习的分钟数`}</Text>
    </View>
  )
}
