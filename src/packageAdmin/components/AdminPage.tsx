import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberProfile } from '../../../types'
import { isNotRegistered, useMe } from '../../hooks/useMe'
import { isAdmin } from '../../utils/roles'
import { Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import NotRegistered from '../../components/NotRegistered'
import LoadError from './LoadError'
import NoPermission from './NoPermission'
import '../admin.scss'

/**
 * The frame of every 组织管理 page: the content appears (and loads its data) only for a
 * 支部管理员 or 组织管理员; anyone else sees 没有权限. The server checks every call as well.
 */
export default function AdminPage({ children }: { children: (me: MemberProfile) => ReactNode }) {
  const me = useMe()

  usePullDownRefresh(() => {
    if (!me.data) void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  let body: ReactNode
  if (me.data) body = isAdmin(me.data.roles) ? children(me.data) : <NoPermission />
  else if (isNotRegistered(me)) body = <NotRegistered />
  else if (me.status === 'error') body = <LoadError error={me.error} onRetry={() => void me.reload()} />
  else body = <View className='card'><Loading /></View>

  return <PageRoot className='admin'>{body}</PageRoot>
}
