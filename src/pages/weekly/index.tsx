import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ActionOutput, MyWeek, Subscription, WeeklyItemProgress } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isHeld, isNotMember, useMe } from '../../hooks/useMe'
import { usePagedList } from '../../hooks/usePagedList'
import { useSharedWeek, type Week } from '../../hooks/useSharedWeek'
import PageRoot from '../../components/PageRoot'
import NotRegistered from '../../components/NotRegistered'
import ProgressBar from '../../components/ProgressBar'
import ListFooter from '../../components/ListFooter'
import { ErrorNotice, Loading } from '../../components/Status'
import RemindMe from '../../components/RemindMe'
import { ROUTES, queryValue, withQuery } from '../../utils/routes'
import { minutesText } from '../../utils/studyTime'
import { itemTitle, itemUrl, KIND_NAMES } from '../../utils/weekly'
import { weekRange } from '../../../types/calendar'
import './index.scss'

type PastWeek = ActionOutput<'listMyWeeks'>['items'][number]

function itemState(item: WeeklyItemProgress): string {
  const talk = item.discussed ? ' · 已参与讨论' : ''
  if (item.kind === 'link') return item.discussed ? '已参与讨论' : '点按复制链接；在小组讨论中发言即计为完成'
  if (item.done) return `已完成${talk}`
  return `${item.creditedSeconds > 0 ? `已学 ${minutesText(item.creditedSeconds)}，未读完` : '未开始'}${talk}`
}

function openItem(item: WeeklyItemProgress) {
  const url = itemUrl(item)
  if (url) void Taro.navigateTo({ url })
  else if (item.url) void Taro.setClipboardData({ data: item.url }).then(() => Taro.showToast({ title: '链接已复制' }))
}

function ItemRow({ item }: { item: WeeklyItemProgress }) {
  return (
    <View className={`weekly-item${item.done ? ' weekly-item--done' : ''}`} ariaRole='button' onClick={() => openItem(item)}>
      <Text className='weekly-item__mark'>{item.done ? '✓' : ''}</Text>
      <View className='weekly-item__main'>
        <View className='weekly-item__tags'>
          <Text className={`tag ${item.required ? 'tag--red' : 'tag--blue'}`}>{item.required ? '必学' : '选学'}</Text>
          <Text className='weekly-item__kind'>{item.minutes ? `${KIND_NAMES[item.kind]} · 约 ${item.minutes} 分钟` : KIND_NAMES[item.kind]}</Text>
        </View>
        <Text className='weekly-item__title'>{itemTitle(item)}</Text>
        <Text className='weekly-item__state'>{itemState(item)}</Text>
      </View>
      <Text className='weekly-item__arrow'>›</Text>
    </View>
  )
}

function WeekView({ list, current, canSeeGroup }: { list: MyWeek; current: boolean; canSeeGroup: boolean }) {
  const left = list.requiredCount - list.requiredDone
  return (
    <View>
      <View className='card'>
        <View className='card__title'>{current ? '本周学习清单' : '往周学习清单'}</View>
        <Text className='weekly-page__week'>{weekRange(list.week)}</Text>
        <Text className='weekly-page__intro'>{list.intro}</Text>
        <View className='weekly-page__line'>
          <Text>{`必学 ${list.requiredDone}/${list.requiredCount} 项`}</Text>
          <Text className={list.finished ? 'weekly-page__ok' : 'weekly-page__left'}>{list.finished ? '已全部完成' : `还差 ${left} 项`}</Text>
        </View>
        <ProgressBar value={list.requiredDone} max={list.requiredCount} label={`必学已完成 ${list.requiredDone}/${list.requiredCount} 项`} />
        <View className='weekly-page__line'>
          <Text>{`本周学时 ${minutesText(list.weekSeconds)}`}</Text>
          <Text className={list.targetMet ? 'weekly-page__ok' : 'weekly-page__left'}>
            {list.targetMet ? '已达到每周目标' : `目标 ${list.targetMinutes} 分钟`}
          </Text>
        </View>
        <ProgressBar
          value={list.weekSeconds}
          max={list.targetMinutes * 60}
          label={`本周学时 ${minutesText(list.weekSeconds)}，目标 ${list.targetMinutes} 分钟`}
        />
        <Text className='weekly-page__note'>读完文章或章节（达到学时规则）即自动计为完成，无需手动打勾。</Text>
      </View>
      <View className='card'>
        <View className='card__title'>学习内容</View>
        {list.items.map((item) => (
          <ItemRow key={item.key} item={item} />
        ))}
      </View>
      {canSeeGroup && (
        <Button
          className='plain-button weekly-page__group'
          onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.weeklyProgress, { listId: list.listId }) })}
        >
          查看完成情况
        </Button>
      )}
      <Button
        className='plain-button weekly-page__group'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.reflectionEdit, { kind: 'weekly', id: list.listId, title: '本周每周一学' }) })}
      >
        写本周学习心得
      </Button>
    </View>
  )
}

/** Asked for on the list itself: the next list's Monday message, and Sunday's if this one is unfinished. */
function WeeklyReminders({ subscriptions }: { subscriptions: Subscription[] }) {
  return (
    <View className='card'>
      <View className='card__title'>消息提醒</View>
      <Text className='weekly-page__note'>每条提醒需要你同意一次；同意后，新清单发布或周日还没学完时，微信会通知你。</Text>
      <RemindMe subscriptions={subscriptions} kinds={['weeklyList', 'studyNudge']} label='清单发布和没学完时提醒我' />
    </View>
  )
}

function PastWeekRow({ week }: { week: PastWeek }) {
  return (
    <View className='weekly-past' ariaRole='button' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.weekly, { week: week.week }) })}>
      <View className='weekly-past__main'>
        <Text className='weekly-past__week'>{weekRange(week.week)}</Text>
        <Text className='weekly-past__sub'>{`必学 ${week.requiredDone}/${week.requiredCount} 项 · ${week.targetMet ? '学时达标' : '学时未达标'}`}</Text>
      </View>
      <Text className={`tag ${week.finished ? 'tag--green' : 'tag--gold'}`}>{week.finished ? '已完成' : '未完成'}</Text>
    </View>
  )
}

/** 往周记录, asked for with a tap: most visits are for this week, and the history is a call of its own. */
function PastWeeks() {
  const [shown, setShown] = useState(false)
  return (
    <View className='card'>
      <View className='card__title'>往周记录</View>
      {shown ? (
        <PastWeekList />
      ) : (
        <Button className='plain-button' onClick={() => setShown(true)}>
          查看往周记录
        </Button>
      )}
    </View>
  )
}

function PastWeekList() {
  const history = usePagedList((cursor) => callFunction('listMyWeeks', cursor ? { cursor } : {}))
  return (
    <>
      {history.items.map((w) => (
        <PastWeekRow key={w.week} week={w} />
      ))}
      <ListFooter list={history} empty='还没有往周的学习清单' />
    </>
  )
}

export default function Weekly() {
  const asked = queryValue(useRouter().params.week) || undefined
  const me = useMe()
  const weekly = useAsync(() =>
    callFunction('getMyWeekly', asked ? { week: asked } : { reminders: true }).then((answer) => {
      week.shown(answer)
      return answer
    }),
  )
  // Back from reading: the progress (the reminders, changed only here, stay as they are).
  const showWeek = (answer: Week) => weekly.update((shown) => ({ ...answer, subscriptions: shown.subscriptions }))
  const week = useSharedWeek(
    showWeek,
    () =>
      asked
        ? weekly.reload()
        : callFunction('getMyWeekly', weekly.data?.list ? { listId: weekly.data.list.listId } : {}).then((answer) => {
            week.shown(answer)
            showWeek(answer)
          }, weekly.reload),
    !asked,
  )
  usePullDownRefresh(() => {
    void weekly.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (isNotMember(me)) {
    return (
      <PageRoot className='weekly-page'>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
      </PageRoot>
    )
  }
  const roles = me.data?.roles ?? []
  const canSeeGroup = roles.some((r) => r !== 'member')

  let body
  if (weekly.data) {
    body = weekly.data.list ? (
      <WeekView list={weekly.data.list} current={weekly.data.current} canSeeGroup={canSeeGroup} />
    ) : (
      <View className='card'>
        <Text className='weekly-page__empty'>
          {weekly.data.current ? '本周还没有发布每周一学清单，可以先到「学习」里自由阅读。' : '这一周没有你的每周一学清单。'}
        </Text>
      </View>
    )
  } else if (weekly.status === 'error') {
    body = <ErrorNotice message={weekly.error.message} onRetry={() => void weekly.reload()} />
  } else {
    body = <Loading />
  }

  return (
    <PageRoot className='weekly-page'>
      {body}
      {weekly.data?.current && weekly.data.subscriptions && <WeeklyReminders subscriptions={weekly.data.subscriptions} />}
      {!asked && <PastWeeks />}
    </PageRoot>
  )
}
