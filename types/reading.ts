import { READING_CHARS_PER_MINUTE } from './constants'
import type { Block } from './content'

/** How long a body takes to read, and how credited time reads, on both sides. */

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
export const readingMinutes = (body: readonly Block[]): number => Math.max(1, Math.ceil(bodyLength(body) / READING_CHARS_PER_MINUTE))

/** Whole minutes of credited seconds, as members see them everywhere: rounded down. */
export const wholeMinutes = (seconds: number): number => Math.floor(seconds / 60)

/** A title that numbers itself: 第一章 …, 第3节 …, 第二编 … (a law's part), 序章, 附则. */
const NUMBERED = /^(第[0-9０-９一二三四五六七八九十百零〇两]+[章节篇编回讲课]|序章|序言|前言|引言|后记|结语|附\s*则)/

/** A chapter as lists show it: 第 3 章 坚持学习, or just its title when that numbers itself (no 第 1 章 第一章). */
export const chapterLabel = (order: number, title: string): string => (NUMBERED.test(title.trim()) ? title : `第 ${order} 章 ${title}`)

/**
 * Where a chapter is in its book, as a byline shows it: 《书》第 3 章, or by the title's own numbering
 * (《宪法》第三章 for its fourth chapter, after 序言), so the two never disagree.
 */
export function chapterPlace(bookTitle: string, order: number, title: string): string {
  const own = NUMBERED.exec(title.trim())
  return `《${bookTitle}》${own ? own[1] : `第 ${order} 章`}`
}

/** `96` → 1 分 36 秒, `300` → 5 分钟, `45` → 45 秒. */
export function durationText(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  if (s === 0) return `${m} 分钟`
  return m > 0 ? `${m} 分 ${s} 秒` : `${s} 秒`
}

/** The id a discussion prompt links a 每周一学 item by: `link: { kind: 'weekly', id }`. */
export const weeklyLinkId = (listId: string, itemKey: string): string => `${listId}:${itemKey}`
