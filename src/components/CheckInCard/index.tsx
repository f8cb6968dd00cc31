import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { REFLECTION_MAX } from '../../../types/constants'
import type { ActionOutput, Subscription } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import type { Async } from '../../hooks/useAsync'
import { ErrorNotice, Loading } from '../Status'
import RemindMe, { AFTER_CHECK_IN } from '../RemindMe'
import './index.scss'

export type CheckInSummary = ActionOutput<'getCheckInSummary'>
type CheckInResult = ActionOutput<'checkIn'>

/** Counted as the server counts: characters of the trimmed text. */
export function reflectionLength(text: string): number {
  return Array.from(text.trim()).length
}

/** Today's summary once the server has confirmed a check-in. */
function withCheckIn(summary: CheckInSummary, result: CheckInResult): CheckInSummary {
  const day = result.record.day
  const inMonth = day.startsWith(`${summary.month}-`) && !summary.checkedDays.includes(day)
  return {
    ...summary,
    todayRecord: result.record,
    streak: result.streak,
    checkedDays: inMonth ? [...summary.checkedDays, day] : summary.checkedDays,
  }
}

const streakText = (n: number) => `连续打卡 ${n} 天`

export default function CheckInCard({ summary, subscriptions }: { summary: Async<CheckInSummary>; subscriptions: Subscription[] }) {
  const [text, setText] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [already, setAlready] = useState(false)
  /** Checked in on this visit: offer the reminder for tomorrow. */
  const [justCheckedIn, setJustCheckedIn] = useState(false)

  const count = reflectionLength(text)
  const tooLong = count > REFLECTION_MAX

  async function submit() {
    if (submitting || tooLong) return
    setSubmitting(true)
    setFailure(null)
    try {
      const reflection = text.trim()
      const result = await callFunction('checkIn', reflection ? { reflection } : {})
      setAlready(result.status === 'already')
      setJustCheckedIn(true)
      summary.update((s) => withCheckIn(s, result))
    } catch (error) {
      setFailure(toCloudError(error).message)
    } finally {
      setSubmitting(false)
    }
  }

  let body
  if (!summary.data) {
    body = summary.status === 'error' ? <ErrorNotice message={summary.error.message} onRetry={summary.reload} /> : <Loading text='正在加载打卡信息…' />
  } else if (summary.data.todayRecord) {
    const { todayRecord, streak } = summary.data
    body = (
      <View className='check-in__done'>
        <View className='check-in__done-head'>
          <Text className='check-in__tick'>✓</Text>
          <Text className='check-in__done-title'>今日已打卡</Text>
        </View>
        {already && <Text className='check-in__note'>今天已经打过卡了</Text>}
        <Text className='check-in__streak'>{streakText(streak)}</Text>
        {todayRecord.reflection !== '' && (
          <View className='check-in__reflection'>
            <Text className='check-in__reflection-label'>今天的学习心得</Text>
            <Text className='check-in__reflection-text'>{todayRecord.reflection}</Text>
          </View>
        )}
        {justCheckedIn && <RemindMe subscriptions={subscriptions} kinds={AFTER_CHECK_IN} label='明天提醒我学习' />}
      </View>
    )
  } else {
    const { streak } = summary.data
    body = (
      <View className='check-in__form'>
        <View className='check-in__streak'>
          {streak > 0 && <Text>{streakText(streak)}</Text>}
          <Text>{streak > 0 ? '，今天还没有打卡' : '今天还没有打卡'}</Text>
        </View>
        <Text className='check-in__label'>学习心得（可以不写）</Text>
        <Textarea
          className={`check-in__input${tooLong ? ' check-in__input--error' : ''}`}
          value={text}
          maxlength={REFLECTION_MAX * 4}
          placeholder='写几句今天的学习体会'
          disabled={submitting}
          onInput={(e) => setText(e.detail.value)}
        />
        <View className='check-in__counter-row'>
          <Text className={`check-in__counter${tooLong ? ' check-in__counter--over' : ''}`}>{`${count}/${REFLECTION_MAX}`}</Text>
        </View>
        {tooLong && <Text className='check-in__error'>{`学习心得最多 ${REFLECTION_MAX} 字，请删减后再打卡`}</Text>}
        {failure && <ErrorNotice message={failure} />}
        <Button className={`big-button${submitting || tooLong ? ' big-button--disabled' : ''}`} disabled={submitting || tooLong} onClick={submit}>
          {submitting ? '打卡中…' : failure ? '重试' : '打卡'}
        </Button>
      </View>
    )
  }

  return (
    <View className='card check-in'>
      <View className='card__title'>学习打卡</View>
      {body}
    </View>
  )
}
