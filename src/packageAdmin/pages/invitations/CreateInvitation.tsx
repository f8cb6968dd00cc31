import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { ActionOutput } from '../../../../types'
import { INVITATION_MAX_DAYS, INVITATION_MAX_USES } from '../../../../types/constants'
import { useAction } from '../../../hooks/useAction'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import GroupChoice from '../../components/GroupChoice'
import { checkWhole } from '../../../utils/forms'

type Tree = ActionOutput<'listUnits'>
export type Created = ActionOutput<'createInvitation'>

export default function CreateInvitation({ tree, onCreated }: { tree: Tree; onCreated: (created: Created) => void }) {
  const [groupId, setGroupId] = useState<string | undefined>()
  const [maxUses, setMaxUses] = useState('30')
  const [days, setDays] = useState('14')
  const action = useAction()
  const saving = action.busy

  const create = () =>
    void action.run(async () => {
      if (!groupId) throw new CloudError('INVALID_INPUT', '请选择党小组')
      const uses = checkWhole(maxUses, {
        what: '可用次数',
        min: 1,
        max: INVITATION_MAX_USES,
        low: '可用次数至少 1 次',
        high: `可用次数最多 ${INVITATION_MAX_USES} 次`,
      })
      const expiresInDays = checkWhole(days, {
        what: '有效天数',
        min: 1,
        max: INVITATION_MAX_DAYS,
        low: '有效期至少 1 天',
        high: `有效期最多 ${INVITATION_MAX_DAYS} 天`,
      })
      onCreated(await callFunction('createInvitation', { groupId, maxUses: uses, expiresInDays }))
    })

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
      {action.error && <Text className='message message--error'>{action.error}</Text>}
      <Button className={`big-button${saving ? ' big-button--disabled' : ''}`} disabled={saving} onClick={create}>
        {saving ? '正在生成…' : '生成邀请码'}
      </Button>
    </View>
  )
}
