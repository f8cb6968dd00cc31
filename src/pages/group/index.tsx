import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ActionOutput, GroupMember, MemberProfile, PromptSummary } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isHeld, isNotMember, useMe } from '../../hooks/useMe'
import { usePagedList, type Page } from '../../hooks/usePagedList'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import { ErrorNotice, Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import Avatar from '../../components/Avatar'
import NotRegistered from '../../components/NotRegistered'
import ListFooter from '../../components/ListFooter'
import PromptCard from '../../components/PromptCard'
import { isAdmin } from '../../utils/roles'
import { ROUTES } from '../../utils/routes'
import GroupWeek from './GroupWeek'
import './index.scss'

type GroupView = ActionOutput<'getGroup'>

/** 党小组长, or an admin above the group: sees the week and posts prompts. */
export const leadsGroup = (me: MemberProfile) => me.roles.includes('leader') || isAdmin(me.roles)

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

function Discussion({ canPost, firstPage }: { canPost: boolean; firstPage: Page<PromptSummary> }) {
  const [archived, setArchived] = useState(false)
  const list = usePagedList(
    (cursor) => callFunction('listPrompts', { ...(archived ? { archived } : {}), ...(cursor ? { cursor } : {}) }),
    String(archived),
    firstPage,
  )
  // Back from a thread or from posting: counts and new prompts show.
  useRefreshOnReturn(list.reload)
  return (
    <View className='card'>
      <View className='card__title'>{archived ? '已归档的讨论题' : '小组讨论'}</View>
      {canPost && (
        <Button className='plain-button group-post' onClick={() => void Taro.navigateTo({ url: ROUTES.groupPromptEdit })}>
          发布讨论题
        </Button>
      )}
      {list.items.map((p) => (
        <PromptCard key={p._id} prompt={p} />
      ))}
      <ListFooter list={list} empty={archived ? '没有已归档的讨论题' : '还没有讨论题'} />
      <Button className='plain-button group-post' onClick={() => setArchived(!archived)}>
        {archived ? '返回进行中的讨论' : '查看已归档的讨论题'}
      </Button>
      <Button className='plain-button group-post' onClick={() => void Taro.navigateTo({ url: ROUTES.reflections })}>
        学习心得（我的、本组精选）
      </Button>
      <Button className='plain-button group-post' onClick={() => void Taro.navigateTo({ url: ROUTES.meetings })}>
        组织生活（会议签到、请假）
      </Button>
    </View>
  )
}

function Group({ view, me }: { view: GroupView; me?: MemberProfile }) {
  const { group, members } = view
  const leaders = members.filter((m) => m.isLeader)
  const leading = me !== undefined && leadsGroup(me)
  return (
    <View>
      <View className='banner'>
        <Text className='banner__title group-head__name'>{group.name}</Text>
        <Text className='banner__sub'>{group.branchName}</Text>
        <Text className='banner__note'>
          {`共 ${members.length} 名党员${leaders.length ? `，党小组长 ${leaders.map((m) => m.displayName ?? m.name).join('、')}` : ''}`}
        </Text>
      </View>
      {leading && <GroupWeek />}
      <Discussion canPost={leading} firstPage={view.prompts} />
      <View className='card'>
        <View className='card__title'>小组成员</View>
        {members.length === 0 ? (
          <Text className='group-empty'>这个党小组还没有成员</Text>
        ) : (
          members.map((m) => <MemberRow key={m._id} member={m} isMe={m._id === me?.memberId} />)
        )}
      </View>
    </View>
  )
}

export default function GroupPage() {
  const me = useMe()
  const group = useAsync(() => callFunction('getGroup', {}))

  // The prompt list stops the pull-down indicator once its first page is back.
  usePullDownRefresh(() => {
    void Promise.all([me.reload(), group.reload()])
  })

  if (isNotMember(me) || (group.status === 'error' && group.error.code === 'NOT_REGISTERED')) {
    return (
      <PageRoot>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
      </PageRoot>
    )
  }

  return (
    <PageRoot>
      {group.data ? (
        <Group view={group.data} me={me.data} />
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
