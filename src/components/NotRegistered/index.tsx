import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ROUTES } from '../../utils/routes'

interface Props {
  /** Registered, and held for a branch admin because the organisation has the name already (待确认). */
  held?: boolean
  /** Asks the server again (the admin may have confirmed meanwhile). */
  onRecheck?: () => void
}

/** Shown to someone who is not a member yet: the way to register, or why their registration waits. */
export default function NotRegistered({ held = false, onRecheck }: Props) {
  if (held) {
    return (
      <View className='card notice-card' ariaRole='alert'>
        <Text className='notice-card__title'>注册已提交，等待确认</Text>
        <Text className='notice-card__text'>
          组织里已经有同名的党员。为了不把两个人的学习记录混在一起，需要党支部管理员确认你是另一位同志。确认后就可以使用，不用重新注册。
        </Text>
        {onRecheck && (
          <Button className='plain-button' onClick={onRecheck}>
            管理员已确认？点这里再看看
          </Button>
        )}
      </View>
    )
  }
  return (
    <View className='card notice-card'>
      <Text className='notice-card__title'>你还没有注册</Text>
      <Text className='notice-card__text'>学习圈只为本组织的党员服务。请填写真实姓名和党小组长发给你的邀请码，完成实名注册后就可以打卡和参加小组学习。</Text>
      <Button className='big-button' onClick={() => void Taro.navigateTo({ url: ROUTES.register })}>
        去实名注册
      </Button>
    </View>
  )
}
