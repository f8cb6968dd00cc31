import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberProfile } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { canChooseAvatar, storeAvatar } from '../../services/avatar'
import { isHeld, isNotMember, profileChanged, useMe } from '../../hooks/useMe'
import { isAdmin } from '../../utils/roles'
import { roleText } from '../../../types/people'
import { ROUTES } from '../../utils/routes'
import { ErrorNotice, Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import QuarterEntry from '../../components/QuarterEntry'
import Avatar from '../../components/Avatar'
import NotRegistered from '../../components/NotRegistered'
import FontSetting from '../../components/FontSetting'
import ScoreCard from '../../components/ScoreCard'
import ReminderCard from '../../components/ReminderCard'
import ShareCard from '../../components/ShareCard'
import { useSharedCard } from '../../hooks/useSharedCard'
import { starsCard, weekCard } from '../../utils/shareCard'
import { useAsync } from '../../hooks/useAsync'
import { useRefreshOnReturn } from '../../hooks/useRefreshOnReturn'
import DisplayName from './DisplayName'
import './index.scss'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='profile__row'>
      <Text className='profile__label'>{label}</Text>
      <Text className='profile__value'>{value}</Text>
    </View>
  )
}

/** The mini-program offers the member's WeChat avatar; the browser demo has no avatar picker. */
function AvatarButtons({ me }: { me: MemberProfile }) {
  const [failure, setFailure] = useState<string | null>(null)
  if (!canChooseAvatar) return null

  async function save(avatarUrl: string | null) {
    setFailure(null)
    try {
      profileChanged(await callFunction('updateProfile', { avatarUrl }))
    } catch (error) {
      setFailure(toCloudError(error).message)
    }
  }

  return (
    <View className='profile__avatar-actions'>
      <Button
        className='plain-button'
        openType='chooseAvatar'
        onChooseAvatar={(e) => void storeAvatar(me.memberId, e.detail.avatarUrl).then(save, (error) => setFailure(toCloudError(error).message))}
      >
        更换头像
      </Button>
      {me.avatarUrl && (
        <Text className='profile__link' onClick={() => void save(null)}>
          不用头像
        </Text>
      )}
      {failure && <Text className='profile__error'>{failure}</Text>}
    </View>
  )
}

function Profile({ me }: { me: MemberProfile }) {
  return (
    <View className='card'>
      <View className='profile__head'>
        <Avatar name={me.name} url={me.avatarUrl} size='large' />
        <View className='profile__who'>
          <Text className='profile__name'>{me.displayName ?? me.name}</Text>
          <Text className='profile__unit'>{`${me.groupName} · ${me.branchName}`}</Text>
        </View>
      </View>
      <AvatarButtons me={me} />
      <View className='profile'>
        <Row label='姓名' value={me.name} />
        <DisplayName me={me} />
        <Row label='党小组' value={me.groupName} />
        <Row label='党支部' value={me.branchName} />
        <Row label='身份' value={roleText(me.roles)} />
      </View>
    </View>
  )
}

function StudyEntry() {
  return (
    <View className='card'>
      <View className='card__title'>我的学习</View>
      <Text className='profile__text muted'>学时、最近 15 天、必读书目进度和每周目标。</Text>
      <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: ROUTES.myStudy })}>
        查看我的学习
      </Button>
    </View>
  )
}

function AdminEntry() {
  return (
    <View className='card'>
      <View className='card__title'>组织管理</View>
      <Text className='profile__text muted'>管理组织架构、成员、邀请码，查看操作记录。</Text>
      <Button className='big-button admin-entry' onClick={() => void Taro.navigateTo({ url: ROUTES.admin })}>
        组织管理
      </Button>
    </View>
  )
}

export default function Me() {
  const me = useMe()
  const score = useAsync(() => callFunction('getMyScore', {}))
  // Points move with every check-in and reading elsewhere: fresh each time 我的 shows.
  useRefreshOnReturn(score.reload)
  const share = useSharedCard()

  usePullDownRefresh(() => {
    void Promise.all([me.reload(), score.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (isNotMember(me)) {
    return (
      <PageRoot>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
        <FontSetting saveToProfile={false} />
      </PageRoot>
    )
  }

  return (
    <PageRoot>
      {me.data ? (
        <Profile me={me.data} />
      ) : (
        <View className='card'>
          <View className='card__title'>我的信息</View>
          {me.status === 'error' ? <ErrorNotice message={me.error.message} onRetry={me.reload} /> : <Loading />}
        </View>
      )}
      {me.data && <ScoreCard score={score} showRatings={me.data.roles.some((r) => r !== 'member')} />}
      {me.data && score.data && <ReminderCard subscriptions={score.data.subscriptions} />}
      {me.data && <StudyEntry />}
      {me.data && <QuarterEntry roles={me.data.roles} />}
      {me.data && score.data && (
        <ShareCard cards={[weekCard(score.data.week), starsCard(score.data.standing)]} name={me.data.displayName ?? me.data.name} onReady={share} />
      )}
      <FontSetting />
      {me.data && isAdmin(me.data.roles) && <AdminEntry />}
    </PageRoot>
  )
}
