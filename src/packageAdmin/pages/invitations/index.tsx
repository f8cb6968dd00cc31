import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Invitation } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { toCloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { usePagedList } from '../../../hooks/usePagedList'
import ListFooter from '../../../components/ListFooter'
import { Loading } from '../../../components/Status'
import AdminPage from '../../components/AdminPage'
import LoadError from '../../components/LoadError'
import { confirm } from '../../utils/confirm'
import { chineseDay } from '../../../../types/calendar'
import { INVITATION_STATES } from '../../utils/format'
import CreateInvitation, { type Created } from './CreateInvitation'
import './index.scss'

async function copy(text: string, what: string) {
  await Taro.setClipboardData({ data: text })
  void Taro.showToast({ title: `${what}已复制`, icon: 'success' })
}

const STATE_TAG: Record<Invitation['state'], string> = {
  active: 'tag--green',
  expired: '',
  usedUp: 'tag--gold',
  revoked: '',
}

function CreatedCard({ created, onClose }: { created: Created; onClose: () => void }) {
  const { invitation, shareText } = created
  return (
    <View className='card invite-created'>
      <View className='card__title'>新的邀请码</View>
      <Text className='invite-created__code' selectable>
        {invitation.code}
      </Text>
      <Text className='invite-created__meta'>
        {`${invitation.groupName} · 可用 ${invitation.maxUses} 次 · 有效期至 ${chineseDay(invitation.validThrough)}`}
      </Text>
      <Text className='invite-created__share' selectable>
        {shareText}
      </Text>
      <Button className='big-button' onClick={() => void copy(shareText, '邀请文字')}>
        复制邀请文字
      </Button>
      <Text className='section-note invite-created__hint'>复制后到微信群或聊天里粘贴发送。</Text>
      <Button className='plain-button wide-button' onClick={onClose}>
        完成
      </Button>
    </View>
  )
}

function InvitationRow({ invitation, onRevoke }: { invitation: Invitation; onRevoke: () => void }) {
  const usable = invitation.state === 'active' || invitation.state === 'usedUp'
  return (
    <View className={`invite${usable ? '' : ' invite--off'}`}>
      <View className='invite__head'>
        <Text className='invite__code'>{invitation.code}</Text>
        <Text className={`tag ${STATE_TAG[invitation.state]}`}>{INVITATION_STATES[invitation.state]}</Text>
      </View>
      <Text className='row__sub'>
        {`${invitation.groupName} · 已用 ${invitation.uses}/${invitation.maxUses} 次 · 有效期至 ${chineseDay(invitation.validThrough)}`}
      </Text>
      <View className='invite__actions'>
        {invitation.state === 'active' && (
          <Text className='text-button' onClick={() => void copy(invitation.code, '邀请码')}>
            复制邀请码
          </Text>
        )}
        {usable && (
          <Text className='text-button' onClick={onRevoke}>
            作废
          </Text>
        )}
      </View>
    </View>
  )
}

function Invitations() {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const list = usePagedList((cursor) => callFunction('listInvitations', cursor ? { cursor } : {}))
  const [created, setCreated] = useState<Created | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  // The list refreshes itself on pull-down; the groups to create codes for are this page's.
  usePullDownRefresh(() => {
    void tree.reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function revoke(invitation: Invitation) {
    const sure = await confirm('作废邀请码', `作废后，邀请码 ${invitation.code} 不能再用来注册，已注册的成员不受影响。确定作废吗？`, '作废')
    if (!sure) return
    setFailure(null)
    try {
      const revoked = await callFunction('revokeInvitation', { code: invitation.code })
      list.update((items) => items.map((i) => (i.code === revoked.code ? revoked : i)))
    } catch (error) {
      setFailure(toCloudError(error).message)
    }
  }

  return (
    <View>
      {created ? (
        <CreatedCard created={created} onClose={() => setCreated(null)} />
      ) : tree.data ? (
        <CreateInvitation
          tree={tree.data}
          onCreated={(answer) => {
            setCreated(answer)
            void list.reload()
          }}
        />
      ) : (
        <View className='card'>{tree.status === 'error' ? <LoadError error={tree.error} onRetry={() => void tree.reload()} /> : <Loading />}</View>
      )}

      <View className='card'>
        <View className='card__title'>已有的邀请码</View>
        {failure && <Text className='message message--error'>{failure}</Text>}
        {list.status === 'error' && list.error ? (
          <LoadError error={list.error} onRetry={() => void list.reload()} />
        ) : (
          <>
            {list.items.map((i) => (
              <InvitationRow key={i.code} invitation={i} onRevoke={() => void revoke(i)} />
            ))}
            <ListFooter list={list} empty='还没有邀请码' />
          </>
        )}
      </View>
    </View>
  )
}

export default function InvitationsPage() {
  return <AdminPage>{() => <Invitations />}</AdminPage>
}
