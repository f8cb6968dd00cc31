import type { z } from 'zod'
import type { ContentStatus, DayKey, SaveArticleInput } from '../../types'
import { readingMinutes } from '../../types'
import { dayKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { newId } from '../ids'
import { findPush } from '../push/pushes'
import { requireCategory } from './categories'
import { ARTICLES, requireArticle, type ArticleDoc } from './docs'
import { auditContent, defined, linkUpdate, pick, type Editor } from './editing'

type ArticleInput = z.output<typeof SaveArticleInput>

const SNAPSHOT = ['title', 'summary', 'source', 'categoryId', 'minutes', 'audioUrl', 'videoUrl', 'videoSeconds', 'status'] as const
const STATE = ['status', 'scheduledFor'] as const

/** The statuses an article can still be scheduled or queued from. */
const WAITING: ContentStatus[] = ['draft', 'queued', 'scheduled']

const target = (doc: Pick<ArticleDoc, '_id' | 'title'>) => ({ type: 'article' as const, id: doc._id, name: doc.title })

/**
 * Creates an article (a `draft`; `createAs` fixes its id, for imports) or edits one. Minutes are
 * derived from the body, and are at least a video's length. A retired article is not edited; a published one may be corrected.
 */
export async function writeArticle(db: CloudDatabase, editor: Editor, now: Date, input: ArticleInput, createAs?: string): Promise<ArticleDoc> {
  await requireCategory(db, input.categoryId)
  const at = now.toISOString()
  const content = {
    title: input.title,
    summary: input.summary,
    source: input.source,
    categoryId: input.categoryId,
    minutes: Math.max(readingMinutes(input.body), input.videoUrl && input.videoSeconds ? Math.ceil(input.videoSeconds / 60) : 0),
  }
  if (!input.id) {
    const doc: ArticleDoc = {
      _id: createAs ?? newId('article'),
      ...content,
      body: input.body,
      ...(input.audioUrl ? { audioUrl: input.audioUrl } : {}),
      ...(input.videoUrl ? { videoUrl: input.videoUrl, videoSeconds: input.videoSeconds! } : {}),
      ...(input.videoCoverUrl ? { videoCoverUrl: input.videoCoverUrl } : {}),
      status: 'draft',
      recommended: false,
      // 听全文: read aloud once it leaves draft (server/speech/job.ts).
      speechPending: true,
      createdAt: at,
      updatedAt: at,
    }
    await db.collection(ARTICLES).add({ data: doc })
    await auditContent(db, editor, now, 'article.create', target(doc), null, pick(doc, SNAPSHOT))
    return doc
  }
  const before = await requireArticle(db, input.id)
  if (before.status === 'retired') throw new AppError('CONFLICT', '这篇文章已下线，不能再修改')
  const _ = db.command
  await db
    .collection(ARTICLES)
    .doc(before._id)
    .update({
      data: defined({
        ...content,
        body: _.set(input.body),
        audioUrl: linkUpdate(db, input.audioUrl),
        videoUrl: linkUpdate(db, input.videoUrl),
        videoSeconds: input.videoUrl === undefined ? undefined : input.videoUrl ? input.videoSeconds! : _.remove(),
        videoCoverUrl: linkUpdate(db, input.videoCoverUrl),
        // The text may have changed: the speech job records it again if it did.
        speechPending: true,
        updatedAt: at,
      }),
    })
  const after = await requireArticle(db, before._id)
  await auditContent(db, editor, now, 'article.update', target(after), pick(before, SNAPSHOT), pick(after, SNAPSHOT))
  return after
}

/**
 * Schedules an article for a Shanghai day from today on, or (day null) puts it in the queue that
 * fills days with nothing scheduled. Today is refused once today's push has run.
 */
export async function writeSchedule(db: CloudDatabase, editor: Editor, now: Date, input: { id: string; day: DayKey | null }): Promise<ArticleDoc> {
  const before = await requireArticle(db, input.id)
  if (before.status === 'published') throw new AppError('CONFLICT', '这篇文章已经推送过了，不能再排期')
  if (before.status === 'retired') throw new AppError('CONFLICT', '这篇文章已下线，不能再排期')
  const today = dayKey(now)
  const { day } = input
  if (day !== null) {
    if (day < today) throw new AppError('INVALID_INPUT', '只能排到今天或以后的日期')
    if (day === today && (await findPush(db, today))) throw new AppError('CONFLICT', '今天的推送已经发布，请排到明天或以后')
  }
  const _ = db.command
  const at = now.toISOString()
  const data =
    day === null
      ? { status: 'queued', scheduledFor: _.remove(), queuedAt: at, updatedAt: at }
      : { status: 'scheduled', scheduledFor: day, queuedAt: _.remove(), updatedAt: at }
  // Conditional: the push may publish it meanwhile. (An update that changes nothing counts none.)
  await db
    .collection(ARTICLES)
    .where({ _id: before._id, status: _.in(WAITING) })
    .update({ data })
  const after = await requireArticle(db, before._id)
  if (!WAITING.includes(after.status)) throw new AppError('CONFLICT', '这篇文章刚刚被推送或下线，请刷新后再试')
  await auditContent(db, editor, now, 'article.schedule', target(after), pick(before, STATE), pick(after, STATE))
  return after
}

/** Retires (下线) an article: it leaves the queue, the home page and the lists; its history stays. */
export async function writeRetirement(db: CloudDatabase, editor: Editor, now: Date, id: string): Promise<ArticleDoc> {
  const before = await requireArticle(db, id)
  if (before.status === 'retired') return before
  const _ = db.command
  await db
    .collection(ARTICLES)
    .doc(id)
    .update({ data: { status: 'retired', recommended: false, scheduledFor: _.remove(), queuedAt: _.remove(), updatedAt: now.toISOString() } })
  const after = await requireArticle(db, id)
  await auditContent(db, editor, now, 'article.retire', target(after), pick(before, STATE), pick(after, STATE))
  return after
}
