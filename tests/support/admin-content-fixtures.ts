import { fireEvent, waitFor } from '@testing-library/react'
import type { AdminArticle, AdminBook, Chapter, ContentRow, ActionOutput, NotificationRecord, Publication } from '../../types'

export const categories: ActionOutput<'listCategories'> = {
  items: [
    { _id: 'politics', name: '政治理论', order: 1 },
    { _id: 'economy', name: '经济管理', order: 2 },
    { _id: 'history', name: '历史文化', order: 3 },
    { _id: 'cultivation', name: '励志修养', order: 4 },
  ],
}

const AT = '2025-11-18T02:00:00.000Z'

export function contentRow(over: Partial<ContentRow> = {}): ContentRow {
  return {
    kind: 'article',
    _id: 'article-1',
    title: '在学思践悟中坚定理想信念',
    status: 'draft',
    categoryId: 'politics',
    categoryName: '政治理论',
    recommended: false,
    minutes: 3,
    updatedAt: AT,
    scheduledFor: null,
    publishedOn: null,
    chapterCount: null,
    required: null,
    ...over,
  }
}

export function adminArticle(over: Partial<AdminArticle> = {}): AdminArticle {
  return {
    _id: 'article-1',
    title: '在学思践悟中坚定理想信念',
    summary: '读原著、学原文、悟原理。',
    body: [
      { type: 'heading', text: '一、学而信' },
      { type: 'paragraph', text: '理想信念是共产党人精神上的钙。' },
    ],
    source: '学习圈编辑部',
    categoryId: 'politics',
    minutes: 1,
    status: 'draft',
    recommended: false,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

export function adminBook(over: Partial<AdminBook> = {}): AdminBook {
  return {
    _id: 'book-1',
    title: '中国共产党简史',
    author: '学习圈编写组',
    summary: '百年党史的简明读本。',
    categoryId: 'history',
    recommended: false,
    status: 'draft',
    chapterCount: 3,
    totalMinutes: 9,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  }
}

export function chapter(order: number, over: Partial<Chapter> = {}): Chapter {
  return {
    _id: `chapter-${order}`,
    bookId: 'book-1',
    order,
    title: `第${'一二三四五'[order - 1]}章`,
    body: [{ type: 'paragraph', text: `第 ${order} 章的正文。` }],
    minutes: 3,
    ...over,
  }
}

export function publication(over: Partial<Publication> = {}): Publication {
  return {
    kind: 'publication',
    _id: 'pub-2025-11-20',
    day: '2025-11-20',
    title: '在学思践悟中坚定理想信念',
    articleIds: ['article-1'],
    status: 'recorded',
    mediaId: null,
    publishId: null,
    error: null,
    attempts: 1,
    createdAt: '2025-11-19T23:30:00.000Z',
    updatedAt: '2025-11-19T23:30:00.000Z',
    ...over,
  }
}

export function notification(over: Partial<NotificationRecord> = {}): NotificationRecord {
  return {
    kind: 'notification',
    _id: 'dailyStudy:2025-11-20:member-05',
    key: 'dailyStudy:2025-11-20:member-05',
    memberId: 'member-05',
    memberName: '孙浩然',
    templateKey: 'dailyStudy',
    result: 'sent',
    channel: 'outbox',
    page: 'pages/reader/index?kind=article&id=article-1',
    data: { title: '在学思践悟中坚定理想信念', date: '2025-11-20', note: '今日学习已推送' },
    error: null,
    at: '2025-11-19T23:30:05.000Z',
    ...over,
  }
}

/**
 * The input or textarea of the `index`-th form field labelled `label` (the body editor has one
 * per block); Taro renders it a moment after mounting.
 */
export async function field(container: HTMLElement, label: string, index = 0): Promise<HTMLInputElement | HTMLTextAreaElement> {
  let found: HTMLInputElement | HTMLTextAreaElement | null = null
  await waitFor(() => {
    const wrappers = Array.from(container.querySelectorAll('.field')).filter((f) => f.querySelector('.field__label')?.textContent === label)
    found = wrappers[index]?.querySelector('input, textarea') ?? null
    expect(found).not.toBeNull()
  })
  return found!
}

export async function typeInto(container: HTMLElement, label: string, value: string, index = 0): Promise<void> {
  fireEvent.input(await field(container, label, index), { target: { value } })
}
