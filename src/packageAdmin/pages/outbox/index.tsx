import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { NotificationRecord, Publication, PublicationStatus } from '../../../../types'
import { DELIVERY } from '../../../utils/delivery'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import Chips from '../../../components/Chips'
import AdminPage from '../../components/AdminPage'
import ListCard from '../../components/ListCard'
import { beijingTime, chineseDay } from '../../../../types/calendar'
import './index.scss'

type Kind = 'publication' | 'notification'

const KINDS = [
  { value: 'publication' as const, label: '公众号发布' },
  { value: 'notification' as const, label: '订阅消息' },
]

/** Each status in words, with its tag colour. */
const PUBLICATION_STATUS: Record<PublicationStatus, [string, string]> = {
  recorded: ['仅记录（未配置公众号）', ''],
  pending: ['等待发布', 'tag--gold'],
  publishing: ['正在发布', 'tag--blue'],
  submitting: ['已提交，结果未知，请到公众号后台核实', 'tag--red'],
  submitted: ['已提交发布', 'tag--green'],
  failed: ['失败，下次推送时重试', 'tag--red'],
}

function Status({ status }: { status: [string, string] }) {
  return <Text className={`tag ${status[1]}`}>{status[0]}</Text>
}

/** The local cloud's stand-in 公众号 (browser demo only) serves each edition to read. */
function LocalEdition({ mediaId }: { mediaId: string | null }) {
  if (process.env.TARO_ENV !== 'h5' || !mediaId?.startsWith('local-draft-')) return null
  return (
    <Text className='outbox-row__link' onClick={() => window.open(`/local/official-account/${mediaId}`, '_blank')}>
      本地公众号：查看这一期 ›
    </Text>
  )
}

function PublicationRow({ item }: { item: Publication }) {
  return (
    <View className='row outbox-row'>
      <View className='row__main'>
        <Text className='row__title'>{item.title}</Text>
        <Text className='row__sub'>{`${chineseDay(item.day)}的推送 · ${item.articleIds.length} 篇文章`}</Text>
        <Status status={PUBLICATION_STATUS[item.status]} />
        {item.error && <Text className='outbox-row__error'>{`原因：${item.error}`}</Text>}
        <LocalEdition mediaId={item.mediaId} />
        <Text className='row__sub'>{`更新于 ${beijingTime(item.updatedAt)}${item.attempts > 1 ? ` · 已尝试 ${item.attempts} 次` : ''}`}</Text>
      </View>
    </View>
  )
}

function NotificationRow({ item }: { item: NotificationRecord }) {
  return (
    <View className='row outbox-row'>
      <View className='row__main'>
        <Text className='row__title'>{item.memberName}</Text>
        {/* The message's own fields (templates.ts on the server): what it announced. */}
        {item.data.title && <Text className='row__sub'>{[item.data.title, item.data.note].filter(Boolean).join(' · ')}</Text>}
        <Status status={[DELIVERY[item.result].text, DELIVERY[item.result].tag]} />
        {item.channel === 'outbox' && <Text className='tag'>本地记录，未经微信发出</Text>}
        {item.error && <Text className='outbox-row__error'>{`原因：${item.error}`}</Text>}
        <Text className='row__sub'>{beijingTime(item.at)}</Text>
      </View>
    </View>
  )
}

function Outbox() {
  const [kind, setKind] = useState<Kind>('publication')
  const list = usePagedList((cursor) => callFunction('listOutbox', { kind, cursor }), kind)
  return (
    <View>
      <View className='card'>
        <Chips choices={KINDS} value={kind} onChange={(next) => next && setKind(next)} />
        <Text className='section-note'>
          {kind === 'publication'
            ? '每天的推送同时发到公众号：这里是每一期的发布情况，最新的在前。'
            : '给党员发送的订阅消息，包括因为未订阅或当天上限而没有发送的、夜间免打扰等到早上发送的，最新的在前。'}
        </Text>
      </View>
      <ListCard list={list} empty={kind === 'publication' ? '还没有公众号发布记录' : '还没有发送记录'}>
        {(item) => (item.kind === 'publication' ? <PublicationRow key={item._id} item={item} /> : <NotificationRow key={item._id} item={item} />)}
      </ListCard>
    </View>
  )
}

export default function OutboxPage() {
  return <AdminPage orgAdminOnly>{() => <Outbox />}</AdminPage>
}
