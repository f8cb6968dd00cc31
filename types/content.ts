import * as z from 'zod'
import { DayKey } from './domain'

/**
 * Study content: articles (the daily push) and books with ordered chapters. Bodies are a small
 * structured format rendered natively, never HTML written by users.
 */
export const Block = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), text: z.string().min(1).max(100) }),
  z.strictObject({ type: z.literal('paragraph'), text: z.string().min(1).max(5000) }),
  z.strictObject({ type: z.literal('quote'), text: z.string().min(1).max(2000), cite: z.string().max(100).optional() }),
  z.strictObject({ type: z.literal('image'), url: z.url({ protocol: /^https?$/ }), caption: z.string().max(100).optional() }),
])
export type Block = z.infer<typeof Block>

export const Body = z.array(Block).min(1, '正文不能为空').max(500)

/** Categories are data; the seed has at least 政治理论, 经济管理, 历史文化, 励志修养. */
export const Category = z.object({ _id: z.string(), name: z.string(), order: z.number().int() })
export type Category = z.infer<typeof Category>

/**
 * An article is written as a `draft`, then either `scheduled` for a Shanghai day or `queued` (ready,
 * pushed on the first day nothing is scheduled), `published` by the daily push, and maybe `retired`.
 * A book is only ever `draft`, `published` or `retired` (BookStatus).
 */
export const ContentStatus = z.enum(['draft', 'queued', 'scheduled', 'published', 'retired'])
export type ContentStatus = z.infer<typeof ContentStatus>

export const BookStatus = ContentStatus.extract(['draft', 'published', 'retired'])
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

/** Chinese reading speed used to estimate minutes: characters per minute. */
export const READING_CHARS_PER_MINUTE = 300

/** The characters a reader reads in a body: its text and captions, without whitespace. */
export function bodyLength(body: readonly Block[]): number {
  let length = 0
  for (const block of body) {
    const text = block.type === 'image' ? (block.caption ?? '') : block.type === 'quote' ? `${block.text}${block.cite ?? ''}` : block.text
    length += Array.from(text.replace(/\s+/g, '')).length
  }
  return length
}

/** Estimated reading minutes of a body: at least one. */
export function readingMinutes(body: readonly Block[]): number {
  return Math.max(1, Math.ceil(bodyLength(body) / READING_CHARS_PER_MINUTE))
}
