import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput, NudgeOutcome } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { useMe } from '../../../hooks/useMe'
import { ErrorNotice, Loading } from '../../../components/Status'
import PageRoot from '../../../components/PageRoot'
import { useAction } from '../../../hooks/useAction'
import { DELIVERY } from '../../../utils/delivery'
import DeliveryReport from '../../components/DeliveryReport'
import '../../group.scss'

type Week = ActionOutput<'getGroupWeek'>

/** The words a leader can paste into the group's chat for those no message reached. */
export function chatReminder(names: string[], week: Week): string {
  return `${names.join('、')}：本周学习还没有跟上（每周目标 ${week.weeklyTargetMinutes} 分钟，到今天应学 ${week.expectedMinutes} 分钟），请抽空打开「学习圈」学一学。`
}

function Nudge({ week, myId, onSent }: { week: Week; myId: string | undefined; onSent: () => void }) {
  const action = useAction()
  const [results, setResults] = useState<NudgeOutcome[] | null>(null)
  // The leader is not on their own list: nobody reminds themself.
  const behind = week.members.filter((m) => m.behind && m.memberId !== myId)
  const waiting = behind.filter((m) => m.nudge === null)

  async function send() {
    const answer = await action.run(() => callFunction('nudgeMembers', {}))
    if (answer) {
      setResults(answer.results)
      onSent()
    }
  }

  return (
    <View className='card'>
      <View className='card__title'>本周落后的成员</View>
      <Text className='nudge-intro'>{`到今天应学 ${week.expectedMinutes} 分钟（每周目标 ${week.weeklyTargetMinutes} 分钟）。每人每天最多提醒一次，通过订阅消息送达；没有订阅的成员收不到。`}</Text>
      {behind.length === 0 && <Text className='muted'>本周大家都跟上了进度</Text>}
      {behind.map((m) => (
        <View key={m.memberId} className='pair-row nudge-row'>
          <Text className='nudge-row__name'>{m.name}</Text>
          <Text className='nudge-row__state'>{`${m.minutes} 分钟 · ${m.nudge ? `今天的提醒${DELIVERY[m.nudge].text}` : '待提醒'}`}</Text>
        </View>
      ))}
      {action.error && <ErrorNotice message={action.error} />}
      {results && <DeliveryReport results={results} chatText={(names) => chatReminder(names, week)} perMember={false} />}
      {behind.length > 0 && (
        <Button
          className={`big-button${action.busy || waiting.length === 0 ? ' big-button--disabled' : ''}`}
          disabled={action.busy || waiting.length === 0}
          onClick={() => void send()}
        >
          {waiting.length === 0 ? '今天都已提醒过' : action.busy ? '正在提醒…' : `提醒 ${waiting.length} 人`}
        </Button>
      )}
    </View>
  )
}

/** 提醒: the members behind this week, each reminded at most once a day, and what each reminder did. */
export default function NudgePage() {
  const me = useMe()
  const week = useAsync(() => callFunction('getGroupWeek', {}))
  return (
    <PageRoot>
      {week.data ? (
        <Nudge week={week.data} myId={me.data?.memberId} onSent={() => void week.reload()} />
      ) : (
        <View className='card'>{week.status === 'error' ? <ErrorNotice message={week.error.message} onRetry={week.reload} /> : <Loading />}</View>
      )}
    </PageRoot>
  )
}
