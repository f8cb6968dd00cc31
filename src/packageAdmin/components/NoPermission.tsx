import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../utils/routes'
import '../admin.scss'

const WHO_MAY = '组织管理只对支部管理员和组织管理员开放。如需使用，请联系你所在党支部的管理员。'

/** Said to someone who opened an admin page without the role for it (or whom the server refused). */
export default function NoPermission({ message, whoMay = WHO_MAY }: { message?: string; whoMay?: string }) {
  return (
    <View className='card notice-card'>
      <Text className='notice-card__title'>没有权限</Text>
      {message && <Text className='notice-card__text no-permission__reason'>{message}</Text>}
      <Text className='notice-card__text'>{whoMay}</Text>
      <Button className='big-button' onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
        回到首页
      </Button>
    </View>
  )
}
