import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { ROLE_NAMES } from '../../utils/roles'
import { ErrorNotice, Loading } from '../../components/Status'
import './index.scss'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='profile__row'>
      <Text className='profile__label'>{label}</Text>
      <Text className='profile__value'>{value}</Text>
    </View>
  )
}

export default function Me() {
  const me = useAsync(() => callFunction('getMe', {}))

  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  let body
  if (me.data) {
    const roles = me.data.roles.map((r) => ROLE_NAMES[r]).join('、') || ROLE_NAMES.member
    body = (
      <View className='profile'>
        <Row label='姓名' value={me.data.name} />
        <Row label='党小组' value={me.data.groupName} />
        <Row label='党支部' value={me.data.branchName} />
        <Row label='身份' value={roles} />
      </View>
    )
  } else if (me.status === 'error' && me.error.code === 'NOT_REGISTERED') {
    body = (
      <View>
        <Text className='profile__notice'>你还没有注册</Text>
        <Text className='profile__text'>注册功能正在开发，很快就会上线。现在可以先联系你的党小组长。</Text>
      </View>
    )
  } else if (me.status === 'error') {
    body = <ErrorNotice message={me.error.message} onRetry={me.reload} />
  } else {
    body = <Loading />
  }

  return (
    <View className='page'>
      <View className='card'>
        <View className='card__title'>我的信息</View>
        {body}
      </View>
      <View className='card'>
        <View className='card__title'>设置</View>
        <Text className='profile__text muted'>大字体等阅读设置即将上线。</Text>
      </View>
    </View>
  )
}
