import * as z from './zod'
import { Article, Body, Book, BookStatus, Category, Chapter, ContentStatus, Requirement } from './content'
import { ArticleSummary, DayKey } from './domain'
import {
  ARTICLE_SUMMARY_MAX,
  ARTICLE_TITLE_MAX,
  AUTHOR_MAX,
  BOOK_SUMMARY_MAX,
  BOOK_TITLE_MAX,
  CHAPTER_TITLE_MAX,
  SOURCE_MAX,
  VIDEO_SECONDS_MAX,
} from './constants'
import { Cursor, id, page, text } from './fields'

/**
 * The cloud functions of study content (articles, books, chapters), the daily push (今日学习), the
 * official-account edition and subscribe-message notifications.
 */

const MediaUrl = (label: string) => z.url({ protocol: /^https?$/, error: `${label}应以 http:// 或 https:// 开头` }).max(500, `${label}过长`)
/** null removes the link when editing. */
const optionalMedia = (label: string) => MediaUrl(label).nullable().optional()

export const ContentKind = z.enum(['article', 'book'])
export type ContentKind = z.infer<typeof ContentKind>

/** An article as admins see it: with when it was written, changed and queued. */
export const AdminArticle = Article.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AdminArticle = z.infer<typeof AdminArticle>

export const AdminBook = Book.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type AdminBook = z.infer<typeof AdminBook>

/** Creates (no `id`: a `draft`) or edits an article; minutes are derived from the body. */
export const SaveArticleInput = z
  .strictObject({
    id: id('文章编号').optional(),
    title: text('标题', ARTICLE_TITLE_MAX),
    summary: text('摘要', ARTICLE_SUMMARY_MAX),
    body: Body,
    source: text('来源', SOURCE_MAX),
    categoryId: id('分类'),
    audioUrl: optionalMedia('音频地址'),
    videoUrl: optionalMedia('视频地址'),
    /** The video's length in seconds: needed with a video (what 看完 takes is measured against it). */
    videoSeconds: z
      .number({ error: '视频时长应为数字' })
      .int('视频时长应为整数秒')
      .min(1, '视频时长至少 1 秒')
      .max(VIDEO_SECONDS_MAX, '视频时长最多 4 小时')
      .nullable()
      .optional(),
    videoCoverUrl: optionalMedia('视频封面地址'),
  })
  .refine((a) => !a.videoUrl || !!a.videoSeconds, { message: '有视频时请填写视频时长', path: ['videoSeconds'] })

/** A Shanghai day from today on schedules it; null puts it back in the queue (待推送). */
export const ScheduleArticleInput = z.strictObject({
  id: id('文章编号'),
  day: DayKey.nullable(),
})

export const IdInput = z.strictObject({ id: id('编号') })

export const ListContentInput = z.strictObject({
  kind: ContentKind,
  status: ContentStatus.optional(),
  categoryId: id('分类').optional(),
  cursor: Cursor.optional(),
})

/** One row of the admin content list, for articles and books alike. */
export const ContentRow = z.object({
  kind: ContentKind,
  _id: z.string(),
  title: z.string(),
  status: ContentStatus,
  categoryId: z.string(),
  categoryName: z.string(),
  recommended: z.boolean(),
  /** An article's minutes, a book's total. */
  minutes: z.number().int().nonnegative(),
  updatedAt: z.string(),
  /** Articles only. */
  scheduledFor: DayKey.nullable(),
  publishedOn: DayKey.nullable(),
  /** Books only. */
  chapterCount: z.number().int().nonnegative().nullable(),
  required: Requirement.nullable(),
})
export type ContentRow = z.infer<typeof ContentRow>
/** Last changed first, 20 a page. */
export const ListContentOutput = page(ContentRow)

export const GetContentInput = z.strictObject({ kind: ContentKind, id: id('编号') })
/** Everything an admin edits: the article, or the book with its chapters in order. */
export const GetContentOutput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), article: AdminArticle }),
  z.object({ kind: z.literal('book'), book: AdminBook, chapters: z.array(Chapter) }),
])

/** Creates (no `id`: a `draft` by default) or edits a book; publishing needs at least one chapter. */
export const SaveBookInput = z.strictObject({
  id: id('书目编号').optional(),
  title: text('书名', BOOK_TITLE_MAX),
  author: text('作者', AUTHOR_MAX),
  summary: text('简介', BOOK_SUMMARY_MAX),
  categoryId: id('分类'),
  coverUrl: optionalMedia('封面地址'),
  status: BookStatus.optional(),
})

/**
 * Creates (no `id`) or edits a chapter. `order` is the 1-based position to put it at (absent: the
 * end, or where it is); the others shift so positions stay 1..n.
 */
export const SaveChapterInput = z.strictObject({
  id: id('章节编号').optional(),
  bookId: id('书目编号'),
  title: text('章节标题', CHAPTER_TITLE_MAX),
  body: Body,
  order: z.number({ error: '章节位置应为数字' }).int('章节位置应为整数').min(1, '章节位置从 1 开始').optional(),
  audioUrl: optionalMedia('音频地址'),
})
export const SaveChapterOutput = z.object({ chapter: Chapter, book: AdminBook })

/** Required (必修) for `year` for the listed 党支部 (empty: all of them); year null: elective (选修). */
export const SetBookRequirementInput = z.strictObject({
  bookId: id('书目编号'),
  year: z.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份无效').max(2100, '年份无效').nullable(),
  branchIds: z.array(id('党支部编号')).max(50, '党支部过多').default([]),
})

export const SetRecommendedInput = z.strictObject({
  kind: ContentKind,
  id: id('编号'),
  recommended: z.boolean({ error: 'recommended 应为是或否' }),
})
export const SetRecommendedOutput = z.object({ kind: ContentKind, id: z.string(), recommended: z.boolean() })

export const ListCategoriesOutput = z.object({ items: z.array(Category) })

/** An article as the home page lists it. */
export const ArticleCard = ArticleSummary.extend({
  minutes: z.number().int().positive(),
  categoryId: z.string(),
  categoryName: z.string(),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  recommended: z.boolean(),
})
export type ArticleCard = z.infer<typeof ArticleCard>

/** What the daily push published on one Shanghai day (retired articles left out). */
export const DailyPush = z.object({ day: DayKey, items: z.array(ArticleCard) })
export type DailyPush = z.infer<typeof DailyPush>

export const GetTodayOutput = z.object({
  today: DayKey,
  /** Today's push; null before it runs (07:30) or when nothing was ready to push. */
  push: DailyPush.nullable(),
  /** The pushes of the 7 days before today, newest first (days without one left out). */
  recent: z.array(DailyPush),
  /** Published articles admins recommend, newest first, at most 5. */
  recommended: z.array(ArticleCard),
})

/** Subscribe-message templates by what they announce; ids come from the server's configuration. */
export const TemplateKey = z.enum(['dailyStudy', 'groupPrompt', 'studyNudge', 'weeklyList', 'examNotice', 'meetingNotice'])
export type TemplateKey = z.infer<typeof TemplateKey>

/** What a member answered in `requestSubscribeMessage` for one template. */
export const RecordSubscriptionInput = z.strictObject({
  templateKey: TemplateKey,
  accepted: z.boolean({ error: 'accepted 应为是或否' }),
})

export const Subscription = z.object({
  templateKey: TemplateKey,
  /** For `requestSubscribeMessage`'s `tmplIds`; null when the server has none configured. */
  templateId: z.string().nullable(),
  title: z.string(),
  /** Unused grants: each accepted request allows one message. */
  available: z.number().int().nonnegative(),
})
export type Subscription = z.infer<typeof Subscription>
export const RecordSubscriptionOutput = Subscription

export const PublicationStatus = z.enum([
  /** No official account configured: recorded here only. */
  'recorded',
  /** Waiting to be published. */
  'pending',
  /** A run is making the draft (草稿, `mediaId` once made) and submitting it. */
  'publishing',
  /** Submission sent without an answer (never resubmitted automatically: check the account). */
  'submitting',
  /** Submitted for publishing (`publishId`). */
  'submitted',
  /** `error` says why; the next run retries (from the draft when `mediaId` is set). */
  'failed',
])
export type PublicationStatus = z.infer<typeof PublicationStatus>

/** The official account's (公众号) edition of one day's push. */
export const Publication = z.object({
  kind: z.literal('publication'),
  _id: z.string(),
  day: DayKey,
  title: z.string(),
  articleIds: z.array(z.string()),
  status: PublicationStatus,
  mediaId: z.string().nullable(),
  publishId: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Publication = z.infer<typeof Publication>

export const NotificationResult = z.enum([
  'sending',
  'sent',
  'failed',
  /** The member holds no unused grant for the template. */
  'noGrant',
  /** Asked for in the quiet hours (22:00–07:00 Shanghai): the 07:30 daily push sends it, with the grant and cap of then. */
  'deferred',
  /** The member's daily limit was reached. */
  'dailyCap',
])
export type NotificationResult = z.infer<typeof NotificationResult>

/** One attempt to send a subscribe message, under its idempotency key. */
export const NotificationRecord = z.object({
  kind: z.literal('notification'),
  _id: z.string(),
  key: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  templateKey: TemplateKey,
  result: NotificationResult,
  /** `openapi`: sent through WeChat; `outbox`: recorded only (local cloud). */
  channel: z.enum(['openapi', 'outbox']),
  page: z.string(),
  data: z.record(z.string(), z.string()),
  error: z.string().nullable(),
  at: z.string(),
})
export type NotificationRecord = z.infer<typeof NotificationRecord>

export const ListOutboxInput = z.strictObject({
  kind: z.enum(['publication', 'notification']),
  cursor: Cursor.optional(),
})
/** Newest first, 20 a page. */
export const ListOutboxOutput = page(z.discriminatedUnion('kind', [Publication, NotificationRecord]))

/** The content, push and notification functions; spread into `contract`. */
export const contentContract = {
  getToday: { input: z.strictObject({}), output: GetTodayOutput },
  listCategories: { input: z.strictObject({}), output: ListCategoriesOutput },
  saveArticle: { input: SaveArticleInput, output: AdminArticle },
  scheduleArticle: { input: ScheduleArticleInput, output: AdminArticle },
  retireArticle: { input: IdInput, output: AdminArticle },
  listContent: { input: ListContentInput, output: ListContentOutput },
  getContent: { input: GetContentInput, output: GetContentOutput },
  saveBook: { input: SaveBookInput, output: AdminBook },
  saveChapter: { input: SaveChapterInput, output: SaveChapterOutput },
  setBookRequirement: { input: SetBookRequirementInput, output: AdminBook },
  setRecommended: { input: SetRecommendedInput, output: SetRecommendedOutput },
  recordSubscription: { input: RecordSubscriptionInput, output: RecordSubscriptionOutput },
  listOutbox: { input: ListOutboxInput, output: ListOutboxOutput },
} as const
