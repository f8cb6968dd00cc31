import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActionOutput, GroupMemberWeek } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { DELIVERY } from '../../utils/delivery'
import { ErrorNotice, Loading } from '../../components/Status'
import PromptCard from '../../components/PromptCard'
import { ROUTES } from '../../utils/routes'

type Week = ActionOutput<'getGroupWeek'>

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

function MemberRow({ member, week }: { member: GroupMemberWeek; week: Week }) {
  const checked = new Set(member.checkedDays)
  return (
    <View className={`week-member${member.behind ? ' week-member--behind' : ''}`}>
      <View className='week-member__who'>
        <Text className='week-member__name'>{member.name}</Text>
        <Text className='week-member__minutes'>
          {`${member.minutes}/${week.weeklyTargetMinutes} 分钟${member.behind ? ' · 落后' : ''}${member.nudge ? ` · 今天的提醒${DELIVERY[member.nudge].text}` : ''}`}
        </Text>
      </View>
      <View className='week-member__days'>
        {week.days.map((day, i) => (
          <Text
            key={day}
            className={`week-day${checked.has(day) ? ' week-day--done' : ''}${day > week.today ? ' week-day--future' : ''}`}
            aria-label={`周${WEEKDAYS[i]}${checked.has(day) ? '已打卡' : '未打卡'}`}
          >
            {checked.has(day) ? '✓' : WEEKDAYS[i]}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 本周学习 for a leader: who checked in which days, minutes against the target, open prompts. */
export default function GroupWeek() {
  const week = useAsync(() => callFunction('getGroupWeek', {}))
  // Back from a thread or from nudging: the week has moved.
  useRefreshOnReturn(week.reload)

  if (!week.data) {
    return (
      <View className='card'>
        <View className='card__title'>本周学习</View>
        {week.status === 'error' ? <ErrorNotice message={week.error.message} onRetry={week.reload} /> : <Loading text='正在加载本周情况…' />}
      </View>
    )
  }
  const data = week.data
  const behind = data.members.filter((m) => m.behind)
  return (
    <View className='card'>
      <View className='card__title'>本周学习</View>
      <Text className='week-intro'>{`每周目标 ${data.weeklyTargetMinutes} 分钟，到今天应达 ${data.expectedMinutes} 分钟；${behind.length} 人落后。`}</Text>
      {data.members.map((m) => (
        <MemberRow key={m.memberId} member={m} week={data} />
      ))}
      {behind.length > 0 && (
        <Button className='big-button' onClick={() => void Taro.navigateTo({ url: ROUTES.groupNudge })}>
          提醒落后的成员
        </Button>
      )}
      <Text className='week-subtitle'>进行中的讨论</Text>
      {data.openPrompts.length === 0 ? (
        <Text className='group-empty'>没有进行中的讨论题</Text>
      ) : (
        data.openPrompts.map((p) => <PromptCard key={p._id} prompt={p} memberCount={data.memberCount} />)
      )}
    </View>
  )
}
