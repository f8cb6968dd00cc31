import { View } from '@tarojs/components'
import ComingSoon from '../../components/ComingSoon'

export default function Group() {
  return (
    <View className='page'>
      <ComingSoon
        title='小组'
        intro='这里将是你所在党小组的学习园地：'
        items={['小组成员：同一党小组的同志', '讨论题：小组长发布的讨论题和大家的发言', '学习进度：小组成员的打卡和学习情况']}
      />
    </View>
  )
}
