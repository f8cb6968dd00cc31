import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ExamSummary } from '../../../../types'
import { beijingMinute } from '../../../../types/calendar'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { useMe } from '../../../hooks/useMe'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'
import PageRoot from '../../../components/PageRoot'
import RemindMe from '../../../components/RemindMe'
import { PendingCard } from '../../../components/Status'
import { ROUTES, withQuery } from '../../../utils/routes'
import '../../quiz.scss'

const STATE: Record<ExamSummary['state'], [string, string]> = {
  open: ['进行中', 'tag--green'],
  upcoming: ['未开始', 'tag--blue'],
  closed: ['已结束', ''],
}

const go = (url: string) => void Taro.navigateTo({ url })

/** What the member can do with the exam now, in words on its button (or why not). */
function action(e: ExamSummary): { label: string; url?: string } {
  if (e.inProgress) return { label: '继续答题', url: withQuery(ROUTES.quizExam, { attemptId: e.inProgress }) }
  if (e.state === 'upcoming') return { label: `${beijingMinute(e.opensAt)} 开始` }
  if (e.state === 'closed') return { label: '考试已结束' }
  if (e.used >= e.attempts) return { label: `${e.attempts} 次机会已用完` }
  return { label: e.used ? '再考一次' : '开始考试', url: withQuery(ROUTES.quizExam, { examId: e._id }) }
}

function ExamCard({ e, canFollow }: { e: ExamSummary; canFollow: boolean }) {
  const [state, tag] = STATE[e.state]
  const next = action(e)
  return (
    <View className='card'>
      <View className='card__title'>{e.title}</View>
      <View>
        <Text className={`tag ${tag}`}>{state}</Text>
        <Text className='tag'>{e.unitName}</Text>
      </View>
      {e.intro && <Text className='quiz-note'>{e.intro}</Text>}
      <Text className='quiz-explanation'>{`${beijingMinute(e.opensAt)} 至 ${beijingMinute(e.closesAt)}`}</Text>
      <Text className='quiz-explanation'>{`${e.questionCount} 道题 · 限时 ${e.timeLimitMinutes} 分钟 · ${e.passPercent} 分及格 · 可答 ${e.attempts} 次（已用 ${e.used} 次）`}</Text>
      {e.best && (
        <Text
          className={`quiz-verdict ${e.best.passed ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}
        >{`最好成绩 ${e.best.percent} 分 · ${e.best.passed ? '及格' : '未及格'}`}</Text>
      )}
      <Button className={`big-button${next.url ? '' : ' big-button--disabled'}`} disabled={!next.url} onClick={() => next.url && go(next.url)}>
        {next.label}
      </Button>
      {canFollow && (
        <Button className='plain-button' onClick={() => go(withQuery(ROUTES.quizExamResults, { examId: e._id }))}>
          查看成绩统计
        </Button>
      )}
    </View>
  )
}

/** 我的考试: the exams of the member's units; the 考试通知 opens here. */
export default function ExamsPage() {
  const me = useMe()
  const exams = useAsync(() => callFunction('listExams', {}))
  useRefreshOnReturn(() => void exams.reload())
  usePullDownRefresh(() => {
    void exams.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const roles = me.data?.roles ?? []
  const canFollow = roles.some((r) => r !== 'member')
  const data = exams.data
  return (
    <PageRoot>
      <View className='banner banner--compact'>
        <Text className='banner__title'>我的考试</Text>
        <Text className='banner__sub'>专项考试和季度考核，成绩记入学习档案</Text>
      </View>
      {!data ? (
        <PendingCard error={exams.status === 'error' ? exams.error : undefined} onRetry={() => void exams.reload()} />
      ) : (
        <>
          {data.items.length === 0 && (
            <View className='card'>
              <Text className='quiz-note'>现在没有你要参加的考试。有新的考试发布时，可以让微信提醒你。</Text>
            </View>
          )}
          {data.items.map((e) => (
            <ExamCard key={e._id} e={e} canFollow={canFollow} />
          ))}
          <View className='card'>
            <RemindMe subscriptions={data.subscriptions} kinds={['examNotice']} label='有新考试时提醒我' />
          </View>
        </>
      )}
    </PageRoot>
  )
}
