import { Text, View } from '@tarojs/components'
import type { MemberProfile } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import { ErrorNotice } from '../Status'
import './index.scss'

/** The member's name and group (someone not registered sees NotRegistered instead). */
interface Props {
  me: Async<MemberProfile>
  /** What 重试 does when the member could not be loaded (the page reloads everything). */
  onRetry: () => void
}

export default function Greeting({ me, onRetry }: Props) {
  if (me.data) {
    return (
      <View className='banner'>
        <Text className='banner__title greeting__hello'>{`${me.data.displayName ?? me.data.name}，你好`}</Text>
        <Text className='banner__sub'>{`${me.data.groupName} · ${me.data.branchName}`}</Text>
        <Text className='banner__note'>每天学一点，坚持就是收获</Text>
      </View>
    )
  }
  if (me.status === 'error') {
    return (
      <View className='banner greeting--plain'>
        <Text className='banner__title greeting__hello'>你好</Text>
        <ErrorNotice message={me.error.message} onRetry={onRetry} />
      </View>
    )
  }
  return (
    <View className='banner'>
      <Text className='banner__title greeting__hello'>你好</Text>
      <Text className='banner__sub'>正在加载…</Text>
    </View>
  )
}
