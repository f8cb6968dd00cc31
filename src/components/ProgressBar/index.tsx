import { View } from '@tarojs/components'
import { percentOf } from '../../utils/studyTime'
import './index.scss'

interface Props {
  value: number
  max: number
  /** Read aloud instead of the bar: 已完成 3/10 章. */
  label: string
}

/** A thin horizontal bar filled to `value` of `max`. */
export default function ProgressBar({ value, max, label }: Props) {
  return (
    <View className='progress-bar' ariaRole='progressbar' ariaLabel={label}>
      <View className='progress-bar__fill' style={{ width: percentOf(value, max) }} />
    </View>
  )
}
