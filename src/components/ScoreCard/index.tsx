import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { GetMyScoreOutput } from '../../../types'
import type { Async } from '../../hooks/useAsync'
import { ROUTES } from '../../utils/routes'
import { hoursText, nextStarText, projectionText } from '../../utils/score'
import ProgressBar from '../ProgressBar'
import { ErrorNotice, Loading } from '../Status'
import './index.scss'

interface Props {
  score: Async<GetMyScoreOutput>
  /** Leaders and admins also open their units' ratings. */
  showRatings: boolean
}

const go = (url: string) => void Taro.navigateTo({ url })

const figures = (s: GetMyScoreOutput): [string, number][] => [
  ['今日积分', s.todayPoints],
  ['本周积分', s.week.points],
  ['今年积分', s.year.points],
]

/** 我的积分 on 我的: this week against the target, the year, the stars and where they are heading. */
export default function ScoreCard({ score, showRatings }: Props) {
  const s = score.data
  return (
    <View className='card score-card'>
      <View className='card__title'>我的积分与星级</View>
      {!s ? (
        score.status === 'error' ? (
          <ErrorNotice message={score.error.message} onRetry={score.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <View>
          <View className='score-card__stars' ariaLabel={projectionText(s.standing)}>
            <Text className='score-card__projection'>{projectionText(s.standing)}</Text>
            <Text className='score-card__next'>{nextStarText(s.standing) ?? '已达最高星级'}</Text>
          </View>
          <View className='score-card__figures'>
            {figures(s).map(([label, value]) => (
              <View key={label} className='score-card__figure'>
                <Text className='score-card__number'>{value}</Text>
                <Text className='score-card__label'>{label}</Text>
              </View>
            ))}
          </View>
          <Text className='score-card__line'>{`本周积分目标 ${s.weeklyTargetPoints} 分，已得 ${s.week.points} 分`}</Text>
          <ProgressBar value={s.week.points} max={s.weeklyTargetPoints} label={`本周积分目标 ${s.weeklyTargetPoints} 分，已得 ${s.week.points} 分`} />
          <Text className='score-card__line'>{`今年学时 ${hoursText(s.year.studySeconds)} · 必读书目 ${s.standing.requiredChapters} 章`}</Text>
          <Text className='score-card__line'>{`今年排名：小组第 ${s.ranks.group.rank} · 支部第 ${s.ranks.branch.rank} · 全体第 ${s.ranks.org.rank}`}</Text>
        </View>
      )}
      <View className='score-card__actions'>
        <Button className='plain-button' onClick={() => go(ROUTES.leaderboard)}>
          排行榜
        </Button>
        <Button className='plain-button' onClick={() => go(ROUTES.scorePoints)}>
          积分明细
        </Button>
        <Button className='plain-button' onClick={() => go(ROUTES.scoreRules)}>
          积分规则
        </Button>
        {showRatings && (
          <Button className='plain-button' onClick={() => go(ROUTES.unitRatings)}>
            小组星级
          </Button>
        )}
      </View>
    </View>
  )
}
