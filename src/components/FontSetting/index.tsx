import { Text, View } from '@tarojs/components'
import { callFunction } from '../../services/cloud'
import { changeLargeFont } from '../../state/largeFont'
import { useAction } from '../../hooks/useAction'
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
  const action = useAction()
  const saving = action.busy

  const change = (value: boolean) =>
    void action.run(() =>
      changeLargeFont(value, async (largeFont) => {
        if (saveToProfile) profileChanged(await callFunction('updateProfile', { largeFont }))
      }),
    )

  return (
    <View className='card font-setting'>
      <View className='card__title'>阅读设置</View>
      <Toggle
        label='大字模式'
        description={large ? '全部文字已放大' : '打开后，全部文字放大，看得更清楚'}
        checked={large}
        disabled={saving}
        onChange={change}
      />
      {saving && <Text className='font-setting__note'>正在保存…</Text>}
      {action.error && <Text className='font-setting__error'>{`没有保存成功：${action.error}`}</Text>}
    </View>
  )
}
