import { Text, View } from '@tarojs/components'
import type { ScoreRules } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import { ErrorNotice, Loading } from '../../../components/Status'
import { starsText } from '../../../utils/score'
import '../../score.scss'

function Stars({ rules }: { rules: ScoreRules }) {
  return (
    <View className='card'>
      <View className='card__title'>年度星级门槛</View>
      {rules.stars.map((t, i) => (
        <View key={i} className='pair-row'>
          <Text className='score-row__rank'>{starsText(i + 1)}</Text>
          <Text className='score-row__name'>{`${t.hours} 小时 · ${t.requiredChapters} 章 · ${t.points} 分`}</Text>
        </View>
      ))}
      <Text className='score-note'>学时、必读书目章节、积分三项都达到，才算达到这一星级。</Text>
    </View>
  )
}

/** 积分规则: the rules in force, in the server's words, and any change already announced. */
export default function ScoreRulesPage() {
  const rules = useAsync(() => callFunction('getScoreRules', {}))
  const r = rules.data
  if (!r) {
    return (
      <PageRoot>
        <View className='card'>{rules.status === 'error' ? <ErrorNotice message={rules.error.message} onRetry={rules.reload} /> : <Loading />}</View>
      </PageRoot>
    )
  }
  return (
    <PageRoot>
      {r.upcoming && (
        <View className='card'>
          <Text className='score-note'>{`新规则将于 ${r.upcoming.effectiveFrom} 起生效，之前的记录仍按原规则计分。`}</Text>
        </View>
      )}
      <View className='card'>
        <View className='card__title'>怎样得分</View>
        {r.sentences.map((sentence) => (
          <Text key={sentence} className='rules-line'>
            {sentence}
          </Text>
        ))}
      </View>
      <Stars rules={r.current} />
    </PageRoot>
  )
}
