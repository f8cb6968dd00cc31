import type { Block } from '../../types'
import type { CloudDatabase } from '../../server/db/types'
import { CATEGORIES } from '../../server/content/categories'
import { ARTICLES, BOOKS, CHAPTERS, type ArticleDoc, type BookDoc, type ChapterDoc } from '../../server/content/docs'

export const CATEGORY_LIST = [
  { _id: 'politics', name: '政治理论', order: 1 },
  { _id: 'economy', name: '经济管理', order: 2 },
  { _id: 'history', name: '历史文化', order: 3 },
  { _id: 'cultivation', name: '励志修养', order: 4 },
]

export const paragraphs = (...texts: string[]): Block[] => texts.map((text) => ({ type: 'paragraph', text }))

export async function addCategories(db: CloudDatabase): Promise<void> {
  for (const c of CATEGORY_LIST) await db.collection(CATEGORIES).add({ data: c })
}

const AT = '2026-11-01T00:00:00.000Z'

/** A stored article; a draft in 政治理论 unless said otherwise. */
export async function addArticle(db: CloudDatabase, fields: Partial<ArticleDoc> & { _id: string }): Promise<ArticleDoc> {
  const doc: ArticleDoc = {
    title: `文章${fields._id}`,
    summary: '摘要',
    body: paragraphs('正文'),
    source: '学习圈编辑部',
    categoryId: 'politics',
    minutes: 1,
    status: 'draft',
    recommended: false,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  }
  await db.collection(ARTICLES).add({ data: doc })
  return doc
}

/** A stored book with `chapters` one-minute chapters, published. */
export async function addBook(db: CloudDatabase, fields: Partial<BookDoc> & { _id: string }, chapters = 2): Promise<BookDoc> {
  const doc: BookDoc = {
    title: `书${fields._id}`,
    author: '作者',
    summary: '简介',
    categoryId: 'history',
    recommended: false,
    status: 'published',
    chapterCount: chapters,
    totalMinutes: chapters,
    createdAt: AT,
    updatedAt: AT,
    revision: 0,
    ...fields,
  }
  await db.collection(BOOKS).add({ data: doc })
  for (let order = 1; order <= chapters; order++) {
    const chapter: ChapterDoc = {
      _id: `${doc._id}-c${order}`,
      bookId: doc._id,
      order,
      title: `第${order}章`,
      body: paragraphs(`第${order}章正文`),
      minutes: 1,
      updatedAt: AT,
    }
    await db.collection(CHAPTERS).add({ data: chapter })
  }
  return doc
}

/** Categories, a draft article `article-t` and a book `book-t` with two chapters. */
export async function addContent(db: CloudDatabase): Promise<void> {
  await addCategories(db)
  await addArticle(db, { _id: 'article-t' })
  await addBook(db, { _id: 'book-t' })
}
