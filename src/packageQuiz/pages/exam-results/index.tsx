import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ExamUnitResult } from '../../../../types'
import { beijingMinute } from '../../../../types/calendar'
import { EXAM_SCORE_BANDS } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { PendingCard } from '../../../components/Status'
import { queryValue, ROUTES, withQuery } from '../../../utils/routes'
import '../../quiz.scss'

/** A rate over nobody is no rate: "—" rather than 0%. */
const rate = (r: number | null) => (r === null ? '—（没有应考人员）' : `${Math.round(r * 100)}%`)

function UnitCard({ u, onOpen }: { u: ExamUnitResult; onOpen?: () => void }) {
  return (
    <View className='card' onClick={onOpen}>
      <View className='card__title'>{u.name}</View>
      <View className='pair-row'>
        <Text>及格率</Text>
        <Text>{`${rate(u.passRate)}（${u.passed}/${u.members} 人）`}</Text>
      </View>
      <View className='pair-row'>
        <Text>参考人数</Text>
        <Text>{`${u.takers}/${u.members} 人`}</Text>
      </View>
      <View className='pair-row'>
        <Text>平均分</Text>
        <Text>{u.mean === null ? '—（还没有人交卷）' : `${u.mean} 分`}</Text>
      </View>
      <Text className='quiz-note'>{`分数分布：${EXAM_SCORE_BANDS.map((band, i) => `${band} 分 ${u.distribution[i]} 人`).join('，')}`}</Text>
      {onOpen && <Text className='quiz-link'>看这个单位的成员 ›</Text>}
    </View>
  )
}

/** An exam's results within the caller's reach: the unit, its parts (tap one to see it), and each member's best. */
export default function ExamResultsPage() {
  const { params } = useRouter()
  const examId = queryValue(params.examId)
  const unitId = queryValue(params.unitId) || undefined
  const results = useAsync(() => callFunction('getExamResults', { examId, unitId }))
  usePullDownRefresh(() => {
    void results.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const data = results.data
  if (!data)
    return (
      <PageRoot>
        <PendingCard error={results.status === 'error' ? results.error : undefined} onRetry={() => void results.reload()} />
      </PageRoot>
    )
  const [unit, ...parts] = data.units
  return (
    <PageRoot>
      <View className='banner banner--compact'>
        <Text className='banner__title'>{data.exam.title}</Text>
        <Text className='banner__sub'>{`${beijingMinute(data.exam.opensAt)} 至 ${beijingMinute(data.exam.closesAt)} · ${data.exam.passPercent} 分及格`}</Text>
        <Text className='banner__note'>按现在的在册成员统计；每人取最好一次成绩，没交卷的不计平均分。</Text>
      </View>
      <UnitCard u={unit} />
      {parts.map((p) => (
        <UnitCard key={p.unitId} u={p} onOpen={() => void Taro.navigateTo({ url: withQuery(ROUTES.quizExamResults, { examId, unitId: p.unitId }) })} />
      ))}
      <View className='card'>
        <View className='card__title'>成员成绩</View>
        {data.members.length === 0 && <Text className='quiz-note'>这个单位没有在册成员。</Text>}
        {data.members.map((m) => (
          <View key={m.memberId} className='pair-row'>
            <Text className='quiz-result__stem'>{`${m.name} · ${m.groupName}`}</Text>
            <Text className={`tag ${m.best === null ? '' : m.passed ? 'tag--green' : 'tag--red'}`}>
              {m.best === null ? (m.used ? '超时未交' : '未参加') : `${m.best} 分${m.passed ? '' : ' 未及格'}`}
            </Text>
          </View>
        ))}
      </View>
    </PageRoot>
  )
}
