import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { UNIT_NAME_MAX } from '../../../../types/constants'
import { useAction } from '../../../hooks/useAction'
import { callFunction } from '../../../services/cloud'

/** New 党支部 / 党小组, or a new name for one. */
export interface UnitEdit {
  kind: 'branch' | 'group'
  /** Present: rename this unit. */
  id?: string
  /** A new group's 党支部. */
  parentId?: string
  name: string
}

interface Props {
  edit: UnitEdit
  onDone: () => void
  onCancel: () => void
}

const KIND = { branch: '党支部', group: '党小组' }

export default function UnitForm({ edit, onDone, onCancel }: Props) {
  const [name, setName] = useState(edit.name)
  const action = useAction()
  const [saving, failure] = [action.busy, action.error]
  const label = edit.id ? `「${edit.name}」改名为` : `新${KIND[edit.kind]}的名称`

  const save = () =>
    void action.run(async () => {
      await callFunction('saveUnit', { id: edit.id, kind: edit.kind, name, parentId: edit.id ? undefined : edit.parentId })
      onDone()
    })

  return (
    <View className='unit-form'>
      <View className='field'>
        <Text className='field__label'>{label}</Text>
        <Input
          className={`field__input${failure ? ' field__input--error' : ''}`}
          value={name}
          maxlength={UNIT_NAME_MAX + 10}
          placeholder={`最多 ${UNIT_NAME_MAX} 个字`}
          focus
          disabled={saving}
          onInput={(e) => setName(e.detail.value)}
        />
        {failure && <Text className='field__error'>{failure}</Text>}
      </View>
      <View className='button-row'>
        <Button className='plain-button' disabled={saving} onClick={onCancel}>
          取消
        </Button>
        <Button className='big-button big-button--small' disabled={saving} onClick={save}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
