import type { z } from 'zod'
import { CONTINUE_READING_MAX, type ContinueItem, type GetContinueReadingOutput } from '../../types'
import type { Member } from '../members'
import { ARTICLES, BOOKS, CHAPTERS, type ArticleDoc, type BookDoc, type ChapterDoc } from '../content/docs'
import type { CloudDatabase } from '../db/types'
import { authorize, memberTarget } from '../permissions'
import { readLedger, type LedgerItem } from './ledger'

/** Candidates looked at, so that items since unpublished still leave enough to show. */
const CANDIDATES = 20

/** 继续阅读: the caller's started, not completed articles and chapters, most recently read first. */
export async function continueReading(db: CloudDatabase, caller: Member): Promise<z.output<typeof GetContinueReadingOutput>> {
  authorize(caller, 'study.read', memberTarget(caller))
  const ledger = await readLedger(db, caller._id, ['items'])
  const open = Object.values(ledger?.items ?? {})
    .filter((i) => !i.done)
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, CANDIDATES)
  if (open.length === 0) return { items: [] }
  const _ = db.command
  const idsOf = (kind: LedgerItem['kind']) => open.filter((i) => i.kind === kind).map((i) => i.id)
  const [articles, chapters] = await Promise.all([
    db
      .collection(ARTICLES)
      .where({ _id: _.in(idsOf('article')), status: 'published' })
      .field({ body: false })
      .limit(CANDIDATES)
      .get(),
    db
      .collection(CHAPTERS)
      .where({ _id: _.in(idsOf('chapter')) })
      .field({ body: false })
      .limit(CANDIDATES)
      .get(),
  ])
  const chapterDocs = chapters.data as Omit<ChapterDoc, 'body'>[]
  const books = chapterDocs.length
    ? await db
        .collection(BOOKS)
        .where({ _id: _.in([...new Set(chapterDocs.map((c) => c.bookId))]), status: 'published' })
        .field({ title: true })
        .limit(CANDIDATES)
        .get()
    : { data: [] }
  const articleById = new Map((articles.data as ArticleDoc[]).map((a) => [a._id, a]))
  const chapterById = new Map(chapterDocs.map((c) => [c._id, c]))
  const bookById = new Map((books.data as Pick<BookDoc, '_id' | 'title'>[]).map((b) => [b._id, b]))
  const items: ContinueItem[] = []
  for (const i of open) {
    const base = { _id: i.id, position: i.pos, creditedSeconds: i.s, lastReadAt: new Date(i.at).toISOString() }
    if (i.kind === 'article') {
      const a = articleById.get(i.id)
      if (a) items.push({ ...base, kind: 'article', title: a.title, bookId: null, bookTitle: null, chapterOrder: null, minutes: a.minutes })
    } else {
      const c = chapterById.get(i.id)
      const b = c && bookById.get(c.bookId)
      if (c && b) items.push({ ...base, kind: 'chapter', title: c.title, bookId: b._id, bookTitle: b.title, chapterOrder: c.order, minutes: c.minutes })
    }
  }
  return { items: items.slice(0, CONTINUE_READING_MAX) }
}
