import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { UnitRating } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import Chips from '../../../components/Chips'
import ProgressBar from '../../../components/ProgressBar'
import { ErrorNotice, Loading } from '../../../components/Status'
import { yearKey } from '../../../../types/calendar'
import { starsText } from '../../../utils/score'
import '../../score.scss'

function Unit({ unit }: { unit: UnitRating }) {
  return (
    <View className='card'>
      <View className='card__title'>{`${unit.name}${unit.frozen ? '（已定档）' : ''}`}</View>
      <Text className='score-note'>{`${unit.members} 人，平均 ${unit.averageStars} 星`}</Text>
      {unit.distribution
        .map((count, stars) => ({ count, stars }))
        .reverse()
        .map(({ count, stars }) => (
          <View key={stars} className='pair-row'>
            <Text className='score-row__rank'>{starsText(stars)}</Text>
            <View className='score-row__name'>
              <ProgressBar value={count} max={unit.members} label={`${starsText(stars)} ${count} 人`} />
            </View>
            <Text className='score-row__value'>{`${count} 人`}</Text>
          </View>
        ))}
    </View>
  )
}

function Year({ year }: { year: number }) {
  const ratings = useAsync(() => callFunction('getUnitRatings', { year }))
  usePullDownRefresh(() => {
    void ratings.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const r = ratings.data
  if (!r) {
    return <View className='card'>{ratings.status === 'error' ? <ErrorNotice message={ratings.error.message} onRetry={ratings.reload} /> : <Loading />}</View>
  }
  if (r.units.length === 0) return <View className='card muted'>没有可查看的党小组或党支部。</View>
  return (
    <View>
      {r.units.map((u) => (
        <Unit key={u.unitId} unit={u} />
      ))}
    </View>
  )
}

/** 小组/支部星级 for leaders and admins: where each unit's members stand, this year or last. */
export default function RatingsPage() {
  const thisYear = Number(yearKey(new Date()))
  const [year, setYear] = useState(String(thisYear))
  return (
    <PageRoot>
      <View className='card'>
        <Chips
          label='年度'
          choices={[String(thisYear), String(thisYear - 1)].map((y) => ({ value: y, label: `${y} 年` }))}
          value={year}
          onChange={(y) => y && setYear(y)}
        />
        <Text className='score-note'>本年度按目前的学时、必读书目和积分实时评定；每年 1 月 1 日零点上一年定档。</Text>
      </View>
      <Year key={year} year={Number(year)} />
    </PageRoot>
  )
}
