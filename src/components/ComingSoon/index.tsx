import { Text, View } from '@tarojs/components'
import './index.scss'

interface Props {
  title: string
  intro: string
  items: string[]
}

/** An honest placeholder for a capability that is not built yet. */
export default function ComingSoon({ title, intro, items }: Props) {
  return (
    <View className='card coming-soon'>
      <View className='card__title'>{title}</View>
      <View className='coming-soon__badge'>即将上线</View>
      <Text className='coming-soon__intro'>{intro}</Text>
      <View className='coming-soon__list'>
        {items.map((item) => (
          <View key={item} className='coming-soon__item'>
            {item}
          </View>
        ))}
      </View>
      <Text className='coming-soon__note muted'>这些功能还在开发中，上线后会在这里出现。</Text>
    </View>
  )
}
