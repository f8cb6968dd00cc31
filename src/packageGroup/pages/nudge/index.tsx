import { Button, Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { ErrorNotice, Loading } from '../../../components/Status'
import PageRoot from '../../../components/PageRoot'
import { useAction } from '../../../hooks/useAction'
import '../../group.scss'

type Week = ActionOutput<'getGroupWeek'>

function Nudge({ week, onSent }: { week: Week; onSent: () => void }) {
  const action = useAction()
  const behind = week.members.filter((m) => m.behind)
  const waiting = behind.filter((m) => !m.nudgedToday)

  async function send() {
    const result = await action.run(() => callFunction('nudgeMembers', {}))
    if (result) onSent()
  }

  return (
    <View className='card'>
      <View className='card__title'>本周落后的成员</View>
      <Text className='nudge-intro'>{`到今天应学 ${week.expectedMinutes} 分钟（每周目标 ${week.weeklyTargetMinutes} 分钟）。每人每天最多提醒一次，通过订阅消息送达。`}</Text>
      {behind.length === 0 && <Text className='muted'>本周大家都跟上了进度</Text>}
      {behind.map((m) => (
        <View key={m.memberId} className='pair-row nudge-row'>
          <Text className='nudge-row__name'>{m.name}</Text>
          <Text className='nudge-row__state'>{`${m.minutes} 分钟 · ${m.nudgedToday ? '今天已提醒' : '待提醒'}`}</Text>
        </View>
      ))}
      {action.error && <ErrorNotice message={action.error} />}
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

/** 提醒: the members behind this week, each reminded at most once a day. */
export default function NudgePage() {
  const week = useAsync(() => callFunction('getGroupWeek', {}))
  return (
    <PageRoot>
      {week.data ? (
        <Nudge week={week.data} onSent={() => void week.reload()} />
      ) : (
        <View className='card'>{week.status === 'error' ? <ErrorNotice message={week.error.message} onRetry={week.reload} /> : <Loading />}</View>
      )}
    </PageRoot>
  )
}
