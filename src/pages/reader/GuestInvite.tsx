import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../utils/routes'

/** Shown over a shared article opened by someone who is not a member (yet). */
export default function GuestInvite() {
  return (
    <View className='card reader__guest'>
      <Text className='reader__guest-text'>这篇文章来自「学习圈」，欢迎阅读。学习圈是本组织党员的学习平台，完成实名注册后，阅读会计入你的学时。</Text>
      <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
        去实名注册
      </Button>
    </View>
  )
}
