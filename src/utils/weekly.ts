import type { WeeklyItem } from '../../types'
import { readerUrl } from './reading'

export const KIND_NAMES: Record<WeeklyItem['kind'], string> = { article: '文章', chapter: '章节', link: '链接材料' }

/** What an item is called in lists: a chapter with its book. */
export const itemTitle = (item: Pick<WeeklyItem, 'title' | 'bookTitle'>) => (item.bookTitle ? `《${item.bookTitle}》${item.title}` : item.title)

/** Where tapping an item goes: the reader (links have no page of their own). */
export const itemUrl = (item: Pick<WeeklyItem, 'kind' | 'refId'>) => (item.kind === 'link' || !item.refId ? null : readerUrl(item.kind, item.refId))

/** 3/5 as 60%. */
export const rate = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—')
