import { Text, View } from '@tarojs/components'
import type { StudyRules } from '../../../types'
import { durationText } from '../../../types/reading'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import PageRoot from '../../components/PageRoot'
import { PendingCard } from '../../components/Status'
import './index.scss'

/** The chapter the worked example talks about. */
const EXAMPLE_MINUTES = 10

const percent = (share: number) => `${Math.round(share * 100)}%`
/** At most one decimal: 8, 7.5. */
const decimal = (n: number) => String(Math.round(n * 10) / 10)

/** The numbers in force, one line each. */
function Numbers({ rules }: { rules: StudyRules }) {
  const rows: [string, string][] = [
    ['上报', `阅读时每 ${durationText(rules.heartbeatSeconds)}一次，暂停、离开时也报；每次最多计 ${durationText(rules.maxBeatSeconds)}`],
    ['暂停计时', `锁屏、切到后台或 ${durationText(rules.idleAfterSeconds)}未操作`],
    ['每篇、每章上限', `预计时长的 ${decimal(rules.itemCapMultiple)} 倍`],
    ['每天上限', `${rules.dayCapMinutes} 分钟`],
    ['读完', `学满预计时长的 ${percent(rules.completionShare)}，并读到末尾`],
    ['每周目标', `${rules.weeklyTargetMinutes} 分钟`],
  ]
  return (
    <View className='card'>
      <View className='card__title'>规则一览</View>
      {rows.map(([label, value]) => (
        <View key={label} className='pair-row rule-row'>
          <Text className='rule-row__label'>{label}</Text>
          <Text className='rule-row__value'>{value}</Text>
        </View>
      ))}
    </View>
  )
}

/** The server's own sentences, in order. */
function Explanation({ sentences }: { sentences: string[] }) {
  return (
    <View className='card'>
      <View className='card__title'>学时怎么算</View>
      {sentences.map((sentence, i) => (
        <View key={sentence} className='rules-item'>
          <Text className='rules-item__number'>{`${i + 1}.`}</Text>
          <Text className='rules-text'>{sentence}</Text>
        </View>
      ))}
    </View>
  )
}

function Example({ rules }: { rules: StudyRules }) {
  return (
    <View className='card'>
      <View className='card__title'>举个例子</View>
      <Text className='rules-text'>
        {`一章预计 ${EXAMPLE_MINUTES} 分钟：学满 ${decimal(rules.completionShare * EXAMPLE_MINUTES)} 分钟并读到末尾，就显示「本章已完成」；` +
          `这一章最多计入 ${decimal(rules.itemCapMultiple * EXAMPLE_MINUTES)} 分钟，读得再久也不再增加。` +
          '中途锁屏或切到后台，这段时间不计入。'}
      </Text>
    </View>
  )
}

export default function StudyRulesPage() {
  const rules = useAsync(() => callFunction('getStudyRules', {}))
  return (
    <PageRoot className='study-rules'>
      {rules.data ? (
        <>
          <Numbers rules={rules.data} />
          <Explanation sentences={rules.data.sentences} />
          <Example rules={rules.data} />
        </>
      ) : (
        <PendingCard error={rules.error} onRetry={rules.reload} />
      )}
    </PageRoot>
  )
}
