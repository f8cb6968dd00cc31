import { Text, View } from '@tarojs/components'
import type { MemberProfile } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import './index.scss'

/**
 * The member's name and group, which 首页's getHome brings (someone not registered sees NotRegistered
 * instead); while it loads or when it failed, just 你好: the page's card says what failed, with 重试.
 */
export default function Greeting({ me }: { me: Async<MemberProfile> }) {
  if (me.data) {
    return (
      <View className='banner'>
        <Text className='banner__title greeting__hello'>{`${me.data.displayName ?? me.data.name}，你好`}</Text>
        <Text className='banner__sub'>{`${me.data.groupName} · ${me.data.branchName}`}</Text>
        <Text className='banner__note'>每天学一点，坚持就是收获</Text>
      </View>
    )
  }
  return (
    <View className={me.status === 'error' ? 'banner greeting--plain' : 'banner'}>
      <Text className='banner__title greeting__hello'>你好</Text>
      {me.status === 'loading' && <Text className='banner__sub'>正在加载…</Text>}
    </View>
  )
}
