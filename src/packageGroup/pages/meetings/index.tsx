import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Meeting, Subscription } from '../../../../types'
import { MEETING_KIND_NAMES } from '../../../../types/meeting-rules'
import { callFunction } from '../../../services/cloud'
import { useMe } from '../../../hooks/useMe'
import { usePagedList } from '../../../hooks/usePagedList'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import Chips from '../../../components/Chips'
import ListFooter from '../../../components/ListFooter'
import PageRoot from '../../../components/PageRoot'
import RemindMe from '../../../components/RemindMe'
import { meetingTime, myState, STATE_TAGS } from '../../../utils/meetings'
import { ROUTES, withQuery } from '../../../utils/routes'

type Scope = 'mine' | 'managed'

function MeetingCard({ m }: { m: Meeting }) {
  const [state, tag] = STATE_TAGS[m.state]
  const mine = m.mine && m.state !== 'cancelled' ? myState(m.mine) : null
  return (
    <View className='card' ariaRole='link' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.meeting, { id: m._id }) })}>
      <View>
        <Text className={`tag ${tag}`}>{state}</Text>
        <Text className='tag'>{MEETING_KIND_NAMES[m.kind]}</Text>
        {mine && <Text className={`tag ${mine[1]}`}>{mine[0]}</Text>}
      </View>
      <View className='card__title'>{m.title}</View>
      <Text className='section-note'>{`${meetingTime(m)} · ${m.place} · ${m.unitName}`}</Text>
    </View>
  )
}

/** 组织生活: the meetings of my group, branch and organisation with my attendance; for leaders and admins, those they run. */
export default function MeetingsPage() {
  const me = useMe()
  const runs = (me.data?.roles ?? []).some((r) => r !== 'member')
  const [scope, setScope] = useState<Scope>('mine')
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([])
  const list = usePagedList(async (cursor) => {
    const page = await callFunction('listMeetings', { scope, ...(cursor ? { cursor } : {}) })
    setSubscriptions(page.subscriptions)
    return page
  }, scope)
  // Back from a meeting (signed in, asked for leave) or the editor: the list shows it.
  useRefreshOnReturn(list.reload)
  return (
    <PageRoot>
      <View className='card'>
        <View className='card__title'>组织生活</View>
        <Text className='section-note'>三会一课、主题党日和集中学习：开会时扫组长手机上的二维码签到（或输入二维码下的 6 位数字）；来不了请提前请假。</Text>
        {runs && (
          <Chips
            choices={[
              { value: 'mine' as const, label: '我参加的' },
              { value: 'managed' as const, label: '我安排的' },
            ]}
            value={scope}
            onChange={(s) => s && setScope(s)}
          />
        )}
        {runs && (
          <Button className='big-button big-button--small' onClick={() => void Taro.navigateTo({ url: ROUTES.meetingEdit })}>
            安排会议
          </Button>
        )}
        {subscriptions.length > 0 && <RemindMe subscriptions={subscriptions} kinds={['meetingNotice']} label='安排会议时提醒我' />}
      </View>
      {list.items.map((m) => (
        <MeetingCard key={m._id} m={m} />
      ))}
      <View className='card'>
        <ListFooter list={list} empty={scope === 'mine' ? '还没有安排会议' : '你还没有安排过会议'} />
      </View>
    </PageRoot>
  )
}
