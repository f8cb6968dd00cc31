import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { Reflection } from '../../../../types'
import { beijingMinute } from '../../../../types/calendar'
import { REFLECTION_COMMENT_MAX } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { useAction } from '../../../hooks/useAction'
import { useMe } from '../../../hooks/useMe'
import { usePagedList, type PagedList } from '../../../hooks/usePagedList'
import Chips from '../../../components/Chips'
import ListFooter from '../../../components/ListFooter'
import PageRoot from '../../../components/PageRoot'

type Tab = 'mine' | 'featured' | 'review'

const STATUS: Record<Reflection['status'], [string, string]> = {
  pending: ['待审阅', 'tag--blue'],
  approved: ['已通过', 'tag--green'],
  returned: ['已退回', 'tag--red'],
}

/** A leader's review of one: 通过, 通过并精选, or 退回 with a comment; 精选 on and off once approved. */
function Review({ r, onDone }: { r: Reflection; onDone: (r: Reflection) => void }) {
  const [comment, setComment] = useState('')
  const [returning, setReturning] = useState(false)
  const action = useAction()
  const decide = (input: { decision: 'approve' | 'return'; featured?: boolean; comment?: string }) =>
    void action.run(async () => onDone(await callFunction('reviewReflection', { id: r._id, ...input })))
  if (r.status === 'approved') {
    return (
      <Button className='plain-button' disabled={action.busy} onClick={() => decide({ decision: 'approve', featured: !r.featured })}>
        {r.featured ? '取消精选' : '设为本组精选'}
      </Button>
    )
  }
  if (r.status !== 'pending') return null
  return (
    <View>
      {action.error && <Text className='message message--error'>{action.error}</Text>}
      {returning ? (
        <>
          <Textarea
            className='field__input field__textarea'
            value={comment}
            maxlength={REFLECTION_COMMENT_MAX + 10}
            autoHeight
            placeholder='告诉同志怎样改'
            onInput={(e) => setComment(e.detail.value)}
          />
          <Button className='big-button big-button--small' disabled={action.busy} onClick={() => decide({ decision: 'return', comment })}>
            退回
          </Button>
        </>
      ) : (
        <View className='button-row'>
          <Button className='big-button big-button--small' disabled={action.busy} onClick={() => decide({ decision: 'approve' })}>
            通过
          </Button>
          <Button className='plain-button' disabled={action.busy} onClick={() => decide({ decision: 'approve', featured: true })}>
            通过并精选
          </Button>
          <Button className='plain-button' disabled={action.busy} onClick={() => setReturning(true)}>
            退回
          </Button>
        </View>
      )}
    </View>
  )
}

function Item({ r, reviewing, list, showStatus }: { r: Reflection; reviewing: boolean; showStatus: boolean; list: PagedList<Reflection> }) {
  const [status, tag] = STATUS[r.status]
  return (
    <View className='card'>
      <View className='card__title'>{r.target.title}</View>
      <View>
        {showStatus && <Text className={`tag ${tag}`}>{status}</Text>}
        {r.featured && <Text className='tag tag--gold'>精选</Text>}
        <Text className='tag'>{`${r.memberName} · ${beijingMinute(r.submittedAt)}`}</Text>
      </View>
      <Text className='section-note'>{r.body}</Text>
      {r.comment && <Text className='section-note'>{`${r.reviewerName ?? '组长'}：${r.comment}`}</Text>}
      {reviewing && <Review r={r} onDone={(next) => list.update((items) => items.map((i) => (i._id === next._id ? next : i)))} />}
    </View>
  )
}

/** 学习心得: my own with their state, the group's 精选, and for leaders those to review. */
export default function ReflectionsPage() {
  const me = useMe()
  const reviewer = (me.data?.roles ?? []).some((r) => r !== 'member')
  const [tab, setTab] = useState<Tab>('mine')
  const list = usePagedList(
    (cursor) =>
      callFunction('listReflections', {
        scope: tab === 'mine' ? 'mine' : 'group',
        ...(tab === 'review' ? { status: 'pending' as const } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    tab,
  )
  const tabs = [
    { value: 'mine' as const, label: '我的心得' },
    { value: 'featured' as const, label: reviewer ? '本组全部' : '本组精选' },
    ...(reviewer ? [{ value: 'review' as const, label: '待审阅' }] : []),
  ]
  const empty = tab === 'mine' ? '还没有写过心得：在书目、文章或每周一学页面点「写心得」' : tab === 'review' ? '没有待审阅的心得' : '本组还没有精选心得'
  return (
    <PageRoot>
      <View className='card'>
        <Chips choices={tabs} value={tab} onChange={(t) => t && setTab(t)} />
      </View>
      {list.items.map((r) => (
        <Item key={r._id} r={r} reviewing={reviewer && tab !== 'mine'} showStatus={reviewer || tab === 'mine'} list={list} />
      ))}
      <View className='card'>
        <ListFooter list={list} empty={empty} />
      </View>
    </PageRoot>
  )
}
