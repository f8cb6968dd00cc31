import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { MemberQuarter } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { ErrorNotice, Loading } from '../../../components/Status'
import { quarterName } from '../../../../types/calendar'
import { encouragement } from '../../../utils/quarter'
import { hoursText } from '../../../utils/score'
import '../../report.scss'

const stars = (n: number) => (n > 0 ? '★'.repeat(n) : '暂无')

function Figures({ mine }: { mine: MemberQuarter }) {
  const figures: [string, string][] = [
    ['学时', hoursText(mine.studySeconds)],
    ['必学完成', `${mine.requiredDone}/${mine.requiredCount} 项`],
    ['学时达标', `${mine.weeksMet}/${mine.weeks} 周`],
    ['打卡', `${mine.checkInDays} 天`],
    ['积分', `${mine.points} 分`],
    ['考试', mine.exams ? `通过 ${mine.examsPassed}/${mine.exams} 场` : '本季度没有考试'],
    [
      '组织生活',
      mine.meetings ? `出席 ${mine.meetingsAttended}/${mine.meetings} 次${mine.meetingsOnLeave ? `，请假 ${mine.meetingsOnLeave} 次` : ''}` : '本季度没有会议',
    ],
    ['小组排名', `第 ${mine.groupRank} 名（共 ${mine.groupSize} 人）`],
    ['支部排名', `第 ${mine.branchRank} 名（共 ${mine.branchSize} 人）`],
    ['星级', `已获 ${stars(mine.stars)}，按目前进度全年可达 ${stars(mine.projectedStars)}`],
  ]
  return (
    <View className='card'>
      {figures.map(([label, value]) => (
        <View key={label} className='pair-row'>
          <Text className='report-figure__label'>{label}</Text>
          <Text className='report-figure__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}

export default function MyQuarterPage() {
  const report = useAsync(() => callFunction('getMyQuarterReport', {}))
  usePullDownRefresh(() => {
    void report.reload().finally(() => Taro.stopPullDownRefresh())
  })
  let body
  if (report.data) {
    const { report: header, mine, previous } = report.data
    body =
      header && mine ? (
        <View>
          <View className='card report-head'>
            <Text className='report-head__title'>{quarterName(header.quarter)}</Text>
            {encouragement(mine, previous).map((line) => (
              <Text key={line} className='report-head__line'>
                {line}
              </Text>
            ))}
          </View>
          <Figures mine={mine} />
          {previous && (
            <Text className='report-note'>{`上个季度：学时 ${hoursText(previous.studySeconds)}，必学完成 ${previous.requiredDone}/${previous.requiredCount} 项，打卡 ${previous.checkInDays} 天，积分 ${previous.points} 分。`}</Text>
          )}
        </View>
      ) : (
        <View className='card'>
          <Text className='report-note'>季度通报在每个季度的第一天生成。目前还没有你的季度报告，下个季度初再来看看。</Text>
        </View>
      )
  } else if (report.status === 'error') body = <ErrorNotice message={report.error.message} onRetry={() => void report.reload()} />
  else body = <Loading />
  return <PageRoot className='report'>{body}</PageRoot>
}
