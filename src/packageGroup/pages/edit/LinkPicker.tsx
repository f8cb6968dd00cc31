import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { PromptLink } from '../../../../types'
import { callFunction } from '../../../services/cloud'
import { useAsync } from '../../../hooks/useAsync'
import { ErrorNotice, Loading } from '../../../components/Status'
import { linkTitle, weeklyItemLink } from '../../../utils/discussion'

type Source = PromptLink['kind']

interface Option {
  link: PromptLink
  /** What the list shows (may say more than the title, e.g. 必学). */
  label: string
}

/** This week's 每周一学 items: the leader's list is their group's (lists go out by branch). */
async function weeklyOptions(): Promise<Option[]> {
  const { list } = await callFunction('getMyWeekly', {})
  if (!list) return []
  return list.items.map((item) => {
    const link = weeklyItemLink(list.listId, item)
    return { link, label: `${item.required ? '【必学】' : '【选学】'}${link.title}` }
  })
}

/** The chapters of this year's required books (必修 for the caller's 党支部), book by book. */
async function chapterOptions(): Promise<Option[]> {
  const books = await callFunction('listLibrary', { kind: 'book', shelf: 'required' })
  const details = await Promise.all(books.items.map((b) => callFunction('getBook', { id: b._id })))
  return details.flatMap(({ book, chapters }) =>
    chapters.map((c) => {
      const title = linkTitle(`《${book.title}》${c.title}`)
      return { link: { kind: 'chapter', id: c._id, title }, label: title }
    }),
  )
}

/** The articles of the recent daily pushes, newest first. */
async function articleOptions(): Promise<Option[]> {
  const today = await callFunction('getToday', {})
  const all = [...(today.push?.items ?? []), ...today.recent.flatMap((p) => p.items)]
  return all
    .filter((a, i) => all.findIndex((b) => b._id === a._id) === i)
    .map((a) => ({ link: { kind: 'article', id: a._id, title: linkTitle(a.title) }, label: a.title }))
}

const SOURCES: { kind: Source; name: string; empty: string; load: () => Promise<Option[]> }[] = [
  { kind: 'weekly', name: '本周每周一学', empty: '本周还没有发给本组的每周一学清单', load: weeklyOptions },
  { kind: 'chapter', name: '必读书目章节', empty: '今年还没有必读书目', load: chapterOptions },
  { kind: 'article', name: '近期文章', empty: '近期没有推送文章', load: articleOptions },
]

function OptionChoice({ source, link, onChange }: { source: (typeof SOURCES)[number]; link: PromptLink | null; onChange: (link: PromptLink) => void }) {
  const options = useAsync(source.load)
  const current = link?.kind === source.kind ? link : null
  const chosen = <View className='field__input link-picker__item'>{current ? current.title : `从${source.name}中选择`}</View>
  const list = options.data
  if (!list) {
    // A link given already (editing, or started from an item) stays shown while the choices load.
    return (
      <View>
        {current && chosen}
        {options.status === 'error' ? <ErrorNotice message={options.error.message} onRetry={options.reload} /> : <Loading />}
      </View>
    )
  }
  if (list.length === 0 && !current) return <Text className='field__hint'>{source.empty}</Text>
  return (
    <Picker mode='selector' range={list.map((o) => o.label)} onChange={(e) => onChange(list[Number(e.detail.value)].link)}>
      {chosen}
    </Picker>
  )
}

/**
 * 关联学习: what a prompt is about — an item of this week's 每周一学 (replies then count as the
 * item discussed), a required book's chapter, or a recent article. First the kind, then the item.
 */
export default function LinkPicker({ link, onChange }: { link: PromptLink | null; onChange: (link: PromptLink | null) => void }) {
  const [kind, setKind] = useState<Source | null>(link?.kind ?? null)
  const source = SOURCES.find((s) => s.kind === kind)
  return (
    <View className='field'>
      <Text className='field__label'>关联学习（可不填）</Text>
      <Picker
        mode='selector'
        range={['不关联', ...SOURCES.map((s) => s.name)]}
        onChange={(e) => {
          const picked = SOURCES[Number(e.detail.value) - 1]
          setKind(picked?.kind ?? null)
          // A link of another kind no longer matches what is shown.
          if (picked?.kind !== link?.kind) onChange(null)
        }}
      >
        <View className='field__input link-picker__kind'>{source ? source.name : '不关联'}</View>
      </Picker>
      {source && <OptionChoice key={source.kind} source={source} link={link} onChange={onChange} />}
    </View>
  )
}
