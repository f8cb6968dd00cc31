import { BLOCK_TEXT_MAX, BODY_BLOCKS_MAX, BOOK_STATUSES, CONTENT_STATUSES } from './constants'
import { DayKey } from './domain'
import * as z from './zod'
import { normalizeText } from './text'

/**
 * Study content: articles (the daily push) and books with ordered chapters. Bodies are a small
 * structured format rendered natively, never HTML written by users.
 */
/** A block's words, as readers will see them (format characters removed: see normalizeText). */
const blockText = (max: number) => z.string().overwrite(normalizeText).min(1).max(max)
const blockNote = (max: number) => z.string().overwrite(normalizeText).max(max).optional()

export const Block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: blockText(BLOCK_TEXT_MAX.heading) }),
  z.strictObject({ type: z.literal('paragraph'), text: blockText(BLOCK_TEXT_MAX.paragraph) }),
  z.strictObject({ type: z.literal('quote'), text: blockText(BLOCK_TEXT_MAX.quote), cite: blockNote(BLOCK_TEXT_MAX.cite) }),
  z.strictObject({ type: z.literal('image'), url: z.url({ protocol: /^https?$/ }), caption: blockNote(BLOCK_TEXT_MAX.caption) }),
])
export type Block = z.infer<typeof Block>

export const Body = z.array(Block).min(1, '正文不能为空').max(BODY_BLOCKS_MAX)

/** Categories are data; the seed has at least 政治理论, 经济管理, 历史文化, 励志修养. */
export const Category = z.object({ _id: z.string(), name: z.string(), order: z.number().int() })
export type Category = z.infer<typeof Category>

/**
 * An article is written as a `draft`, then either `scheduled` for a Shanghai day or `queued` (ready,
 * pushed on the first day nothing is scheduled), `published` by the daily push, and maybe `retired`.
 * A book is only ever `draft`, `published` or `retired` (BookStatus).
 */
export const ContentStatus = z.enum(CONTENT_STATUSES)
export type ContentStatus = z.infer<typeof ContentStatus>

export const BookStatus = z.enum(BOOK_STATUSES)
export type BookStatus = z.infer<typeof BookStatus>

const MediaUrl = z.url({ protocol: /^https?$/ })

export const Article = z.object({
  _id: z.string(),
  title: z.string(),
  summary: z.string(),
  body: Body,
  source: z.string(),
  categoryId: z.string(),
  /** Estimated reading minutes, derived from the body's length. */
  minutes: z.number().int().positive(),
  audioUrl: MediaUrl.optional(),
  videoUrl: MediaUrl.optional(),
  /** The video's length: it sets the estimate (at least) and what 看完 takes. */
  videoSeconds: z.number().int().positive().optional(),
  videoCoverUrl: MediaUrl.optional(),
  status: ContentStatus,
  /** The Shanghai day the daily push should publish it, when scheduled. */
  scheduledFor: DayKey.optional(),
  /** The Shanghai day it was pushed. */
  publishedOn: DayKey.optional(),
  recommended: z.boolean(),
})
export type Article = z.infer<typeof Article>

/** Required (必修) for a year, for every branch (empty list) or the listed ones. */
export const Requirement = z.object({
  year: z.number().int().min(2000).max(2100),
  branchIds: z.array(z.string()),
})
export type Requirement = z.infer<typeof Requirement>

export const Book = z.object({
  _id: z.string(),
  title: z.string(),
  author: z.string(),
  summary: z.string(),
  categoryId: z.string(),
  coverUrl: MediaUrl.optional(),
  /** Absent: elective (选修). */
  required: Requirement.optional(),
  recommended: z.boolean(),
  status: BookStatus,
  chapterCount: z.number().int().nonnegative(),
  totalMinutes: z.number().int().nonnegative(),
})
export type Book = z.infer<typeof Book>

export const Chapter = z.object({
  _id: z.string(),
  bookId: z.string(),
  /** 1-based position in the book. */
  order: z.number().int().positive(),
  title: z.string(),
  body: Body,
  minutes: z.number().int().positive(),
  audioUrl: MediaUrl.optional(),
})
export type Chapter = z.infer<typeof Chapter>
