import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { FunctionOutput, GroupMember } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isNotRegistered, useMe } from '../../hooks/useMe'
import { ErrorNotice, Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import Avatar from '../../components/Avatar'
import NotRegistered from '../../components/NotRegistered'
import './index.scss'

type GroupView = FunctionOutput<'getGroup'>

function MemberRow({ member, isMe }: { member: GroupMember; isMe: boolean }) {
  const shown = member.displayName ?? member.name
  return (
    <View className='group-member'>
      <Avatar name={member.name} url={member.avatarUrl} />
      <View className='group-member__who'>
        <Text className='group-member__name'>{shown}</Text>
        {member.displayName && <Text className='group-member__real'>{member.name}</Text>}
      </View>
      {member.isLeader && <Text className='tag tag--red'>党小组长</Text>}
      {isMe && <Text className='tag tag--gold'>我</Text>}
    </View>
  )
}

function Group({ view, myId }: { view: GroupView; myId?: string }) {
  const { group, members } = view
  const leaders = members.filter((m) => m.isLeader)
  return (
    <View>
      <View className='group-head'>
        <Text className='group-head__name'>{group.name}</Text>
        <Text className='group-head__branch'>{group.branchName}</Text>
        <Text className='group-head__count'>
          {`共 ${members.length} 名党员${leaders.length ? `，党小组长 ${leaders.map((m) => m.displayName ?? m.name).join('、')}` : ''}`}
        </Text>
      </View>
      <View className='card'>
        <View className='card__title'>小组成员</View>
        {members.length === 0 ? (
          <Text className='group-empty'>这个党小组还没有成员</Text>
        ) : (
          members.map((m) => <MemberRow key={m._id} member={m} isMe={m._id === myId} />)
        )}
      </View>
      <View className='card'>
        <View className='card__title'>小组学习</View>
        <Text className='group-later'>小组讨论题和大家的学习进度还在开发中，上线后会在这里出现。</Text>
      </View>
    </View>
  )
}

export default function GroupPage() {
  const me = useMe()
  const group = useAsync(() => callFunction('getGroup', {}))

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), group.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (isNotRegistered(me) || (group.status === 'error' && group.error.code === 'NOT_REGISTERED')) {
    return (
      <PageRoot>
        <NotRegistered />
      </PageRoot>
    )
  }

  return (
    <PageRoot>
      {group.data ? (
        <Group view={group.data} myId={me.data?.memberId} />
      ) : group.status === 'error' ? (
        <View className='card'>
          <View className='card__title'>小组</View>
          <ErrorNotice message={group.error.message} onRetry={group.reload} />
        </View>
      ) : (
        <View className='card'>
          <Loading text='正在加载小组…' />
        </View>
      )}
    </PageRoot>
  )
}
