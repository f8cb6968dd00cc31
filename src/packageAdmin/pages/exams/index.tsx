import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Exam } from '../../../../types'
import { beijingMinute } from '../../../../types/calendar'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import { ROUTES, withQuery } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import ListCard from '../../components/ListCard'

const go = (url: string) => void Taro.navigateTo({ url })

function Row({ e }: { e: Exam }) {
  return (
    <View
      className='row'
      onClick={() => go(e.editable ? withQuery(ROUTES.adminExamEdit, { id: e._id }) : withQuery(ROUTES.quizExamResults, { examId: e._id }))}
    >
      <View className='row__main'>
        <Text className='row__title'>{e.title}</Text>
        <Text className='row__sub'>{`${e.unitName} · ${beijingMinute(e.opensAt)} 至 ${beijingMinute(e.closesAt)} · ${e.questionCount} 题 · ${e.passPercent} 分及格`}</Text>
        <View>
          <Text className={`tag ${e.status === 'published' ? 'tag--green' : ''}`}>{e.status === 'published' ? '已发布' : '草稿'}</Text>
          <Text className='tag'>{e.editable ? '点开修改、发布' : '点开看成绩'}</Text>
        </View>
      </View>
      <Text className='row__arrow'>›</Text>
    </View>
  )
}

/** 考试 in 组织管理: the exams in the admin's reach, drafts to edit and publish, published ones to follow. */
function ExamList() {
  const list = usePagedList((cursor) => callFunction('listManagedExams', cursor ? { cursor } : {}))
  useRefreshOnReturn(() => void list.reload())
  return (
    <View>
      <Button className='big-button list-new' onClick={() => go(ROUTES.adminExamEdit)}>
        新建考试
      </Button>
      <ListCard list={list} empty='还没有考试：新建一场，从题库出题'>
        {(e) => <Row key={e._id} e={e} />}
      </ListCard>
    </View>
  )
}

export default function ExamsPage() {
  return <AdminPage>{() => <ExamList />}</AdminPage>
}
