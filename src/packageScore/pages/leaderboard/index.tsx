import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { LeaderboardRow, ScoreMetric, ScorePeriod, ScoreScope } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import Chips, { type Choice } from '../../../components/Chips'
import { ErrorNotice, Loading } from '../../../components/Status'
import { metricText } from '../../../utils/score'
import '../../score.scss'

const SCOPES: Choice<ScoreScope>[] = [
  { value: 'group', label: '我的小组' },
  { value: 'branch', label: '我的支部' },
  { value: 'org', label: '全体' },
]
const PERIODS: Choice<ScorePeriod>[] = [
  { value: 'week', label: '本周' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
]
const METRICS: Choice<ScoreMetric>[] = [
  { value: 'points', label: '积分' },
  { value: 'hours', label: '学时' },
]

function Row({ row, metric, me, tied }: { row: LeaderboardRow; metric: ScoreMetric; me: boolean; tied: boolean }) {
  return (
    <View className={`pair-row score-row${me ? ' score-row--me' : ''}`}>
      <Text className='score-row__rank'>{`${tied ? '并列' : ''}第 ${row.rank}`}</Text>
      <Text className='score-row__name'>{me ? `${row.name}（我）` : row.name}</Text>
      <Text className='score-row__value'>{metricText(metric, row.value)}</Text>
    </View>
  )
}

/** One board; a new choice mounts a new one (and loads it). */
function Board({ scope, period, metric }: { scope: ScoreScope; period: ScorePeriod; metric: ScoreMetric }) {
  const board = useAsync(() => callFunction('getLeaderboard', { scope, period, metric }))
  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const b = board.data
  if (!b) {
    return <View className='card'>{board.status === 'error' ? <ErrorNotice message={board.error.message} onRetry={board.reload} /> : <Loading />}</View>
  }
  return (
    <View>
      <View className='card'>
        <View className='card__title'>我的排名</View>
        <Row row={b.me} metric={metric} me tied={b.top.some((r) => r.rank === b.me.rank && r.memberId !== b.me.memberId)} />
        <Text className='score-note'>{`共 ${b.of} 人${b.me.value === 0 ? '，得分后即可上榜' : ''}`}</Text>
      </View>
      <View className='card'>
        <View className='card__title'>{`前 ${b.top.length} 名`}</View>
        {b.top.length === 0 ? (
          <Text className='muted'>还没有人得分，快去学习打卡吧。</Text>
        ) : (
          b.top.map((row) => (
            <Row
              key={row.memberId}
              row={row}
              metric={metric}
              me={row.memberId === b.me.memberId}
              tied={b.top.some((r) => r.rank === row.rank && r.memberId !== row.memberId)}
            />
          ))
        )}
        {b.top.length > 0 && (
          <Text className='score-note'>{`${metric === 'points' ? '积分' : '学时'}相同的并列同一名次，其后的名次顺延（如 1、2、2、4）。`}</Text>
        )}
      </View>
    </View>
  )
}

/** 排行榜: my group, branch or everyone, this week, quarter or year; my own rank always shown first. */
export default function LeaderboardPage() {
  const [scope, setScope] = useState<ScoreScope>('group')
  const [period, setPeriod] = useState<ScorePeriod>('week')
  const [metric, setMetric] = useState<ScoreMetric>('points')
  const picked =
    <T,>(set: (v: T) => void) =>
    (v: T | undefined) => {
      if (v !== undefined) set(v)
    }
  return (
    <PageRoot>
      <View className='card'>
        <Chips label='范围' choices={SCOPES} value={scope} onChange={picked(setScope)} />
        <Chips label='时间' choices={PERIODS} value={period} onChange={picked(setPeriod)} />
        <Chips label='按' choices={METRICS} value={metric} onChange={picked(setMetric)} />
      </View>
      <Board key={`${scope}-${period}-${metric}`} scope={scope} period={period} metric={metric} />
    </PageRoot>
  )
}
