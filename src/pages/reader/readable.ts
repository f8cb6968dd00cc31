import type { Block, ChapterLink, ActionOutput, ItemProgress, StudyKind } from '../../../types'
import { callFunction } from '../../services/cloud'

/** What the reader shows of an article or a chapter, whichever it opened. */
export interface Readable {
  kind: StudyKind
  id: string
  title: string
  /** Under the title: the article's source, or the book. */
  byline: string
  minutes: number
  body: Block[]
  audioUrl: string | null
  progress: ItemProgress
  /** Not an active member: reads without study time (shared articles only). */
  guest: boolean
  /** Chapters only. */
  book: { id: string; title: string; chapterCount: number; order: number } | null
  previous: ChapterLink | null
  next: ChapterLink | null
}

export interface ReaderData {
  item: Readable
  /** Seconds between heartbeats; null for guests, who are not timed. */
  heartbeatSeconds: number | null
}

function fromArticle({ article, progress, guest }: ActionOutput<'getArticle'>): Readable {
  return {
    kind: 'article',
    id: article._id,
    title: article.title,
    byline: [article.source, article.categoryName].filter(Boolean).join(' · '),
    minutes: article.minutes,
    body: article.body,
    audioUrl: article.audioUrl,
    progress,
    guest,
    book: null,
    previous: null,
    next: null,
  }
}

function fromChapter({ chapter, book, progress, previous, next }: ActionOutput<'getChapter'>): Readable {
  return {
    kind: 'chapter',
    id: chapter._id,
    title: chapter.title,
    byline: `《${book.title}》第 ${chapter.order} 章`,
    minutes: chapter.minutes,
    body: chapter.body,
    audioUrl: chapter.audioUrl,
    progress,
    guest: false,
    book: { id: book._id, title: book.title, chapterCount: book.chapterCount, order: chapter.order },
    previous,
    next,
  }
}

/** The item, then (for members) the rules' heartbeat interval. */
export async function loadReadable(kind: StudyKind, id: string): Promise<ReaderData> {
  const item = kind === 'article' ? fromArticle(await callFunction('getArticle', { id })) : fromChapter(await callFunction('getChapter', { id }))
  if (item.guest) return { item, heartbeatSeconds: null }
  const rules = await callFunction('getStudyRules', {})
  return { item, heartbeatSeconds: rules.heartbeatSeconds }
}
