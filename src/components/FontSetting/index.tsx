import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { changeLargeFont } from '../../state/largeFont'
import { useLargeFont } from '../../hooks/useLargeFont'
import { profileChanged } from '../../hooks/useMe'
import Toggle from '../Toggle'
import './index.scss'

interface Props {
  /** false before registration: kept on this device only (registration then saves it). */
  saveToProfile?: boolean
}

/** 大字模式: applies at once on every page, and is saved to the member's profile. */
export default function FontSetting({ saveToProfile = true }: Props) {
  const large = useLargeFont()
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function change(value: boolean) {
    setSaving(true)
    setFailure(null)
    try {
      await changeLargeFont(value, async (largeFont) => {
        if (saveToProfile) profileChanged(await callFunction('updateProfile', { largeFont }))
      })
    } catch (error) {
      setFailure(`没有保存成功：${toCloudError(error).message}`)
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='card font-setting'>
      <View className='card__title'>阅读设置</View>
      <Toggle
        label='大字模式'
        description={large ? '全部文字已放大' : '打开后，全部文字放大，看得更清楚'}
        checked={large}
        disabled={saving}
        onChange={(value) => void change(value)}
      />
      {saving && <Text className='font-setting__note'>正在保存…</Text>}
      {failure && <Text className='font-setting__error'>{failure}</Text>}
    </View>
  )
}
