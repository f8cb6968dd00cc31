import { STUDY_KINDS } from './constants'
import * as z from './zod'
import { Body, Category, Chapter } from './content'
import { DayKey } from './domain'
import { Cursor, id, page } from './fields'

/**
 * Reading, study time (学时) and the library: the member's side of study content. Study time is
 * credited by the server only, from heartbeats; every number here is in whole seconds as credited
 * (the client shows minutes, rounded down).
 */

/** What a member reads and is credited for: an article or one chapter of a book. */
export const StudyKind = z.enum(STUDY_KINDS)
export type StudyKind = z.infer<typeof StudyKind>

/** 阅读 or 收听; listening is credited like reading. */
/** read the text, listen to its audio, or watch its video. */
export const ReadMode = z.enum(['read', 'listen', 'watch'])
export type ReadMode = z.infer<typeof ReadMode>

/** The rules in force, as numbers and as the sentences the rules page shows. */
export const StudyRules = z.object({
  /** How often the reader reports the time it counted while the member reads. */
  heartbeatSeconds: z.number().int().positive(),
  /** One heartbeat credits at most this much (and never more than the server's clock moved). */
  maxBeatSeconds: z.number().int().positive(),
  /** Without a touch or a scroll for this long the reader stops counting (unless audio plays). */
  idleAfterSeconds: z.number().int().positive(),
  /** Time per article or chapter is capped at this multiple of its estimated minutes. */
  itemCapMultiple: z.number().positive(),
  /** Time per Shanghai day is capped at this. */
  dayCapMinutes: z.number().int().positive(),
  /** Complete when the credited time reaches this share of the estimate and the end was reached. */
  completionShare: z.number().positive().max(1),
  weeklyTargetMinutes: z.number().int().positive(),
  /** Chinese sentences explaining the rules, in order. */
  sentences: z.array(z.string()),
})
export type StudyRules = z.infer<typeof StudyRules>

/** A member's progress on one article or chapter. */
export const ItemProgress = z.object({
  creditedSeconds: z.number().int().nonnegative(),
  /** Where the reader last was, 0..1 (0 when never opened). */
  position: z.number().min(0).max(1),
  reachedEnd: z.boolean(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  lastReadAt: z.string().nullable(),
  /** The credited time that completes the item (with the end reached). */
  completeAtSeconds: z.number().int().nonnegative(),
  /** No more time is credited for the item beyond this. */
  capSeconds: z.number().int().nonnegative(),
  /** Chapters: when its quiz was passed (已掌握). */
  masteredAt: z.string().nullable(),
})
export type ItemProgress = z.infer<typeof ItemProgress>

/** Client-generated, one per page view (a UUID). */
export const SessionId = z.string({ error: '阅读会话编号应为文字' }).regex(/^[A-Za-z0-9-]{8,64}$/, '阅读会话编号无效')
/** What the open of a reading session answers (server/study/sessions.ts): opaque to the reader. */
export const SessionPass = z.string({ error: '阅读凭证应为文字' }).max(4000, '阅读凭证无效')

export const HeartbeatInput = z.strictObject({
  kind: StudyKind,
  id: id('内容编号'),
  sessionId: SessionId,
  /** Increases with every heartbeat of the session (the first may be 0). */
  seq: z.number({ error: '心跳序号应为数字' }).int('心跳序号应为整数').min(0, '心跳序号无效').max(1_000_000, '心跳序号无效'),
  /** The seconds the reader counted the member reading (or listening) in this session so far. */
  activeSeconds: z.number({ error: '阅读时长应为数字' }).int('阅读时长应为整数').min(0, '阅读时长无效').max(86_400, '阅读时长无效'),
  mode: ReadMode,
  position: z.number({ error: '阅读位置应为数字' }).min(0, '阅读位置无效').max(1, '阅读位置无效').optional(),
  /** The reader is at the end of the text (or the audio played to its end). */
  atEnd: z.boolean({ error: 'atEnd 应为是或否' }),
  /**
   * Sent by the reader's timer while the member reads on: the time is credited, and scored as points
   * with the session's next heartbeat that is not interim (reading paused, the page left, the end).
   */
  interim: z.boolean({ error: 'interim 应为是或否' }).optional(),
  /** The pass the reader's open answered: the session's first heartbeat is measured from the open. */
  pass: SessionPass.optional(),
})

/**
 * Why a heartbeat credited what it did: `credited` the time the reader counted since the previous
 * heartbeat; `started` the first heartbeat of a session the reader did not open (nothing to credit
 * yet); `clock` the reader counted more than the server's clock moved; `duplicate` a repeated,
 * replayed or out-of-order heartbeat; `overlap` time already credited to
 * another page the member had open at the same time; `beatCap` / `itemCap` / `dayCap` limited by the
 * per-heartbeat, per-item or per-day cap.
 */
export const CreditReason = z.enum(['credited', 'started', 'clock', 'duplicate', 'overlap', 'beatCap', 'itemCap', 'dayCap'])
export type CreditReason = z.infer<typeof CreditReason>

export const BookProgress = z.object({
  bookId: z.string(),
  completedChapters: z.number().int().nonnegative(),
  chapterCount: z.number().int().nonnegative(),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
})
export type BookProgress = z.infer<typeof BookProgress>

export const HeartbeatOutput = z.object({
  /** Credited by this heartbeat. */
  creditedSeconds: z.number().int().nonnegative(),
  reason: CreditReason,
  /** The item's credited total after this heartbeat. */
  itemSeconds: z.number().int().nonnegative(),
  completed: z.boolean(),
  /** True on the one heartbeat that completed the item: show「本章已完成 · +N 分钟」. */
  justCompleted: z.boolean(),
  /** N above: the item's credited minutes, rounded down. */
  minutesCredited: z.number().int().nonnegative(),
  progress: ItemProgress,
  /** Credited today (Shanghai) over all items, and the day's cap. */
  todaySeconds: z.number().int().nonnegative(),
  dayCapSeconds: z.number().int().positive(),
  /** Chapters only: the book's progress after this heartbeat. */
  book: BookProgress.extend({ justCompleted: z.boolean() }).nullable(),
  /** When to send the next heartbeat. */
  nextBeatSeconds: z.number().int().positive(),
})

export const ReadInput = z.strictObject({ id: id('编号') })

/**
 * Opening an article or chapter to read: with `sessionId` (a member's reader page), the reading
 * session starts on the server now, so the first heartbeat can be credited by its clock.
 */
export const OpenInput = ReadInput.extend({ sessionId: SessionId.optional() })

const MediaUrl = z.string()

/**
 * 听全文: the text read aloud (recorded by the server's speech engine), with the second each
 * sentence of `spokenSentences` (types/speech.ts) begins at; null until it is recorded.
 */
export const SpeechTrack = z.object({ url: MediaUrl, seconds: z.number().nonnegative(), cues: z.array(z.number().nonnegative()) })
export type SpeechTrack = z.infer<typeof SpeechTrack>

/** What the reader needs to read an item aloud: its recording, or that one is on its way. */
const Spoken = { speech: SpeechTrack.nullable(), speechPending: z.boolean() }

export const ReaderArticle = z.object({
  _id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: Body,
  source: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  minutes: z.number().int().positive(),
  audioUrl: MediaUrl.nullable(),
  /** A video item: played in the reader, credited by what was played. */
  video: z.object({ url: MediaUrl, seconds: z.number().int().positive(), coverUrl: MediaUrl.nullable() }).nullable(),
  publishedOn: DayKey.nullable(),
  ...Spoken,
})
export type ReaderArticle = z.infer<typeof ReaderArticle>

export const GetArticleOutput = z.object({
  article: ReaderArticle,
  progress: ItemProgress,
  /**
   * The caller is not an active member (someone who opened a shared article): they read it without
   * saved progress and no study time is credited; the reader invites them to register.
   */
  guest: z.boolean(),
  /** When to send the first heartbeat; null when no session was opened (a guest, or no `sessionId`). */
  heartbeatSeconds: z.number().int().positive().nullable(),
  /** The opened session's pass, signed by the server, sent back with its heartbeats (`HeartbeatInput.pass`). */
  sessionPass: SessionPass.nullable(),
})

export const ChapterLink = z.object({ _id: z.string(), order: z.number().int().positive(), title: z.string() })
export type ChapterLink = z.infer<typeof ChapterLink>

/** 必修 for the caller this year (their 党支部 or every 党支部), or 选修. */
export const RequirementKind = z.enum(['required', 'elective'])
export type RequirementKind = z.infer<typeof RequirementKind>

export const GetChapterOutput = z.object({
  chapter: Chapter.extend({ audioUrl: MediaUrl.nullable(), ...Spoken }),
  book: z.object({ _id: z.string(), title: z.string(), chapterCount: z.number().int().nonnegative() }),
  progress: ItemProgress,
  previous: ChapterLink.nullable(),
  next: ChapterLink.nullable(),
  heartbeatSeconds: z.number().int().positive().nullable(),
  sessionPass: SessionPass.nullable(),
})

export const ReaderBook = z.object({
  _id: z.string(),
  title: z.string(),
  author: z.string(),
  summary: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  coverUrl: MediaUrl.nullable(),
  requirement: RequirementKind,
  /** The year it is required in, when required for the caller. */
  requiredYear: z.number().int().nullable(),
  recommended: z.boolean(),
  chapterCount: z.number().int().nonnegative(),
  totalMinutes: z.number().int().nonnegative(),
})
export type ReaderBook = z.infer<typeof ReaderBook>

export const GetBookOutput = z.object({
  book: ReaderBook,
  /** In order, each with the caller's progress. */
  chapters: z.array(
    ChapterLink.extend({
      minutes: z.number().int().positive(),
      hasAudio: z.boolean(),
      progress: ItemProgress,
      /** Questions were written for it: a 章节小测 opens once it is completed. */
      hasQuiz: z.boolean(),
    }),
  ),
  progress: BookProgress,
  /** The chapter to open on「继续阅读」: the first not completed (null when all are). */
  continueChapterId: z.string().nullable(),
})

/** 全部 (by category when `categoryId` is given), 必修, 选修, 推荐, 热门 (most read in 30 days), 上新. */
export const Shelf = z.enum(['all', 'required', 'elective', 'recommended', 'hot', 'new'])
export type Shelf = z.infer<typeof Shelf>

export const LibraryKind = z.enum(['book', 'article'])
export type LibraryKind = z.infer<typeof LibraryKind>

export const ListLibraryInput = z.strictObject({
  /** Books (default) or articles; 必修 / 选修 are shelves of books only. */
  kind: LibraryKind.default('book'),
  shelf: Shelf.default('all'),
  categoryId: id('分类').optional(),
  /** Part of the title, any case (every shelf but 热门). */
  search: z.string({ error: '搜索内容应为文字' }).trim().max(30, '搜索内容最多 30 个字').optional(),
  cursor: Cursor.optional(),
})

export const LibraryItem = z.object({
  kind: LibraryKind,
  _id: z.string(),
  title: z.string(),
  summary: z.string(),
  /** Books only. */
  author: z.string().nullable(),
  categoryId: z.string(),
  categoryName: z.string(),
  /** An article's minutes, a book's total. */
  minutes: z.number().int().nonnegative(),
  coverUrl: MediaUrl.nullable(),
  hasAudio: z.boolean(),
  /** Books only (articles: null). */
  requirement: RequirementKind.nullable(),
  recommended: z.boolean(),
  /** Articles: the day pushed; books: null. */
  publishedOn: DayKey.nullable(),
  /** 热门 only: member-days of reading in the last 30 days, each member once a day (人次; null on other shelves). */
  readers30d: z.number().int().nonnegative().nullable(),
  /** The caller's progress: a book's chapters, or an article as one of one. */
  completedChapters: z.number().int().nonnegative(),
  chapterCount: z.number().int().nonnegative(),
  completed: z.boolean(),
})
export type LibraryItem = z.infer<typeof LibraryItem>

/** 20 a page; `categories` (for the category tabs) in every page. */
export const ListLibraryOutput = page(LibraryItem).extend({ categories: z.array(Category) })

/** One started, not yet completed article or chapter, most recent first. */
export const ContinueItem = z.object({
  kind: StudyKind,
  _id: z.string(),
  title: z.string(),
  /** Chapters only. */
  bookId: z.string().nullable(),
  bookTitle: z.string().nullable(),
  chapterOrder: z.number().int().positive().nullable(),
  position: z.number().min(0).max(1),
  creditedSeconds: z.number().int().nonnegative(),
  minutes: z.number().int().positive(),
  lastReadAt: z.string(),
})
export type ContinueItem = z.infer<typeof ContinueItem>

export const GetContinueReadingOutput = z.object({ items: z.array(ContinueItem) })

export const DaySeconds = z.object({ day: DayKey, seconds: z.number().int().nonnegative() })
export type DaySeconds = z.infer<typeof DaySeconds>

export const GetMyStudyOutput = z.object({
  today: DayKey,
  /** Credited seconds in this Shanghai year, quarter (`YYYY-Qn`), week (keyed by its Monday) and day. */
  year: z.object({ key: z.string(), seconds: z.number().int().nonnegative() }),
  quarter: z.object({ key: z.string(), seconds: z.number().int().nonnegative() }),
  week: z.object({ key: DayKey, seconds: z.number().int().nonnegative() }),
  todaySeconds: z.number().int().nonnegative(),
  /** The bar chart: the 15 days ending today, oldest first (days without study are 0). */
  last15Days: z.array(DaySeconds).length(15),
  /** This year's time by category, most first (categories without time left out). */
  byCategory: z.array(z.object({ categoryId: z.string(), categoryName: z.string(), seconds: z.number().int().positive() })),
  /** Every book the member completed, newest first. */
  booksCompleted: z.array(z.object({ bookId: z.string(), title: z.string(), completedAt: z.string() })),
  /** This year's required books for the member's 党支部, with chapter progress. */
  requiredBooks: z.array(BookProgress.extend({ title: z.string() })),
  weeklyTarget: z.object({
    minutes: z.number().int().positive(),
    /** This week's credited seconds reached the target. */
    met: z.boolean(),
  }),
})

/** The reading, study-time and library functions; spread into `contract`. */
export const studyContract = {
  heartbeat: { input: HeartbeatInput, output: HeartbeatOutput },
  getStudyRules: { input: z.strictObject({}), output: StudyRules },
  getArticle: { input: OpenInput, output: GetArticleOutput },
  getChapter: { input: OpenInput, output: GetChapterOutput },
  getBook: { input: ReadInput, output: GetBookOutput },
  listLibrary: { input: ListLibraryInput, output: ListLibraryOutput },
  getContinueReading: { input: z.strictObject({}), output: GetContinueReadingOutput },
  getMyStudy: { input: z.strictObject({}), output: GetMyStudyOutput },
} as const
