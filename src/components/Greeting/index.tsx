import { Text, View } from '@tarojs/components'
import type { MemberProfile } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import { ErrorNotice } from '../Status'
import './index.scss'

/** The member's name and group, or why they cannot use 学习圈 yet. */
interface Props {
  me: Async<MemberProfile>
  /** What 重试 does when the member could not be loaded (the page reloads everything). */
  onRetry: () => void
}

export default function Greeting({ me, onRetry }: Props) {
  if (me.data) {
    return (
      <View className='greeting'>
        <Text className='greeting__hello'>{`${me.data.name}，你好`}</Text>
        <Text className='greeting__unit'>{`${me.data.groupName} · ${me.data.branchName}`}</Text>
        <Text className='greeting__motto'>每天学一点，坚持就是收获</Text>
      </View>
    )
  }
  if (me.status === 'error' && me.error.code === 'NOT_REGISTERED') {
    return (
      <View className='greeting'>
        <Text className='greeting__hello'>你还没有注册</Text>
        <Text className='greeting__text'>
          学习圈只为本组织的党员服务，需要先登记你的姓名和所在党小组，才能打卡和参加小组学习。
        </Text>
        <Text className='greeting__text'>
          注册功能正在开发，很快就会上线。现在可以先联系你的党小组长。
        </Text>
      </View>
    )
  }
  if (me.status === 'error') {
    return (
      <View className='greeting greeting--plain'>
        <Text className='greeting__hello'>你好</Text>
        <ErrorNotice message={me.error.message} onRetry={onRetry} />
      </View>
    )
  }
  return (
    <View className='greeting'>
      <Text className='greeting__hello'>你好</Text>
      <Text className='greeting__unit'>正在加载…</Text>
    </View>
  )
}

export const isNotRegistered = (me: Async<MemberProfile>) =>
  me.status === 'error' && me.error.code === 'NOT_REGISTERED'
