import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Role } from '../../../types'
import { ROUTES } from '../../utils/routes'

/** 季度通报 and 学习档案 on 我的: the member's own; a leader's group and an admin's units too. */
export default function QuarterEntry({ roles }: { roles: readonly Role[] }) {
  const leads = roles.some((r) => r !== 'member')
  return (
    <View className='card'>
      <View className='card__title'>季度通报与学习档案</View>
      <Text className='profile__text muted'>每季度第一天生成上个季度的学习情况：学时、必学完成、打卡、积分和排名。</Text>
      <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: ROUTES.myQuarter })}>
        我的季度报告
      </Button>
      <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: ROUTES.archive })}>
        我的学习档案（逐年）
      </Button>
      {leads && (
        <Button className='plain-button' onClick={() => void Taro.navigateTo({ url: ROUTES.unitQuarter })}>
          {roles.includes('leader') && roles.length === 2 ? '本组季度通报' : '单位季度通报'}
        </Button>
      )}
    </View>
  )
}
