import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ActionOutput, MemberCompletion, UnitCompletion } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import PageRoot from '../../../components/PageRoot'
import ProgressBar from '../../../components/ProgressBar'
import { ROUTES, queryValue, withQuery } from '../../../utils/routes'
import { newPromptUrl, weeklyItemLink } from '../../../utils/discussion'
import { itemTitle, rate } from '../../../utils/weekly'
import { weekRange } from '../../../../types/calendar'
import Loaded from '../../components/Loaded'
import '../../admin.scss'
import './index.scss'

type Progress = ActionOutput<'getWeeklyProgress'>

function Totals({ unit }: { unit: UnitCompletion }) {
  return (
    <View className='weekly-totals'>
      <View className='weekly-totals__cell'>
        <Text className='weekly-totals__number'>{unit.members}</Text>
        <Text className='weekly-totals__label'>收到清单</Text>
      </View>
      <View className='weekly-totals__cell'>
        <Text className='weekly-totals__number'>{rate(unit.finished, unit.members)}</Text>
        <Text className='weekly-totals__label'>{`必学全部完成 ${unit.finished} 人`}</Text>
      </View>
      <View className='weekly-totals__cell'>
        <Text className='weekly-totals__number'>{rate(unit.targetMet, unit.members)}</Text>
        <Text className='weekly-totals__label'>{`学时达标 ${unit.targetMet} 人`}</Text>
      </View>
    </View>
  )
}

function UnitRow({ unit, drill }: { unit: UnitCompletion; drill: Record<string, string> }) {
  return (
    <View className='row' ariaRole='button' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.weeklyProgress, drill) })}>
      <View className='row__main'>
        <Text className='row__title'>{unit.name}</Text>
        <Text className='row__sub'>{`${unit.members} 人 · 完成 ${unit.finished} 人（${rate(unit.finished, unit.members)}）· 学时达标 ${unit.targetMet} 人`}</Text>
        <ProgressBar value={unit.finished} max={unit.members} label={`${unit.name}完成率 ${rate(unit.finished, unit.members)}`} />
      </View>
      <Text className='row__arrow'>›</Text>
    </View>
  )
}

function MemberRow({ member }: { member: MemberCompletion }) {
  return (
    <View className='row'>
      <View className='row__main'>
        <Text className='row__title'>{member.name}</Text>
        <Text className='row__sub'>{`必学 ${member.requiredDone}/${member.requiredCount} 项 · ${member.targetMet ? '学时达标' : '学时未达标'}`}</Text>
        {member.left.length > 0 && <Text className='row__sub'>{`还差：${member.left.join('、')}`}</Text>}
      </View>
      <Text className={`tag ${member.finished ? 'tag--green' : 'tag--gold'}`}>{member.finished ? '已完成' : '未完成'}</Text>
    </View>
  )
}

function ProgressView({ data, listId }: { data: Progress; listId: string }) {
  const { list, total, units, members } = data
  const byBranch = total.unitId === 'organisation'
  // Only a group's view lists members: there its items can be put to the group's discussion.
  const groupId = members.length > 0 ? total.unitId : null
  return (
    <View>
      <View className='card'>
        <View className='card__title'>{total.name}</View>
        <Text className='row__sub'>{`${weekRange(list.week)} · 发给${list.audience}`}</Text>
        <Totals unit={total} />
      </View>
      <View className='card'>
        <View className='card__title'>各项完成人数</View>
        {list.items.map((item, i) => (
          <View key={item.key} className='weekly-item-rate'>
            <Text className='row__title'>{`${item.required ? '【必学】' : '【选学】'}${itemTitle(item)}`}</Text>
            <Text className='row__sub'>
              {item.kind === 'link'
                ? '链接材料，不统计完成情况'
                : `${total.itemsDone[i]}/${total.members} 人完成（${rate(total.itemsDone[i], total.members)}）`}
            </Text>
            {item.kind !== 'link' && <ProgressBar value={total.itemsDone[i]} max={total.members} label={`${item.title}完成 ${total.itemsDone[i]} 人`} />}
            {groupId && (
              <Button
                className='plain-button weekly-item-rate__discuss'
                onClick={() => void Taro.navigateTo({ url: newPromptUrl(groupId, weeklyItemLink(list._id, item)) })}
              >
                发起讨论
              </Button>
            )}
          </View>
        ))}
      </View>
      {units.length > 0 && (
        <View className='card'>
          <View className='card__title'>{byBranch ? '各党支部（完成率从高到低）' : '各党小组（完成率从高到低）'}</View>
          {units.map((u) => (
            <UnitRow key={u.unitId} unit={u} drill={byBranch ? { listId, branchId: u.unitId } : { listId, groupId: u.unitId }} />
          ))}
        </View>
      )}
      {members.length > 0 && (
        <View className='card'>
          <View className='card__title'>组员完成情况（未完成的在前）</View>
          {members.map((m) => (
            <MemberRow key={m.memberId} member={m} />
          ))}
        </View>
      )}
      {total.members === 0 && <Text className='section-note'>这份清单还没有发给这里的党员。</Text>}
    </View>
  )
}

/** 每周一学 completion: a group for its leader, a branch or the organisation for admins. */
export default function WeeklyProgressPage() {
  const params = useRouter().params
  const listId = queryValue(params.listId)
  const groupId = queryValue(params.groupId) || undefined
  const branchId = queryValue(params.branchId) || undefined
  const progress = useAsync(() => callFunction('getWeeklyProgress', { listId, ...(groupId ? { groupId } : {}), ...(branchId ? { branchId } : {}) }))
  usePullDownRefresh(() => {
    void progress.reload().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <PageRoot className='admin'>
      <Loaded state={progress}>{(data) => <ProgressView data={data} listId={listId} />}</Loaded>
    </PageRoot>
  )
}
