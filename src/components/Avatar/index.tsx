import { Image, Text, View } from '@tarojs/components'
import { avatarSource } from '../../services/avatar'
import './index.scss'

interface Props {
  name: string
  url: string | null
  size?: 'normal' | 'large'
}

/** The member's picture, or the first character of their name in a circle. */
export default function Avatar({ name, url, size = 'normal' }: Props) {
  const src = avatarSource(url)
  const className = `avatar avatar--${size}`
  if (src) return <Image className={className} src={src} mode='aspectFill' />
  return (
    <View className={`${className} avatar--letter`}>
      <Text>{Array.from(name)[0] ?? ''}</Text>
    </View>
  )
}
