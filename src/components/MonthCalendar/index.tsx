import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  /** `YYYY-MM`, given by the server. */
  month: string
  /** `YYYY-MM-DD`, given by the server. */
  today: string
  /** Weekday of the 1st, 0 = Monday. */
  firstWeekday: number
  daysInMonth: number
  checkedDays: string[]
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

const pad = (n: number) => (n < 10 ? `0${n}` : String(n))

/** The month as a Monday-first grid; checked days filled, today outlined. */
export default function MonthCalendar({ month, today, firstWeekday, daysInMonth, checkedDays }: Props) {
  const [year, monthNumber] = month.split('-')
  const checked = new Set(checkedDays)
  const days = Array.from({ length: daysInMonth }, (_, i) => i + 1)
  const checkedCount = days.filter((d) => checked.has(`${month}-${pad(d)}`)).length

  return (
    <View className='month-calendar'>
      <View className='month-calendar__head'>
        <Text className='month-calendar__month'>{`${year}年${Number(monthNumber)}月`}</Text>
        <Text className='month-calendar__count'>{`${today.startsWith(`${month}-`) ? '本月' : `${Number(monthNumber)}月`}已打卡 ${checkedCount} 天`}</Text>
      </View>
      <View className='month-calendar__grid'>
        {WEEKDAYS.map((w) => (
          <View key={w} className='month-calendar__cell month-calendar__weekday'>
            {w}
          </View>
        ))}
        {Array.from({ length: firstWeekday }, (_, i) => (
          <View key={`blank-${i}`} className='month-calendar__cell' />
        ))}
        {days.map((d) => {
          const key = `${month}-${pad(d)}`
          const isChecked = checked.has(key)
          const isToday = key === today
          const className = [
            'month-calendar__cell',
            'month-calendar__day',
            isChecked ? 'month-calendar__day--checked' : '',
            isToday ? 'month-calendar__day--today' : '',
          ]
            .filter(Boolean)
            .join(' ')
          const label = `${Number(monthNumber)}月${d}日${isToday ? '（今天）' : ''}${isChecked ? '，已打卡' : ''}`
          return (
            <View key={key} className={className} data-day={key} ariaLabel={label}>
              <Text className='month-calendar__num'>{d}</Text>
            </View>
          )
        })}
      </View>
      <View className='month-calendar__legend'>
        <View className='month-calendar__legend-item'>
          <View className='month-calendar__swatch month-calendar__swatch--checked' />
          <Text>已打卡</Text>
        </View>
        <View className='month-calendar__legend-item'>
          <View className='month-calendar__swatch month-calendar__swatch--today' />
          <Text>今天</Text>
        </View>
      </View>
    </View>
  )
}
