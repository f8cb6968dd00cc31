import type { Block, ChapterLink, ActionOutput, ItemProgress, SpeechTrack, StudyKind } from '../../../types'
import { chapterPlace } from '../../../types/reading'
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
  /** 听全文: the text read aloud by the speech engine, once recorded. */
  speech: SpeechTrack | null
  /** The text is waiting to be read aloud (new or just changed). */
  speechPending: boolean
  /** A video item's video. */
  video: { url: string; seconds: number; coverUrl: string | null } | null
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
  /** The reading session the open started on the server. */
  sessionId: string
  /** Seconds between heartbeats; null for guests, who are not timed. */
  heartbeatSeconds: number | null
  /** The session's pass, signed by the server: its first heartbeat is measured from the open. */
  sessionPass: string | null
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
    speech: article.speech,
    speechPending: article.speechPending,
    video: article.video,
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
    byline: chapterPlace(book.title, chapter.order, chapter.title),
    minutes: chapter.minutes,
    body: chapter.body,
    audioUrl: chapter.audioUrl,
    speech: chapter.speech,
    speechPending: chapter.speechPending,
    video: null,
    progress,
    guest: false,
    book: { id: book._id, title: book.title, chapterCount: book.chapterCount, order: chapter.order },
    previous,
    next,
  }
}

/**
 * Opens the item: one call, which for a member also starts the page view's reading session on the
 * server (so the first heartbeat is measured from the opening) and says when to send it.
 */
export async function loadReadable(kind: StudyKind, id: string, sessionId: string): Promise<ReaderData> {
  if (kind === 'article') {
    const answer = await callFunction('getArticle', { id, sessionId })
    return { item: fromArticle(answer), sessionId, heartbeatSeconds: answer.heartbeatSeconds, sessionPass: answer.sessionPass }
  }
  const answer = await callFunction('getChapter', { id, sessionId })
  return { item: fromChapter(answer), sessionId, heartbeatSeconds: answer.heartbeatSeconds, sessionPass: answer.sessionPass }
}
