import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import type { ContentRow } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { usePagedList } from '../../../hooks/usePagedList'
import { useAsync } from '../../../hooks/useAsync'
import ListFooter from '../../../components/ListFooter'
import { ErrorNotice, Loading } from '../../../components/Status'
import Field from '../../components/Field'

/** An item as the editor holds it: what the contract takes, plus what to show. */
export interface DraftItem {
  kind: 'article' | 'chapter' | 'link'
  refId?: string
  title: string
  bookTitle?: string | null
  url?: string
  required: boolean
}

type Mode = 'article' | 'book' | 'link'

function Chapters({ book, onPick }: { book: ContentRow; onPick: (item: DraftItem) => void }) {
  const content = useAsync(() => callFunction('getContent', { kind: 'book', id: book._id }))
  if (content.status === 'error') return <ErrorNotice message={content.error.message} onRetry={() => void content.reload()} />
  if (!content.data || content.data.kind !== 'book') return <Loading />
  return (
    <View>
      {content.data.chapters.map((c) => (
        <View
          key={c._id}
          className='row'
          ariaRole='button'
          onClick={() => onPick({ kind: 'chapter', refId: c._id, title: c.title, bookTitle: book.title, required: true })}
        >
          <View className='row__main'>
            <Text className='row__title'>{c.title}</Text>
            <Text className='row__sub'>{`约 ${c.minutes} 分钟`}</Text>
          </View>
          <Text className='row__arrow'>＋</Text>
        </View>
      ))}
    </View>
  )
}

function Published({ kind, onPick }: { kind: 'article' | 'book'; onPick: (item: DraftItem) => void }) {
  const rows = usePagedList((cursor) => callFunction('listContent', { kind, status: 'published', ...(cursor ? { cursor } : {}) }), kind)
  const [book, setBook] = useState<ContentRow | null>(null)
  if (book) {
    return (
      <View>
        <Text className='section-note'>{`《${book.title}》的章节：点按加入清单`}</Text>
        <Chapters book={book} onPick={onPick} />
        <Button className='plain-button' onClick={() => setBook(null)}>
          换一本书
        </Button>
      </View>
    )
  }
  return (
    <View>
      {rows.items.map((row) => (
        <View
          key={row._id}
          className='row'
          ariaRole='button'
          onClick={() => (kind === 'book' ? setBook(row) : onPick({ kind: 'article', refId: row._id, title: row.title, required: true }))}
        >
          <View className='row__main'>
            <Text className='row__title'>{row.title}</Text>
            <Text className='row__sub'>{kind === 'book' ? `${row.chapterCount ?? 0} 章` : `约 ${row.minutes} 分钟`}</Text>
          </View>
          <Text className='row__arrow'>{kind === 'book' ? '›' : '＋'}</Text>
        </View>
      ))}
      <ListFooter list={rows} empty={kind === 'book' ? '没有已发布的书目' : '没有已发布的文章'} />
    </View>
  )
}

function LinkForm({ onPick }: { onPick: (item: DraftItem) => void }) {
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  return (
    <View>
      <Field label='材料名称' value={title} onInput={setTitle} max={40} />
      <Field label='链接' value={url} onInput={setUrl} placeholder='https://' hint='链接材料无法自动统计完成情况，只能作为选学' />
      <Button className='plain-button' onClick={() => onPick({ kind: 'link', title: title.trim(), url: url.trim(), required: false })}>
        加入清单
      </Button>
    </View>
  )
}

const MODES: { value: Mode; label: string }[] = [
  { value: 'article', label: '添加文章' },
  { value: 'book', label: '添加章节' },
  { value: 'link', label: '添加链接' },
]

/** Adds an item: a published article, a chapter of a published book, or a link. */
export default function ItemPicker({ onPick }: { onPick: (item: DraftItem) => void }) {
  const [mode, setMode] = useState<Mode | null>(null)
  const pick = (item: DraftItem) => {
    onPick(item)
    setMode(null)
  }
  return (
    <View className='card'>
      <View className='button-row'>
        {MODES.map((m) => (
          <Button
            key={m.value}
            className={mode === m.value ? 'big-button big-button--small' : 'plain-button'}
            onClick={() => setMode(mode === m.value ? null : m.value)}
          >
            {m.label}
          </Button>
        ))}
      </View>
      {mode === 'link' ? <LinkForm onPick={pick} /> : mode && <Published kind={mode} onPick={pick} />}
    </View>
  )
}
