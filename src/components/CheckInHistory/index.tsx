import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../types'
import { addMonths, monthDay } from '../../../types/calendar'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import MonthCalendar from '../MonthCalendar'
import { ErrorNotice, Loading } from '../Status'
import './index.scss'

type Summary = ActionOutput<'getCheckInSummary'>

/**
 * 打卡记录: this month's calendar (as 首页 loaded it), earlier months a tap away, and each month's
 * reflections to read again. A month never comes after the current one.
 */
export default function CheckInHistory({ current }: { current: Summary }) {
  const [shown, setShown] = useState<Summary>(current)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // The current month follows 首页 (a check-in just made shows at once).
  const view = shown.month === current.month ? current : shown

  async function go(months: number) {
    const month = addMonths(view.month, months)
    if (month === current.month) {
      setShown(current)
      return
    }
    setLoading(true)
    setError(null)
    try {
      setShown(await callFunction('getCheckInSummary', { month }))
    } catch (e) {
      setError(toCloudError(e).message)
    } finally {
      setLoading(false)
    }
  }

  return (
    <View className='card check-in-history'>
      <View className='card__title'>打卡记录</View>
      <View className='check-in-history__nav'>
        <Button className='plain-button check-in-history__step' disabled={loading} onClick={() => void go(-1)}>
          ‹ 上个月
        </Button>
        {view.month !== current.month && (
          <Button className='plain-button check-in-history__step' disabled={loading} onClick={() => void go(1)}>
            下个月 ›
          </Button>
        )}
      </View>
      {error && <ErrorNotice message={error} />}
      {loading ? (
        <Loading text='正在加载…' />
      ) : (
        <>
          <MonthCalendar month={view.month} today={view.today} firstWeekday={view.firstWeekday} daysInMonth={view.daysInMonth} checkedDays={view.checkedDays} />
          <View className='check-in-history__reflections'>
            <Text className='check-in-history__label'>这个月的学习心得</Text>
            {view.reflections.length === 0 ? (
              <Text className='muted'>这个月还没有写心得</Text>
            ) : (
              view.reflections.map((r) => (
                <View key={r.day} className='check-in-history__reflection'>
                  <Text className='check-in-history__day'>{monthDay(r.day)}</Text>
                  <Text className='check-in-history__text'>{r.text}</Text>
                </View>
              ))
            )}
          </View>
        </>
      )}
    </View>
  )
}
