import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NAME_MAX } from '../../../../types/constants'
import type { MemberSummary } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAction } from '../../../hooks/useAction'
import { useAsync } from '../../../hooks/useAsync'
import { Loading } from '../../../components/Status'
import AdminPage from '../../components/AdminPage'
import GroupChoice from '../../components/GroupChoice'
import LoadError from '../../components/LoadError'

function Done({ member, onMore }: { member: MemberSummary; onMore: () => void }) {
  return (
    <View className='card'>
      <View className='card__title'>已预登记</View>
      <Text className='message message--ok'>{`${member.name}（${member.phone ?? ''}），${member.groupName}`}</Text>
      <Text className='section-note'>{`请把「${member.groupName}」的邀请码发给${member.name}。本人用这个姓名和邀请码注册后，就会认领这条预登记信息。`}</Text>
      <View className='button-row'>
        <Button className='plain-button' onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
        <Button className='big-button big-button--small' onClick={onMore}>
          继续登记
        </Button>
      </View>
    </View>
  )
}

function Preregister() {
  const tree = useAsync(() => callFunction('listUnits', {}))
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [groupId, setGroupId] = useState<string | undefined>()
  const action = useAction()
  const saving = action.busy
  const [done, setDone] = useState<MemberSummary | null>(null)

  const save = () =>
    void action.run(async () => {
      if (!groupId) throw new CloudError('INVALID_INPUT', '请选择党小组')
      setDone(await callFunction('preregisterMember', { name, phone, groupId }))
      setName('')
      setPhone('')
    })

  if (done) return <Done member={done} onMore={() => setDone(null)} />

  return (
    <View className='card'>
      <View className='card__title'>预登记新成员</View>
      <Text className='section-note'>先登记姓名和手机号；本人以后用同样的姓名和该党小组的邀请码注册时，会自动认领这条信息。</Text>
      <View className='field'>
        <Text className='field__label'>真实姓名</Text>
        <Input className='field__input' value={name} maxlength={NAME_MAX + 10} disabled={saving} onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>手机号</Text>
        <Input className='field__input' type='number' value={phone} maxlength={11} disabled={saving} onInput={(e) => setPhone(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>党小组</Text>
        {tree.data ? (
          <GroupChoice tree={tree.data} value={groupId} onChange={setGroupId} />
        ) : tree.status === 'error' ? (
          <LoadError error={tree.error} onRetry={() => void tree.reload()} />
        ) : (
          <Loading />
        )}
      </View>
      {action.error && <Text className='message message--error'>{action.error}</Text>}
      <Button className={`big-button${saving ? ' big-button--disabled' : ''}`} disabled={saving} onClick={save}>
        {saving ? '正在登记…' : '登记'}
      </Button>
    </View>
  )
}

export default function PreregisterPage() {
  return <AdminPage>{() => <Preregister />}</AdminPage>
}
