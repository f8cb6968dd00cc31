import { describeRules, STUDY_RULES } from '../../server/study/rules'
import type { ActionOutput, ItemProgress, ReaderArticle } from '../../types'

/** What the reader pages get from getArticle, getChapter and heartbeat in UI tests. */

export function progress(over: Partial<ItemProgress> = {}): ItemProgress {
  return {
    creditedSeconds: 0,
    position: 0,
    reachedEnd: false,
    completed: false,
    completedAt: null,
    lastReadAt: null,
    completeAtSeconds: 96,
    capSeconds: 240,
    masteredAt: null,
    ...over,
  }
}

export function readerArticle(over: Partial<ReaderArticle> = {}): ReaderArticle {
  return {
    _id: 'a-1',
    title: '每天二十分钟：把学习变成习惯',
    summary: '摘要',
    body: [
      { type: 'heading', text: '时间要固定' },
      { type: 'paragraph', text: '与其等“有空了再学”，不如给学习留一个固定的位置。' },
      { type: 'quote', text: '学习不在一时的热情，而在日复一日的坚持。', cite: '编者' },
      { type: 'image', url: 'https://example.com/desk.jpg', caption: '一张书桌' },
    ],
    source: '学习圈编辑部',
    categoryId: 'cultivation',
    categoryName: '励志修养',
    minutes: 2,
    audioUrl: null,
    video: null,
    publishedOn: '2025-11-20',
    speech: null,
    speechPending: false,
    ...over,
  }
}

export function articleAnswer(over: Partial<ReaderArticle> = {}, rest: Partial<Omit<ActionOutput<'getArticle'>, 'article'>> = {}): ActionOutput<'getArticle'> {
  return { article: readerArticle(over), progress: progress(), guest: false, heartbeatSeconds: 300, sessionPass: 'pass-1', ...rest }
}

/** Chapter 3 of a 10-chapter book, between chapters 2 and 4. */
export function chapterAnswer(over: Partial<ActionOutput<'getChapter'>> = {}): ActionOutput<'getChapter'> {
  return {
    chapter: {
      _id: 'b-1-3',
      bookId: 'b-1',
      order: 3,
      title: '第三章 坚持学习',
      body: [{ type: 'paragraph', text: '本章讲坚持。' }],
      minutes: 3,
      audioUrl: null,
      speech: null,
      speechPending: false,
    },
    book: { _id: 'b-1', title: '学习的方法', chapterCount: 10 },
    progress: progress({ completeAtSeconds: 144, capSeconds: 360 }),
    previous: { _id: 'b-1-2', order: 2, title: '第二章 读懂原文' },
    next: { _id: 'b-1-4', order: 4, title: '第四章 学以致用' },
    heartbeatSeconds: 300,
    sessionPass: 'pass-1',
    ...over,
  }
}

export function beatAnswer(over: Partial<ActionOutput<'heartbeat'>> = {}): ActionOutput<'heartbeat'> {
  return {
    creditedSeconds: 15,
    reason: 'credited',
    itemSeconds: 15,
    completed: false,
    justCompleted: false,
    minutesCredited: 0,
    progress: progress({ creditedSeconds: 15 }),
    todaySeconds: 15,
    dayCapSeconds: 14_400,
    book: null,
    nextBeatSeconds: 300,
    ...over,
  }
}

/** What getStudyRules answers: the rules in force. */
export const rules: ActionOutput<'getStudyRules'> = describeRules(STUDY_RULES)
