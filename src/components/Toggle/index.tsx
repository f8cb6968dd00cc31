import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  description?: string
  checked: boolean
  disabled?: boolean
  onChange: (checked: boolean) => void
}

/** A switch as wide as the row, so the whole row is the tap target. */
export default function Toggle({ label, description, checked, disabled, onChange }: Props) {
  return (
    <View
      className={`toggle${checked ? ' toggle--on' : ''}${disabled ? ' toggle--disabled' : ''}`}
      ariaRole='switch'
      ariaLabel={`${label}，${checked ? '已开启' : '已关闭'}`}
      onClick={() => {
        if (!disabled) onChange(!checked)
      }}
    >
      <View className='toggle__text'>
        <Text className='toggle__label'>{label}</Text>
        {description && <Text className='toggle__description'>{description}</Text>}
      </View>
      <View className='toggle__track'>
        <View className='toggle__knob' />
      </View>
      <Text className='toggle__state'>{checked ? '已开' : '已关'}</Text>
    </View>
  )
}
