import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function Index() {
  return (
    <View onClick={() => Taro.navigateTo({ url: '/pages/other/index' })}>
      <Text>首页</Text>
    </View>
  )
}
