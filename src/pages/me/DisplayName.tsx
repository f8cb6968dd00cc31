import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { NAME_MAX } from '../../../types'
import type { MemberProfile } from '../../../types'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { profileChanged } from '../../hooks/useMe'

/** 显示名称: what others see instead of the real name; cleared, the real name shows again. */
export default function DisplayName({ me }: { me: MemberProfile }) {
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  function start() {
    setText(me.displayName ?? '')
    setFailure(null)
    setEditing(true)
  }

  async function save(displayName: string | null) {
    setSaving(true)
    setFailure(null)
    try {
      profileChanged(await callFunction('updateProfile', { displayName }))
      setEditing(false)
    } catch (error) {
      setFailure(toCloudError(error).message)
    } finally {
      setSaving(false)
    }
  }

  if (!editing) {
    return (
      <View className='profile__row'>
        <Text className='profile__label'>显示名称</Text>
        <View className='profile__value-group'>
          {me.displayName ? (
            <Text className='profile__value'>{me.displayName}</Text>
          ) : (
            <Text className='profile__value profile__value--unset'>未设置</Text>
          )}
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
        <Button
          className='big-button big-button--small'
          disabled={saving}
          onClick={() => void save(text.trim() === '' ? null : text)}
        >
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}
