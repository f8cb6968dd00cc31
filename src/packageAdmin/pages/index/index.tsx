import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberProfile } from '../../../../types'
import { ROUTES } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import './index.scss'

const ENTRIES = [
  { title: '组织架构', text: '党支部和党小组：新建、改名、归档', url: ROUTES.adminUnits },
  { title: '成员管理', text: '查找成员，调整党小组和角色，停用或恢复，预登记', url: ROUTES.adminMembers },
  { title: '邀请码', text: '生成邀请码发给新党员，作废不用的邀请码', url: ROUTES.adminInvitations },
  { title: '操作记录', text: '谁在什么时候做了什么修改', url: ROUTES.adminAudit },
]

function Menu({ me }: { me: MemberProfile }) {
  const scope = me.roles.includes('orgAdmin') ? '你是组织管理员，可以管理整个组织。' : `你是支部管理员，可以管理${me.branchName}。`
  return (
    <View>
      <View className='admin-home__head'>
        <Text className='admin-home__title'>组织管理</Text>
        <Text className='admin-home__scope'>{scope}</Text>
      </View>
      <View className='card'>
        {ENTRIES.map((entry) => (
          <View key={entry.url} className='row admin-home__entry' onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <View className='row__main'>
              <Text className='row__title admin-home__entry-title'>{entry.title}</Text>
              <Text className='row__sub'>{entry.text}</Text>
            </View>
            <Text className='row__arrow'>›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function AdminHome() {
  return <AdminPage>{(me) => <Menu me={me} />}</AdminPage>
}
