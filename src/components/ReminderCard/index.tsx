import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Subscription } from '../../../types'
import RemindMe from '../RemindMe'
import './index.scss'

/** What each reminder is for, in the order a member meets them. */
const KINDS: { key: Subscription['templateKey']; when: string }[] = [
  { key: 'dailyStudy', when: '每天 07:30 今日学习推送时（当天已打卡就不再提醒）' },
  { key: 'weeklyList', when: '周一每周一学清单发布时' },
  { key: 'groupPrompt', when: '小组有新讨论题时' },
  { key: 'studyNudge', when: '本周进度落后、组长提醒时' },
  { key: 'examNotice', when: '有新的考试发布时' },
  { key: 'meetingNotice', when: '党小组、支部安排会议时' },
]

/**
 * 消息提醒 on 我的: for each reminder, how many messages WeChat still allows (each 开启 allows one),
 * and one tap to allow one more.
 */
export default function ReminderCard({ subscriptions }: { subscriptions: Subscription[] }) {
  const [shown, setShown] = useState(subscriptions)
  useEffect(() => setShown(subscriptions), [subscriptions])
  const granted = (more: Subscription[]) => setShown((all) => all.map((s) => more.find((m) => m.templateKey === s.templateKey) ?? s))
  return (
    <View className='card reminder-card'>
      <View className='card__title'>消息提醒</View>
      <Text className='profile__text muted'>微信规定：每开启一次，只能给你发一条提醒。用完了，这里再点一次就行。</Text>
      {KINDS.map(({ key, when }) => {
        const s = shown.find((x) => x.templateKey === key)
        if (!s) return null
        return (
          <View key={key} className='reminder-card__row'>
            <View className='reminder-card__text'>
              <Text className='reminder-card__title'>{s.title}</Text>
              <Text className='reminder-card__when'>{when}</Text>
              <Text className={s.available > 0 ? 'reminder-card__left' : 'reminder-card__none'}>
                {s.available > 0 ? `还可提醒 ${s.available} 次` : '未开启，收不到'}
              </Text>
            </View>
            <RemindMe subscriptions={shown} kinds={[key]} label={s.available > 0 ? '再开启一次' : '开启'} onGranted={granted} />
          </View>
        )
      })}
    </View>
  )
}
