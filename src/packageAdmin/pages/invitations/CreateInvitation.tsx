import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { FunctionOutput } from '../../../../types'
import { INVITATION_MAX_DAYS, INVITATION_MAX_USES } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { toCloudError } from '../../../services/errors'
import GroupChoice from '../../components/GroupChoice'
import { whole } from '../../utils/format'

type Tree = FunctionOutput<'listUnits'>
export type Created = FunctionOutput<'createInvitation'>

export default function CreateInvitation({ tree, onCreated }: { tree: Tree; onCreated: (created: Created) => void }) {
  const [groupId, setGroupId] = useState<string | undefined>()
  const [maxUses, setMaxUses] = useState('30')
  const [days, setDays] = useState('14')
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function create() {
    if (!groupId) {
      setFailure('请选择党小组')
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      onCreated(await callFunction('createInvitation', { groupId, maxUses: whole(maxUses), expiresInDays: whole(days) }))
    } catch (error) {
      setFailure(toCloudError(error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='card'>
      <View className='card__title'>生成邀请码</View>
      <View className='field'>
        <Text className='field__label'>给哪个党小组</Text>
        <GroupChoice tree={tree} value={groupId} onChange={setGroupId} />
      </View>
      <View className='invite-numbers'>
        <View className='field invite-numbers__field'>
          <Text className='field__label'>可用次数</Text>
          <Input className='field__input' type='number' value={maxUses} maxlength={3} disabled={saving} onInput={(e) => setMaxUses(e.detail.value)} />
          <Text className='field__hint'>{`最多 ${INVITATION_MAX_USES} 次`}</Text>
        </View>
        <View className='field invite-numbers__field'>
          <Text className='field__label'>有效天数</Text>
          <Input className='field__input' type='number' value={days} maxlength={3} disabled={saving} onInput={(e) => setDays(e.detail.value)} />
          <Text className='field__hint'>{`最多 ${INVITATION_MAX_DAYS} 天`}</Text>
        </View>
      </View>
      {failure && <Text className='message message--error'>{failure}</Text>}
      <Button className={`big-button${saving ? ' big-button--disabled' : ''}`} disabled={saving} onClick={() => void create()}>
        {saving ? '正在生成…' : '生成邀请码'}
      </Button>
    </View>
  )
}
