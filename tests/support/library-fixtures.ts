import type { Category, ContinueItem, ActionOutput, ItemProgress, LibraryItem } from '../../types'
import { progress } from './reader-fixtures'

/** The organisation's categories, as every page of listLibrary carries them. */
export const categories: Category[] = [
  { _id: 'cat-politics', name: '政治理论', order: 1 },
  { _id: 'cat-history', name: '历史文化', order: 2 },
]

export function libraryBook(over: Partial<LibraryItem> = {}): LibraryItem {
  return {
    kind: 'book',
    _id: 'book-1',
    title: '共产党宣言导读',
    summary: '逐章导读。',
    author: '李明',
    categoryId: 'cat-politics',
    categoryName: '政治理论',
    minutes: 120,
    coverUrl: null,
    hasAudio: false,
    requirement: 'elective',
    recommended: false,
    publishedOn: null,
    readers30d: null,
    completedChapters: 0,
    chapterCount: 8,
    completed: false,
    ...over,
  }
}

export function libraryArticle(over: Partial<LibraryItem> = {}): LibraryItem {
  return {
    ...libraryBook(),
    kind: 'article',
    _id: 'article-1',
    title: '把学习成果转化为工作实效',
    author: null,
    minutes: 6,
    requirement: null,
    publishedOn: '2026-11-20',
    completedChapters: 0,
    chapterCount: 1,
    ...over,
  }
}

export const libraryPage = (items: LibraryItem[], nextCursor: string | null = null): ActionOutput<'listLibrary'> => ({
  items,
  nextCursor,
  categories,
})

export function continueItem(over: Partial<ContinueItem> = {}): ContinueItem {
  return {
    kind: 'chapter',
    _id: 'chapter-3',
    title: '阶级斗争的历史',
    bookId: 'book-1',
    bookTitle: '共产党宣言导读',
    chapterOrder: 3,
    position: 0.4,
    creditedSeconds: 190,
    minutes: 15,
    lastReadAt: '2026-11-29T12:00:00.000Z',
    ...over,
  }
}

/** A 10-minute chapter's progress: complete at 480 credited seconds, capped at 1,200. */
export const chapterProgress = (over: Partial<ItemProgress> = {}) => progress({ completeAtSeconds: 480, capSeconds: 1200, ...over })

type BookView = ActionOutput<'getBook'>

/** A book of three chapters: the first completed, the second half read, the third not started. */
export function bookView(over: Partial<BookView['book']> = {}): BookView {
  return {
    book: {
      _id: 'book-1',
      title: '共产党宣言导读',
      author: '李明',
      summary: '用今天的话讲清楚这部经典。',
      categoryId: 'cat-politics',
      categoryName: '政治理论',
      coverUrl: null,
      requirement: 'required',
      requiredYear: 2026,
      recommended: true,
      chapterCount: 3,
      totalMinutes: 30,
      ...over,
    },
    chapters: [
      {
        _id: 'chapter-1',
        order: 1,
        title: '写作背景',
        minutes: 10,
        hasAudio: true,
        progress: chapterProgress({ creditedSeconds: 545, position: 1, reachedEnd: true, completed: true, completedAt: '2026-11-28T02:00:00.000Z' }),
        hasQuiz: true,
      },
      {
        _id: 'chapter-2',
        order: 2,
        title: '资产者和无产者',
        minutes: 10,
        hasAudio: false,
        progress: chapterProgress({ creditedSeconds: 250, position: 0.45 }),
        hasQuiz: true,
      },
      { _id: 'chapter-3', order: 3, title: '无产者和共产党人', minutes: 10, hasAudio: false, progress: chapterProgress(), hasQuiz: false },
    ],
    progress: { bookId: 'book-1', completedChapters: 1, chapterCount: 3, completed: false, completedAt: null },
    continueChapterId: 'chapter-2',
  }
}

const DAYS = Array.from({ length: 15 }, (_, i) => `2026-11-${String(16 + i).padStart(2, '0')}`)

/** 我的学习 on Monday 30 November 2026 (the week began that day). */
export function myStudy(over: Partial<ActionOutput<'getMyStudy'>> = {}): ActionOutput<'getMyStudy'> {
  const seconds: Record<string, number> = { '2026-11-20': 1200, '2026-11-25': 600, '2026-11-30': 1859 }
  return {
    today: '2026-11-30',
    year: { key: '2026', seconds: 45_719 },
    quarter: { key: '2026-Q4', seconds: 20_399 },
    week: { key: '2026-11-30', seconds: 1859 },
    todaySeconds: 1859,
    last15Days: DAYS.map((day) => ({ day, seconds: seconds[day] ?? 0 })),
    byCategory: [
      { categoryId: 'cat-politics', categoryName: '政治理论', seconds: 30_000 },
      { categoryId: 'cat-history', categoryName: '历史文化', seconds: 15_719 },
    ],
    booksCompleted: [{ bookId: 'book-9', title: '红船精神', completedAt: '2026-10-31T17:30:00.000Z' }],
    requiredBooks: [
      { bookId: 'book-1', title: '共产党宣言导读', completedChapters: 1, chapterCount: 3, completed: false, completedAt: null },
      { bookId: 'book-9', title: '红船精神', completedChapters: 4, chapterCount: 4, completed: true, completedAt: '2026-10-31T17:30:00.000Z' },
    ],
    weeklyTarget: { minutes: 30, met: true },
    ...over,
  }
}
