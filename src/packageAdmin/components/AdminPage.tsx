import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberProfile } from '../../../types'
import { isHeld, isNotMember, useMe } from '../../hooks/useMe'
import { isAdmin } from '../../utils/roles'
import { Loading } from '../../components/Status'
import PageRoot from '../../components/PageRoot'
import NotRegistered from '../../components/NotRegistered'
import LoadError from './LoadError'
import NoPermission from './NoPermission'
import '../admin.scss'

interface Props {
  children: (me: MemberProfile) => ReactNode
  /** Only for 组织管理员 (study content is the whole organisation's). */
  orgAdminOnly?: boolean
  /** Who may use an `orgAdminOnly` page, said to anyone else. */
  whoMay?: string
}

const ORG_ADMIN_ONLY = '学习内容和推送记录由组织管理员管理。如需修改，请联系组织管理员。'

/**
 * The frame of every 组织管理 page: the content appears (and loads its data) only for a
 * 支部管理员 or 组织管理员 (or only the latter); anyone else sees 没有权限. The server checks
 * every call as well.
 */
export default function AdminPage({ children, orgAdminOnly = false, whoMay = ORG_ADMIN_ONLY }: Props) {
  const me = useMe()

  usePullDownRefresh(() => {
    if (!me.data) void me.reload().finally(() => Taro.stopPullDownRefresh())
  })

  let body: ReactNode
  if (me.data) {
    const allowed = orgAdminOnly ? me.data.roles.includes('orgAdmin') : isAdmin(me.data.roles)
    body = allowed ? children(me.data) : <NoPermission whoMay={orgAdminOnly ? whoMay : undefined} />
  } else if (isNotMember(me)) body = <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
  else if (me.status === 'error') body = <LoadError error={me.error} onRetry={() => void me.reload()} />
  else
    body = (
      <View className='card'>
        <Loading />
      </View>
    )

  return <PageRoot className='admin'>{body}</PageRoot>
}
