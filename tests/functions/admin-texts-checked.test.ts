import { preregisterMember } from '../../server/actions/preregisterMember'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveBook } from '../../server/actions/saveBook'
import { saveChapter } from '../../server/actions/saveChapter'
import { saveUnit } from '../../server/actions/saveUnit'
import { saveWeeklyList } from '../../server/actions/saveWeeklyList'
import { saveQuestion } from '../../server/actions/saveQuestion'
import { QUESTIONS } from '../../server/quiz/questions'
import { ARTICLES, BOOKS, CHAPTERS } from '../../server/content/docs'
import { createLocalPlatform } from '../../server/local-platform'
import { installPlatform } from '../../server/platform'
import { MEMBERS } from '../../server/members'
import { UNITS } from '../../server/units'
import { WEEKLY_LISTS } from '../../server/weekly/docs'
import type { Block } from '../../types'
import { allDocs, type TestCloud } from '../support/cloud'
import { addBook, addCategories } from '../support/content'
import { openWeeklyCloud, weeklyInput } from '../support/weekly'

/**
 * What organisers write is checked like what members write: a flagged word in any text field of an
 * admin's write (written with a zero-width space inside it, too) is refused with the content
 * check's message, and nothing is stored.
 */
const FLAGGED = ['违禁词', '违\u200b禁词']

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openWeeklyCloud('2026-11-20T02:00:00Z')
  await addCategories(cloud.db)
  await addBook(cloud.db, { _id: 'book-x', title: '一本书' })
})
afterEach(() => cloud.close())

const body = (block: Block): Block[] => [{ type: 'paragraph', text: '正文。' }, block]
const question = (over: Record<string, unknown>) => ({ question: { type: 'single', stem: '题干', options: ['甲', '乙'], answer: [0], explanation: '解析', tags: ['标签'], ...over } })
const article = { title: '标题', summary: '摘要', source: '来源', categoryId: 'economy', body: body({ type: 'paragraph', text: '第二段。' }) }

interface Case {
  action: string
  fn: { main(event: unknown): Promise<unknown> }
  collection: string
  /** The input with `word` in the field under test. */
  input(word: string): unknown
}

const cases: Case[] = [
  { action: 'saveArticle.title', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, title: `关于${w}` }) },
  { action: 'saveArticle.summary', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, summary: w }) },
  { action: 'saveArticle.source', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, source: w }) },
  { action: 'saveArticle.body paragraph', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, body: body({ type: 'paragraph', text: `有${w}的段落` }) }) },
  { action: 'saveArticle.body heading', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, body: body({ type: 'heading', text: w }) }) },
  { action: 'saveArticle.body quote source', fn: saveArticle, collection: ARTICLES, input: (w) => ({ ...article, body: body({ type: 'quote', text: '引文', cite: w }) }) },
  {
    action: 'saveArticle.body image caption',
    fn: saveArticle,
    collection: ARTICLES,
    input: (w) => ({ ...article, body: body({ type: 'image', url: 'https://example.com/a.png', caption: w }) }),
  },
  { action: 'saveBook.title', fn: saveBook, collection: BOOKS, input: (w) => ({ title: w, author: '作者', summary: '简介', categoryId: 'history' }) },
  { action: 'saveBook.author', fn: saveBook, collection: BOOKS, input: (w) => ({ title: '书名', author: w, summary: '简介', categoryId: 'history' }) },
  { action: 'saveBook.summary', fn: saveBook, collection: BOOKS, input: (w) => ({ title: '书名', author: '作者', summary: w, categoryId: 'history' }) },
  { action: 'saveChapter.title', fn: saveChapter, collection: CHAPTERS, input: (w) => ({ bookId: 'book-x', title: w, body: body({ type: 'paragraph', text: '二' }) }) },
  { action: 'saveChapter.body', fn: saveChapter, collection: CHAPTERS, input: (w) => ({ bookId: 'book-x', title: '第一章', body: body({ type: 'paragraph', text: w }) }) },
  { action: 'saveUnit.name', fn: saveUnit, collection: UNITS, input: (w) => ({ kind: 'branch', name: `${w}支部` }) },
  { action: 'preregisterMember.name', fn: preregisterMember, collection: MEMBERS, input: (w) => ({ name: w, phone: '13800001234', groupId: 'group-1' }) },
  { action: 'saveWeeklyList.intro', fn: saveWeeklyList, collection: WEEKLY_LISTS, input: (w) => weeklyInput({ intro: w }) },
  {
    action: 'saveWeeklyList.link title',
    fn: saveWeeklyList,
    collection: WEEKLY_LISTS,
    input: (w) => weeklyInput({ items: [{ kind: 'article', refId: 'wk-a1', required: true }, { kind: 'link', title: w, url: 'https://www.xuexi.cn/', required: false }] }),
  },
  { action: 'saveQuestion.stem', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ stem: `关于${w}的题` }) },
  { action: 'saveQuestion.option', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ options: ['甲', w] }) },
  { action: 'saveQuestion.explanation', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ explanation: w }) },
  { action: 'saveQuestion.tag', fn: saveQuestion, collection: QUESTIONS, input: (w) => question({ tags: [w] }) },
]

test.each(cases.map((c) => [c.action, c] as const))('%s: a flagged word is refused and nothing is stored', async (_name, c) => {
  const before = (await allDocs(cloud.db, c.collection)).length
  for (const word of FLAGGED) {
    expect(await cloud.call(c.fn, 'wx-org', c.input(word))).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '内容含有不适宜发布的信息，请修改后再提交' })
  }
  expect((await allDocs(cloud.db, c.collection)).length).toBe(before)
  // The same input without the word is stored: the refusal was the word's.
  expect(await cloud.call(c.fn, 'wx-org', c.input('学习'))).toMatchObject({ ok: true })
})

test.each(cases.map((c) => [c.action, c] as const))('%s: a caller without the right is refused as such, before any check', async (_name, c) => {
  const checked: string[] = []
  installPlatform(createLocalPlatform(cloud.db, cloud.clock, { contentCheck: { check: async (r) => (checked.push(r.text), 'risky') } }))
  expect(await cloud.call(c.fn, 'wx-m1', c.input('违禁词'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(checked).toEqual([])
})
