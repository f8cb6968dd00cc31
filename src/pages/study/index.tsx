import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Category, LibraryItem, LibraryKind, Shelf } from '../../../types'
import { callFunction } from '../../services/cloud'
import { useAsync } from '../../hooks/useAsync'
import { isHeld, isNotMember, useMe } from '../../hooks/useMe'
import { usePagedList } from '../../hooks/usePagedList'
import { useSharedWeek } from '../../hooks/useSharedWeek'
import PageRoot from '../../components/PageRoot'
import WeeklyCard from '../../components/WeeklyCard'
import NotRegistered from '../../components/NotRegistered'
import Chips, { type Choice } from '../../components/Chips'
import SearchBar from '../../components/SearchBar'
import ListFooter from '../../components/ListFooter'
import { bookUrl, readerUrl } from '../../utils/reading'
import { ROUTES } from '../../utils/routes'
import ContinueReading from './ContinueReading'
import LibraryRow from './LibraryRow'
import './index.scss'

const KINDS: Choice<LibraryKind>[] = [
  { value: 'book', label: '书目' },
  { value: 'article', label: '文章' },
]

const ALL: Choice<Shelf> = { value: 'all', label: '全部' }
const HOT: Choice<Shelf> = { value: 'hot', label: '热门' }
const NEW: Choice<Shelf> = { value: 'new', label: '上新' }
const PICKS: Choice<Shelf> = { value: 'recommended', label: '推荐' }

/** 必修 and 选修 are shelves of books only. */
const SHELVES: Record<LibraryKind, Choice<Shelf>[]> = {
  book: [ALL, { value: 'required', label: '必修' }, { value: 'elective', label: '选修' }, HOT, NEW, PICKS],
  article: [ALL, HOT, NEW, PICKS],
}

interface Query {
  kind: LibraryKind
  shelf: Shelf
  categoryId?: string
  /** By title, on every shelf but 热门 (ranked by readers, not searchable). */
  search?: string
}

const open = (item: LibraryItem) => void Taro.navigateTo({ url: item.kind === 'book' ? bookUrl(item._id) : readerUrl('article', item._id) })

function emptyText({ kind, shelf, search }: Query): string {
  if (search) return `没有找到书名或标题含「${search}」的${kind === 'book' ? '书' : '文章'}`
  if (shelf === 'hot') return '最近 30 天还没有人学习这里的内容'
  if (shelf === 'required') return '今年没有布置必读书目'
  return kind === 'book' ? '这里还没有书' : '这里还没有文章'
}

function MyStudyEntry() {
  return (
    <View className='card study-entry' ariaRole='button' onClick={() => void Taro.navigateTo({ url: ROUTES.myStudy })}>
      <View className='study-entry__text'>
        <Text className='study-entry__title'>我的学习</Text>
        <Text className='study-entry__meta'>学时、必读书目进度、每周目标</Text>
      </View>
      <Text className='study-entry__go'>查看 ›</Text>
    </View>
  )
}

function Library() {
  const [query, setQuery] = useState<Query>({ kind: 'book', shelf: 'all' })
  const [categories, setCategories] = useState<Category[]>([])
  const list = usePagedList(async (cursor) => {
    const page = await callFunction('listLibrary', { ...query, cursor })
    setCategories(page.categories)
    return page
  }, JSON.stringify(query))

  const change = (next: Partial<Query>) => setQuery((q) => ({ ...q, ...next }))
  const chooseKind = (kind: LibraryKind) => change({ kind, shelf: SHELVES[kind].some((s) => s.value === query.shelf) ? query.shelf : 'all' })
  // 热门 ranks by readers and cannot search: searching there looks through 全部; choosing it ends a search.
  const search = (words: string) => change({ search: words || undefined, shelf: words && query.shelf === 'hot' ? 'all' : query.shelf })
  const chooseShelf = (shelf: Shelf) => change(shelf === 'hot' ? { shelf, search: undefined } : { shelf })

  return (
    <>
      <View className='card library-filters'>
        <SearchBar key={query.search ?? ''} search={query.search ?? ''} onSearch={search} placeholder='按书名或标题搜索' maxlength={30} />
        <Chips choices={KINDS} value={query.kind} onChange={(kind) => kind && chooseKind(kind)} />
        <Chips label='书架' choices={SHELVES[query.kind]} value={query.shelf} onChange={(shelf) => shelf && chooseShelf(shelf)} />
        {categories.length > 0 && (
          <Chips
            label='分类'
            allLabel='全部分类'
            choices={categories.map((c) => ({ value: c._id, label: c.name }))}
            value={query.categoryId}
            onChange={(categoryId) => change({ categoryId })}
          />
        )}
      </View>
      <View className='card'>
        {list.items.map((item) => (
          <LibraryRow key={`${item.kind}-${item._id}`} item={item} onOpen={() => open(item)} />
        ))}
        <ListFooter list={list} empty={emptyText(query)} />
      </View>
    </>
  )
}

export default function Study() {
  const me = useMe()
  const continuing = useAsync(() => callFunction('getContinueReading', {}))
  const weekly = useAsync(() =>
    callFunction('getMyWeekly', {}).then((answer) => {
      week.shown(answer)
      return answer
    }),
  )
  // Back after reading: what to continue, and the week's progress (as another page asked it since, or asked again).
  const week = useSharedWeek(
    (answer) => {
      weekly.update(() => answer)
      void continuing.reload()
    },
    () => Promise.all([continuing.reload(), weekly.reload()]),
  )
  // The library reloads itself on pull-down (usePagedList).
  usePullDownRefresh(() => void Promise.all([continuing.reload(), weekly.reload()]))

  if (isNotMember(me)) {
    return (
      <PageRoot>
        <NotRegistered held={isHeld(me)} onRecheck={() => void me.reload()} />
      </PageRoot>
    )
  }
  return (
    <PageRoot className='study'>
      <WeeklyCard weekly={weekly} />
      <ContinueReading items={continuing} />
      <MyStudyEntry />
      <Library />
    </PageRoot>
  )
}
