import { useState } from 'react'
import { Button, Picker, Text, View } from '@tarojs/components'
import type { ActionOutput, ScoreRules } from '../../../../types'
import { SCORE_KIND_NAMES, SCORE_KINDS } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { CloudError } from '../../../services/errors'
import { useAsync } from '../../../hooks/useAsync'
import { chineseDay, dayKey } from '../../../../types/calendar'
import { starsText } from '../../../utils/score'
import AdminPage from '../../components/AdminPage'
import Field from '../../components/Field'
import Loaded from '../../components/Loaded'
import Outcome from '../../components/Outcome'
import { useAction } from '../../utils/useAction'

/** The form's numbers as typed, by path: `kinds.checkin.points`, `weeklyTargetPoints`, `stars.0.hours`. */
type Draft = Record<string, string>

const KIND_FIELDS = [
  ['points', '得分'],
  ['per', '每多少（次或秒）'],
  ['dailyCap', '每天最多（分）'],
] as const
const STAR_FIELDS = [
  ['hours', '学时（小时）'],
  ['requiredChapters', '必读书目（章）'],
  ['points', '积分（分）'],
] as const

function draftOf(rules: ScoreRules): Draft {
  const draft: Draft = { weeklyTargetPoints: String(rules.weeklyTargetPoints) }
  for (const kind of SCORE_KINDS) for (const [field] of KIND_FIELDS) draft[`kinds.${kind}.${field}`] = String(rules.kinds[kind][field])
  rules.stars.forEach((t, i) => STAR_FIELDS.forEach(([field]) => (draft[`stars.${i}.${field}`] = String(t[field]))))
  return draft
}

/**
 * The rules the draft says: the first number that is not a whole number of 0 or more, in words, or
 * the rules (the server checks the limits and that every star asks at least the one before).
 */
function rulesOf(draft: Draft, effectiveFrom: string): { rules: ScoreRules } | { problem: string } {
  const wrong = (path: string) => !/^\d+$/.test(draft[path].trim())
  const num = (path: string) => Number(draft[path])
  for (const kind of SCORE_KINDS) {
    for (const [field, label] of KIND_FIELDS)
      if (wrong(`kinds.${kind}.${field}`)) return { problem: `${SCORE_KIND_NAMES[kind]}的${label}：请填写 0 或更大的整数` }
  }
  if (wrong('weeklyTargetPoints')) return { problem: '每周目标：请填写 0 或更大的整数' }
  for (let i = 0; i < 5; i++) {
    for (const [field, label] of STAR_FIELDS) if (wrong(`stars.${i}.${field}`)) return { problem: `${starsText(i + 1)}的${label}：请填写 0 或更大的整数` }
  }
  const kinds = Object.fromEntries(
    SCORE_KINDS.map((kind) => [kind, { points: num(`kinds.${kind}.points`), per: num(`kinds.${kind}.per`), dailyCap: num(`kinds.${kind}.dailyCap`) }]),
  ) as ScoreRules['kinds']
  const stars = [0, 1, 2, 3, 4].map((i) => ({
    hours: num(`stars.${i}.hours`),
    requiredChapters: num(`stars.${i}.requiredChapters`),
    points: num(`stars.${i}.points`),
  }))
  const falling = stars.some(
    (t, i) => i > 0 && (t.hours < stars[i - 1].hours || t.requiredChapters < stars[i - 1].requiredChapters || t.points < stars[i - 1].points),
  )
  if (falling) return { problem: '每一档星级门槛都不能低于前一档' }
  return { rules: { kinds, weeklyTargetPoints: num('weeklyTargetPoints'), stars, effectiveFrom } }
}

function Editor({ loaded }: { loaded: ActionOutput<'getScoreRules'> }) {
  // Tomorrow in Beijing: the earliest a new version may start (days already scored keep their rules).
  const tomorrow = dayKey(new Date(Date.now() + 24 * 3600_000))
  const base = loaded.upcoming ?? loaded.current
  const [draft, setDraft] = useState<Draft>(() => draftOf(base))
  const [effectiveFrom, setEffectiveFrom] = useState(loaded.upcoming?.effectiveFrom ?? tomorrow)
  const action = useAction()
  const field = (path: string, label: string, hint?: string) => (
    <Field key={path} label={label} value={draft[path]} hint={hint} onInput={(value) => setDraft((d) => ({ ...d, [path]: value }))} />
  )

  const save = () =>
    void action.run(async () => {
      if (effectiveFrom < tomorrow) throw new CloudError('INVALID_INPUT', `生效日期最早为明天（${chineseDay(tomorrow)}）`)
      const checked = rulesOf(draft, effectiveFrom)
      if ('problem' in checked) throw new CloudError('INVALID_INPUT', checked.problem)
      const saved = await callFunction('saveScoreRules', checked.rules)
      return `已保存，新规则自${chineseDay(saved.effectiveFrom)}起生效，之前的记录仍按原规则计分`
    })

  return (
    <View>
      <View className='card'>
        <View className='card__title'>修改积分规则</View>
        <Text className='section-note'>
          {loaded.upcoming
            ? `已有一版新规则将于${chineseDay(loaded.upcoming.effectiveFrom)}生效，下面是它的内容；保存到同一天会替换它。`
            : `现行规则自${chineseDay(loaded.current.effectiveFrom)}起生效，下面是它的内容。`}
        </Text>
        <View className='field'>
          <Text className='field__label'>生效日期</Text>
          <Picker mode='date' value={effectiveFrom} start={tomorrow} onChange={(e) => setEffectiveFrom(String(e.detail.value))}>
            <View className='field__input'>{chineseDay(effectiveFrom)}</View>
          </Picker>
          <Text className='field__hint'>最早为明天：已经计分的日子不改规则。</Text>
        </View>
      </View>
      {SCORE_KINDS.map((kind) => (
        <View key={kind} className='card'>
          <View className='card__title'>{SCORE_KIND_NAMES[kind]}</View>
          {KIND_FIELDS.map(([f, label]) =>
            field(`kinds.${kind}.${f}`, label, f === 'per' ? (kind === 'studyTime' ? '学时按秒计：60 即每分钟' : '按次计：通常为 1') : undefined),
          )}
        </View>
      ))}
      <View className='card'>
        <View className='card__title'>每周目标与年度星级</View>
        {field('weeklyTargetPoints', '每周目标（分）')}
        {[0, 1, 2, 3, 4].map((i) => (
          <View key={i}>
            <Text className='row__title'>{starsText(i + 1)}</Text>
            {STAR_FIELDS.map(([f, label]) => field(`stars.${i}.${f}`, label))}
          </View>
        ))}
        <Text className='field__hint'>三项都达到才算这一星级；每一档都不能低于前一档。</Text>
      </View>
      <View className='card'>
        <Outcome outcome={action.outcome} />
        <Button className={`big-button${action.busy ? ' big-button--disabled' : ''}`} disabled={action.busy} onClick={save}>
          {action.busy ? '正在保存…' : '保存新规则'}
        </Button>
      </View>
    </View>
  )
}

function RulesLoader() {
  const rules = useAsync(() => callFunction('getScoreRules', {}))
  return <Loaded state={rules}>{(data) => <Editor loaded={data} />}</Loaded>
}

/** 积分规则 for 组织管理员: a new version of the rules, from tomorrow at the earliest. */
export default function ScoreRulesAdminPage() {
  return (
    <AdminPage orgAdminOnly whoMay='积分规则由组织管理员调整。如有建议，请联系组织管理员。'>
      {() => <RulesLoader />}
    </AdminPage>
  )
}
