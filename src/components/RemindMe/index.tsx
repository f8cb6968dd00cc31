import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { Subscription } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { askToSubscribe } from '../../services/subscribe'
import './index.scss'

type Outcome = { kind: 'accepted'; available: number } | { kind: 'rejected' } | { kind: 'failed'; message: string }

/**
 * 「明天提醒我学习」, offered after checking in: asks WeChat's permission for one daily-study
 * reminder (each grant allows one message) and records the answer on the server. The templates
 * came with the page (getHome), so the permission sheet opens straight from the tap, as WeChat requires.
 */
export default function RemindMe({ subscriptions }: { subscriptions: Subscription[] }) {
  const [asking, setAsking] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const daily = subscriptions.find((s) => s.templateKey === 'dailyStudy')

  async function ask(template: Subscription) {
    if (asking) return
    setAsking(true)
    setOutcome(null)
    try {
      const answers = await askToSubscribe([template])
      let next: Outcome = { kind: 'rejected' }
      for (const answer of answers) {
        const recorded = await callFunction('recordSubscription', answer)
        if (answer.accepted) next = { kind: 'accepted', available: recorded.available }
      }
      setOutcome(next)
    } catch (error) {
      // The platform's refusals and the cloud's errors both carry a message for the member.
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : toCloudError(error).message })
    } finally {
      setAsking(false)
    }
  }

  if (!daily) return null
  return (
    <View className='remind-me'>
      <Button className={`plain-button remind-me__button${asking ? ' remind-me__button--busy' : ''}`} disabled={asking} onClick={() => void ask(daily)}>
        {asking ? '请稍候…' : '明天提醒我学习'}
      </Button>
      {outcome?.kind === 'accepted' && (
        <Text className='remind-me__note'>{`好的，明天推送学习内容时会提醒你（还可提醒 ${outcome.available} 次）`}</Text>
      )}
      {outcome?.kind === 'rejected' && <Text className='remind-me__note'>没有开启提醒，需要时可以再点一次</Text>}
      {outcome?.kind === 'failed' && <Text className='remind-me__error'>{outcome.message}</Text>}
    </View>
  )
}
