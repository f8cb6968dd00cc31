import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberProfile } from '../../../../types'
import { ROUTES } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import './index.scss'

/** `orgAdmin`: the whole organisation's, for 组织管理员 only. */
const ENTRIES = [
  { title: '组织架构', text: '党支部和党小组：新建、改名、归档', url: ROUTES.adminUnits, orgAdmin: false },
  { title: '成员管理', text: '查找成员，调整党小组和角色，停用或恢复，预登记', url: ROUTES.adminMembers, orgAdmin: false },
  { title: '邀请码', text: '生成邀请码发给新党员，作废不用的邀请码', url: ROUTES.adminInvitations, orgAdmin: false },
  { title: '内容管理', text: '文章和书目：编辑、排期推送、下线、设为必修或推荐', url: ROUTES.adminContent, orgAdmin: true },
  { title: '推送记录', text: '公众号发布和订阅消息的发送情况', url: ROUTES.adminOutbox, orgAdmin: true },
  { title: '每周一学', text: '编排每周学习清单、定稿发布，查看各支部完成情况', url: ROUTES.adminWeekly, orgAdmin: true },
  { title: '题库', text: '每日答题的题目：新增、修改、停用，按标签查找', url: ROUTES.adminQuestions, orgAdmin: false },
  { title: '考试', text: '专项考试和季度考核：出题、定时间和及格线、发布，看各单位成绩', url: ROUTES.adminExams, orgAdmin: false },
  { title: '积分规则', text: '调整各项得分、每日上限、每周目标和星级门槛，从明天起生效', url: ROUTES.adminScoreRules, orgAdmin: true },
  { title: '操作记录', text: '谁在什么时候做了什么修改', url: ROUTES.adminAudit, orgAdmin: false },
]

function Menu({ me }: { me: MemberProfile }) {
  const orgAdmin = me.roles.includes('orgAdmin')
  const scope = orgAdmin ? '你是组织管理员，可以管理整个组织。' : `你是支部管理员，可以管理${me.branchName}。`
  const entries = ENTRIES.filter((entry) => orgAdmin || !entry.orgAdmin)
  return (
    <View>
      <View className='banner'>
        <Text className='banner__title'>组织管理</Text>
        <Text className='banner__sub'>{scope}</Text>
      </View>
      <View className='card'>
        {entries.map((entry) => (
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
