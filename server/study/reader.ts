import type { z } from 'zod'
import type { Category, GetArticleOutput, GetBookOutput, GetChapterOutput, OpenInput } from '../../types'
import type { Member } from '../members'
import { linkedQuestions } from '../quiz/questions'
import { yearKey } from '../../types/calendar'
import { CATEGORIES } from '../content/categories'
import { CHAPTERS, type BookDoc, type ChapterDoc } from '../content/docs'
import { findDoc, fieldKey } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { authorize, authorizeGuest, memberTarget, ORGANISATION } from '../permissions'
import { bookProgress, itemKey, itemProgress, readLedger, type LedgerItem } from './ledger'
import { articleItem, chapterItem, readableArticle, readableBook, readableChapter, requirementOf, type StudyItem } from './readable'
import { STUDY_RULES } from './rules'
import { readingPass } from './sessions'
import type { SpeechMarks } from '../speech/job'

/** The reader pages: content with the caller's own saved progress. */

type Opening = z.output<typeof OpenInput>

const NOT_READING = { heartbeatSeconds: null, sessionPass: null }

/** Starts the reader's session (when it names one): its pass, and when to send the first heartbeat. */
async function openReading(
  db: CloudDatabase,
  reader: Member,
  sessionId: string | undefined,
  item: StudyItem,
  now: Date,
): Promise<{ heartbeatSeconds: number | null; sessionPass: string | null }> {
  if (!sessionId) return NOT_READING
  authorize(reader, 'study.write', memberTarget(reader))
  return { heartbeatSeconds: STUDY_RULES.heartbeatSeconds, sessionPass: await readingPass(db, reader, sessionId, item, now) }
}

function authorizeReading(caller: Member): void {
  authorize(caller, 'content.read', ORGANISATION)
  authorize(caller, 'study.read', memberTarget(caller))
}

export async function categoryName(db: CloudDatabase, id: string): Promise<string> {
  return (await findDoc<Category>(db, CATEGORIES, id))?.name ?? '未分类'
}

/**
 * An article for the reader. An active member reads it with their saved progress; anyone else
 * signed in to WeChat (`member` undefined or not active: someone who opened a shared article)
 * reads it as a guest, with no progress.
 */
export async function readArticle(
  db: CloudDatabase,
  member: Member | undefined,
  { id, sessionId }: Opening,
  now: Date,
): Promise<z.output<typeof GetArticleOutput>> {
  const reader = member?.status === 'active' ? member : undefined
  if (reader) authorizeReading(reader)
  else authorizeGuest('articles.readShared')
  const a = await readableArticle(db, id)
  const key = itemKey('article', a._id)
  const [name, ledger, session] = await Promise.all([
    categoryName(db, a.categoryId),
    reader ? readLedger(db, reader._id, [`items.${key}`]) : undefined,
    reader ? openReading(db, reader, sessionId, articleItem(a), now) : NOT_READING,
  ])
  return {
    article: {
      _id: a._id,
      title: a.title,
      summary: a.summary,
      body: a.body,
      source: a.source,
      categoryId: a.categoryId,
      categoryName: name,
      minutes: a.minutes,
      audioUrl: a.audioUrl ?? null,
      video: a.videoUrl && a.videoSeconds ? { url: a.videoUrl, seconds: a.videoSeconds, coverUrl: a.videoCoverUrl ?? null } : null,
      publishedOn: a.publishedOn ?? null,
      ...spoken(a),
    },
    progress: itemProgress(STUDY_RULES, ledger?.items?.[key], { minutes: a.minutes, videoSeconds: a.videoUrl ? a.videoSeconds : null }),
    guest: !reader,
    ...session,
  }
}

/** The recording while it matches the text; none while the text waits to be read aloud again. */
const spoken = ({ speech, speechPending }: SpeechMarks) => ({
  speech: speech && !speechPending ? { url: speech.url, seconds: speech.seconds, cues: speech.cues } : null,
  speechPending: speechPending === true,
})

type ChapterLink = Pick<ChapterDoc, '_id' | 'order' | 'title'>
const link = (c: ChapterLink) => ({ _id: c._id, order: c.order, title: c.title })

export async function readChapter(db: CloudDatabase, caller: Member, { id, sessionId }: Opening, now: Date): Promise<z.output<typeof GetChapterOutput>> {
  authorizeReading(caller)
  const { chapter, book } = await readableChapter(db, id)
  const key = itemKey('chapter', chapter._id)
  const [ledger, session, { previous, next }] = await Promise.all([
    readLedger(db, caller._id, [`items.${key}`]),
    openReading(db, caller, sessionId, chapterItem(chapter, book), now),
    neighboursOf(db, book, chapter),
  ])
  return {
    chapter: {
      _id: chapter._id,
      bookId: chapter.bookId,
      order: chapter.order,
      title: chapter.title,
      body: chapter.body,
      minutes: chapter.minutes,
      audioUrl: chapter.audioUrl ?? null,
      ...spoken(chapter),
    },
    book: { _id: book._id, title: book.title, chapterCount: book.chapterCount },
    progress: itemProgress(STUDY_RULES, ledger?.items?.[key], chapter),
    previous: previous ? link(previous) : null,
    next: next ? link(next) : null,
    ...session,
  }
}

/** The chapters before and after: from the book's table of contents, or read when it has none (or an outdated one). */
async function neighboursOf(db: CloudDatabase, book: BookDoc, chapter: ChapterDoc): Promise<{ previous?: ChapterLink; next?: ChapterLink }> {
  const i = chapter.order - 1
  if (book.toc?.[i]?._id === chapter._id) {
    const at = (j: number) => book.toc![j] && { ...book.toc![j], order: j + 1 }
    return { previous: at(i - 1), next: at(i + 1) }
  }
  const { data } = await db
    .collection(CHAPTERS)
    .where({ bookId: book._id, order: db.command.in([chapter.order - 1, chapter.order + 1]) })
    .field({ _id: true, order: true, title: true })
    .get()
  const around = data as ChapterLink[]
  return { previous: around.find((c) => c.order === chapter.order - 1), next: around.find((c) => c.order === chapter.order + 1) }
}

export async function readBook(db: CloudDatabase, caller: Member, now: Date, id: string): Promise<z.output<typeof GetBookOutput>> {
  authorizeReading(caller)
  const book = await readableBook(db, id)
  const { data } = await db
    .collection(CHAPTERS)
    .where({ bookId: book._id })
    .field({ _id: true, order: true, title: true, minutes: true, audioUrl: true })
    .orderBy('order', 'asc')
    .limit(1000)
    .get()
  const chapters = data as Omit<ChapterDoc, 'body'>[]
  const bookKey = fieldKey(book._id)
  const paths = [`books.${bookKey}`, ...chapters.map((c) => `items.${itemKey('chapter', c._id)}`)]
  const [name, ledger, quizzes] = await Promise.all([
    categoryName(db, book.categoryId),
    readLedger(db, caller._id, paths),
    linkedQuestions(
      db,
      'chapter',
      chapters.map((c) => c._id),
    ),
  ])
  const withQuiz = new Set(quizzes.map((q) => q.link!.id))
  const itemOf = (c: { _id: string }): LedgerItem | undefined => ledger?.items?.[itemKey('chapter', c._id)]
  const year = Number(yearKey(now))
  return {
    book: {
      _id: book._id,
      title: book.title,
      author: book.author,
      summary: book.summary,
      categoryId: book.categoryId,
      categoryName: name,
      coverUrl: book.coverUrl ?? null,
      requirement: requirementOf(book, caller, year),
      requiredYear: requirementOf(book, caller, year) === 'required' ? year : null,
      recommended: book.recommended,
      chapterCount: book.chapterCount,
      totalMinutes: book.totalMinutes,
    },
    chapters: chapters.map((c) => ({
      ...link(c),
      minutes: c.minutes,
      hasAudio: !!c.audioUrl,
      progress: itemProgress(STUDY_RULES, itemOf(c), c),
      hasQuiz: withQuiz.has(c._id),
    })),
    progress: bookProgress(book._id, ledger?.books?.[bookKey], book.chapterCount),
    continueChapterId: continueChapter(chapters, itemOf),
  }
}

/** The chapter last read when not completed, else the first one not completed. */
function continueChapter(chapters: { _id: string }[], itemOf: (c: { _id: string }) => LedgerItem | undefined): string | null {
  const open = chapters.filter((c) => !itemOf(c)?.done)
  const started = open.filter((c) => itemOf(c)?.at).sort((a, b) => new Date(itemOf(b)!.at).getTime() - new Date(itemOf(a)!.at).getTime())
  return started[0]?._id ?? open[0]?._id ?? null
}
