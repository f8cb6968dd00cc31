import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Subscription } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { askToSubscribe } from '../../services/subscribe'
import './index.scss'

type Outcome = { kind: 'accepted'; granted: Subscription[] } | { kind: 'rejected' } | { kind: 'failed'; message: string }

/**
 * What a member expects to be told after checking in, in one WeChat sheet (it takes up to three
 * one-time templates): tomorrow's study, this week's 每周一学 list, and a reminder when falling behind.
 */
export const AFTER_CHECK_IN: readonly Subscription['templateKey'][] = ['dailyStudy', 'weeklyList', 'studyNudge']

/**
 * Asks WeChat's permission for the reminders `kinds` of `subscriptions` (each grant allows one
 * message; after 打卡「明天提醒我学习」, on a discussion「有新讨论题时提醒我」) and records each answer
 * on the server. The templates came with the page, so the permission sheet opens straight from the
 * tap, as WeChat requires.
 */
export default function RemindMe({
  subscriptions,
  kinds,
  label,
  onGranted,
}: {
  subscriptions: Subscription[]
  kinds: readonly Subscription['templateKey'][]
  label: string
  /** The templates just allowed, with their new counts. */
  onGranted?: (granted: Subscription[]) => void
}) {
  const [asking, setAsking] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const wanted = kinds.map((key) => subscriptions.find((s) => s.templateKey === key)).filter((s): s is Subscription => s !== undefined)

  async function ask(templates: Subscription[]) {
    if (asking) return
    setAsking(true)
    setOutcome(null)
    try {
      const answers = await askToSubscribe(templates)
      const granted: Subscription[] = []
      for (const answer of answers) {
        const recorded = await callFunction('recordSubscription', answer)
        if (answer.accepted) granted.push(recorded)
      }
      setOutcome(granted.length > 0 ? { kind: 'accepted', granted } : { kind: 'rejected' })
      if (granted.length > 0) onGranted?.(granted)
    } catch (error) {
      // The platform's refusals and the cloud's errors both carry a message for the member.
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : toCloudError(error).message })
    } finally {
      setAsking(false)
    }
  }

  if (wanted.length === 0) return null
  return (
    <View className='remind-me'>
      <Button className={`plain-button remind-me__button${asking ? ' remind-me__button--busy' : ''}`} disabled={asking} onClick={() => void ask(wanted)}>
        {asking ? '请稍候…' : label}
      </Button>
      {outcome?.kind === 'accepted' && (
        <Text className='remind-me__note'>{`好的，已开启：${outcome.granted.map((s) => `${s.title}（还可提醒 ${s.available} 次）`).join('、')}`}</Text>
      )}
      {outcome?.kind === 'rejected' && <Text className='remind-me__note'>没有开启提醒，需要时可以再点一次</Text>}
      {outcome?.kind === 'failed' && <Text className='remind-me__error'>{outcome.message}</Text>}
    </View>
  )
}
