import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { NAME_MAX } from '../../../types/constants'
import type { MemberProfile } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAction } from '../../hooks/useAction'
import { profileChanged } from '../../hooks/useMe'
import { checkTexts } from '../../utils/forms'

/** 显示名称: what others see instead of the real name; cleared, the real name shows again. */
export default function DisplayName({ me }: { me: MemberProfile }) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const action = useAction()
  const [saving, failure] = [action.busy, action.error]

  function start() {
    setText(me.displayName ?? '')
    action.clearError()
    setEditing(true)
  }

  const save = (displayName: string | null) =>
    void action.run(async () => {
      if (displayName !== null) checkTexts([['显示名称', displayName, NAME_MAX]])
      profileChanged(await callFunction('updateProfile', { displayName }))
      setEditing(false)
    })

  if (!editing) {
    return (
      <View className='profile__row'>
        <Text className='profile__label'>显示名称</Text>
        <View className='profile__value-group'>
          {me.displayName ? <Text className='profile__value'>{me.displayName}</Text> : <Text className='profile__value profile__value--unset'>未设置</Text>}
          <Text className='profile__link' onClick={start}>
            修改
          </Text>
        </View>
      </View>
    )
  }

  return (
    <View className='profile__editor'>
      <View className='field'>
        <Text className='field__label'>显示名称</Text>
        <Input
          className='field__input'
          value={text}
          maxlength={NAME_MAX + 10}
          placeholder={`最多 ${NAME_MAX} 个字`}
          focus
          disabled={saving}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className='field__hint'>小组成员看到的名字。不填就显示真实姓名。</Text>
        {failure && <Text className='field__error'>{failure}</Text>}
      </View>
      <View className='button-row'>
        <Button className='plain-button' disabled={saving} onClick={() => setEditing(false)}>
          取消
        </Button>
        <Button className='big-button big-button--small' disabled={saving} onClick={() => save(text.trim() === '' ? null : text)}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
