import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ContentKind, ContentRow, ContentStatus } from '../../../../types'
import { BOOK_STATUSES, CONTENT_STATUSES } from '../../../../types/constants'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import Chips from '../../../components/Chips'
import { ROUTES, withQuery } from '../../../utils/routes'
import AdminPage from '../../components/AdminPage'
import ListCard from '../../components/ListCard'
import { chineseDay } from '../../../../types/calendar'
import { CONTENT_STATUS_NAMES } from '../../utils/format'
import { useRefreshOnReturn } from '../../../hooks/useRefreshOnReturn'

const KINDS = [
  { value: 'article' as const, label: '文章' },
  { value: 'book' as const, label: '书目' },
]

/** Books are never queued or scheduled. */
const STATUSES: Record<ContentKind, readonly ContentStatus[]> = {
  article: CONTENT_STATUSES,
  book: BOOK_STATUSES,
}

const STATUS_TAGS: Record<ContentStatus, string> = {
  draft: '',
  queued: 'tag--gold',
  scheduled: 'tag--blue',
  published: 'tag--green',
  retired: '',
}

/** The line under the title: what kind of item, and when or for whom. */
function details(row: ContentRow): string {
  const parts = [row.categoryName]
  if (row.kind === 'article') {
    parts.push(`${row.minutes} 分钟`)
    if (row.scheduledFor) parts.push(`${chineseDay(row.scheduledFor)} 推送`)
    if (row.publishedOn) parts.push(`${chineseDay(row.publishedOn)} 已推送`)
  } else {
    parts.push(`${row.chapterCount ?? 0} 章 · 共 ${row.minutes} 分钟`)
  }
  return parts.filter(Boolean).join(' · ')
}

function Row({ row, onClick }: { row: ContentRow; onClick: () => void }) {
  return (
    <View className='row content-row' onClick={onClick}>
      <View className='row__main'>
        <Text className='row__title'>{row.title}</Text>
        <Text className='row__sub'>{details(row)}</Text>
        <View>
          <Text className={`tag ${STATUS_TAGS[row.status]}`}>{CONTENT_STATUS_NAMES[row.status]}</Text>
          {row.required && <Text className='tag tag--red'>{`${row.required.year} 年必修`}</Text>}
          {row.recommended && <Text className='tag tag--gold'>推荐</Text>}
        </View>
      </View>
      <Text className='row__arrow'>›</Text>
    </View>
  )
}

function ContentList() {
  const [kind, setKind] = useState<ContentKind>('article')
  const [status, setStatus] = useState<ContentStatus | undefined>()
  const query = { kind, status }
  const list = usePagedList((cursor) => callFunction('listContent', { ...query, cursor }), JSON.stringify(query))
  // Back from an editor: show what was changed there.
  useRefreshOnReturn(() => void list.reload())

  function choose(next: ContentKind) {
    setKind(next)
    if (status && !STATUSES[next].includes(status)) setStatus(undefined)
  }

  const editor = kind === 'article' ? ROUTES.adminArticle : ROUTES.adminBook
  const open = (id?: string) => void Taro.navigateTo({ url: withQuery(editor, { id }) })

  return (
    <View>
      <View className='card'>
        <Chips choices={KINDS} value={kind} onChange={(next) => next && choose(next)} />
        <Chips
          label='状态'
          allLabel='全部'
          choices={STATUSES[kind].map((s) => ({ value: s, label: CONTENT_STATUS_NAMES[s] }))}
          value={status}
          onChange={setStatus}
        />
      </View>
      <Button className='big-button list-new' onClick={() => open()}>
        {kind === 'article' ? '新建文章' : '新建书目'}
      </Button>
      <ListCard list={list} empty={kind === 'article' ? '没有符合条件的文章' : '没有符合条件的书目'}>
        {(row) => <Row key={row._id} row={row} onClick={() => open(row._id)} />}
      </ListCard>
    </View>
  )
}

export default function ContentPage() {
  return <AdminPage orgAdminOnly>{() => <ContentList />}</AdminPage>
}
