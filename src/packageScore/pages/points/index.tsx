import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import type { ActionOutput, PointsEntry } from '../../../../types'
import { SCORE_KIND_NAMES } from '../../../../types/constants'
import { monthDay } from '../../../../types/calendar'
import { durationText } from '../../../../types/reading'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { usePagedList } from '../../../hooks/usePagedList'
import PageRoot from '../../../components/PageRoot'
import ProgressBar from '../../../components/ProgressBar'
import ListFooter from '../../../components/ListFooter'
import { ErrorNotice, Loading } from '../../../components/Status'
import '../../score.scss'

type Points = ActionOutput<'getMyPoints'>

/** How a rule gives points: 每次 2 分, 每 10 分钟 1 分. */
const ruleText = (k: Points['kinds'][number]) => (k.kind === 'studyTime' ? `每 ${durationText(k.per)} ${k.each} 分` : `每次 ${k.each} 分`)

/** What an entry counted: 学时 +12 分 30 秒, 打卡 +1 次, or a reversal (冲销). */
function entryText(e: PointsEntry): string {
  const amount = e.kind === 'studyTime' ? durationText(Math.abs(e.quantity)) : `${Math.abs(e.quantity)} 次`
  return `${SCORE_KIND_NAMES[e.kind]} ${e.quantity < 0 ? '−' : '+'}${amount}${e.reversal ? '（冲销：回复被删除或隐藏）' : ''}`
}

/** 今天: each rule's points against its daily cap, as 学习强国's task cards show them. */
function Today({ data }: { data: Points }) {
  const total = data.kinds.reduce((n, k) => n + k.points, 0)
  return (
    <View className='card'>
      <View className='card__title'>{`今天已得 ${total} 分`}</View>
      {data.kinds.map((k) => (
        <View key={k.kind} className='points-rule'>
          <View className='pair-row'>
            <Text className='score-row__name'>{SCORE_KIND_NAMES[k.kind]}</Text>
            <Text className='score-row__value'>{`${k.points}/${k.cap} 分`}</Text>
          </View>
          <Text className='score-note'>{`${ruleText(k)}，每天最多 ${k.cap} 分`}</Text>
          <ProgressBar value={k.points} max={k.cap} label={`${SCORE_KIND_NAMES[k.kind]}今天 ${k.points}/${k.cap} 分`} />
        </View>
      ))}
    </View>
  )
}

/** The ledger, newest first, grouped by day with the day's points (caps applied). */
function Ledger({ first }: { first: Points }) {
  // Each page brings its days' points; the first came with the page.
  const dayPoints = useRef<Record<string, number>>({ ...first.dayPoints }).current
  const list = usePagedList(
    async (cursor) => {
      const page = await callFunction('getMyPoints', cursor ? { cursor } : {})
      Object.assign(dayPoints, page.dayPoints)
      return page.entries
    },
    '',
    first.entries,
  )
  const days = [...new Set(list.items.map((e) => e.day))]
  return (
    <View className='card'>
      <View className='card__title'>明细</View>
      {days.map((day) => (
        <View key={day} className='points-day'>
          <View className='pair-row'>
            <Text className='points-day__date'>{monthDay(day)}</Text>
            {dayPoints[day] !== undefined && <Text className='score-row__value'>{`当天 ${dayPoints[day]} 分`}</Text>}
          </View>
          {list.items
            .filter((e) => e.day === day)
            .map((e) => (
              <Text key={e._id} className={`points-entry${e.reversal ? ' points-entry--reversal' : ''}`}>
                {entryText(e)}
              </Text>
            ))}
        </View>
      ))}
      <ListFooter list={list} empty='还没有得分记录，去学习、打卡吧' />
      <Text className='score-note'>每件事只计一次；当天得分按各项每日上限计算。</Text>
    </View>
  )
}

/** 积分明细: why 我的 shows the points it does. */
export default function PointsPage() {
  const points = useAsync(() => callFunction('getMyPoints', {}))
  const data = points.data
  return (
    <PageRoot>
      {data ? (
        <>
          <Today data={data} />
          <Ledger first={data} />
        </>
      ) : (
        <View className='card'>{points.status === 'error' ? <ErrorNotice message={points.error.message} onRetry={points.reload} /> : <Loading />}</View>
      )}
    </PageRoot>
  )
}
