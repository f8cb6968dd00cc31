import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../utils/routes'

/** Shown to someone who has not registered yet, with the way to do it. */
export default function NotRegistered() {
  return (
    <View className='card notice-card'>
      <Text className='notice-card__title'>你还没有注册</Text>
      <Text className='notice-card__text'>
        学习圈只为本组织的党员服务。请填写真实姓名和党小组长发给你的邀请码，完成实名注册后就可以打卡和参加小组学习。
      </Text>
      <Button className='big-button' onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
        去实名注册
      </Button>
    </View>
  )
}
