import { getArticle } from '../../server/actions/getArticle'
import { getBook } from '../../server/actions/getBook'
import { getChapter } from '../../server/actions/getChapter'
import { getContinueReading } from '../../server/actions/getContinueReading'
import { listLibrary } from '../../server/actions/listLibrary'
import { ARTICLES, BOOKS } from '../../server/content/docs'
import { LIBRARY_READS } from '../../server/study/readers'
import type { ActionInput } from '../../types'
import { openTestCloud, type TestCloud } from '../support/cloud'
import { addBook, addCategories } from '../support/content'
import { addPublishedArticle, advance, ok, openReader, readFor } from '../support/study'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addMember({ _id: 'm1', openid: 'wx-m1' }) // branch-1
  await cloud.addMember({ _id: 'm2', openid: 'wx-m2' }) // branch-1
  await cloud.addMember({ _id: 'm3', openid: 'wx-m3', groupId: 'group-3', branchId: 'branch-2' })
  await addCategories(cloud.db)
})
afterEach(() => cloud.close())

const library = async (input: ActionInput<'listLibrary'> = {}, member = 'm1') => ok(await cloud.call(listLibrary, `wx-${member}`, input))
const ids = async (input: ActionInput<'listLibrary'> = {}, member = 'm1') => (await library(input, member)).items.map((i) => i._id)

/** Every page of a shelf, following the cursors; `between` runs before each next page. */
async function allPages(input: ActionInput<'listLibrary'>, between?: (page: number) => Promise<void>): Promise<string[][]> {
  const pages: string[][] = []
  let cursor: string | undefined
  do {
    const page = await library({ ...input, cursor })
    pages.push(page.items.map((i) => i._id))
    cursor = page.nextCursor ?? undefined
    if (cursor) await between?.(pages.length)
  } while (cursor)
  return pages
}

async function someBooks() {
  await addBook(cloud.db, { _id: 'b-all', title: 'A 全体必修', required: { year: 2026, branchIds: [] } })
  await addBook(cloud.db, { _id: 'b-b1', title: 'B 一支部必修', required: { year: 2026, branchIds: ['branch-1'] }, categoryId: 'politics' })
  await addBook(cloud.db, { _id: 'b-b2', title: 'C 二支部必修', required: { year: 2026, branchIds: ['branch-2'] } })
  await addBook(cloud.db, { _id: 'b-old', title: 'D 去年必修', required: { year: 2025, branchIds: [] } })
  await addBook(cloud.db, { _id: 'b-pick', title: 'E 推荐选读 (修订版)', recommended: true, categoryId: 'cultivation', createdAt: '2026-11-20T00:00:00.000Z' })
  await addBook(cloud.db, { _id: 'b-draft', title: 'F 草稿', status: 'draft' })
}

describe('the library', () => {
  beforeEach(someBooks)

  it('lists published books by title with the caller’s requirement and progress, and the categories', async () => {
    const page = await library()
    expect(page.items.map((i) => i._id)).toEqual(['b-all', 'b-b1', 'b-b2', 'b-old', 'b-pick'])
    expect(page.nextCursor).toBeNull()
    expect(page.categories.map((c) => c.name)).toEqual(['政治理论', '经济管理', '历史文化', '励志修养'])
    expect(page.items[1]).toEqual({
      kind: 'book',
      _id: 'b-b1',
      title: 'B 一支部必修',
      summary: '简介',
      author: '作者',
      categoryId: 'politics',
      categoryName: '政治理论',
      minutes: 2,
      coverUrl: null,
      hasAudio: false,
      requirement: 'required',
      recommended: false,
      publishedOn: null,
      readers30d: null,
      completedChapters: 0,
      chapterCount: 2,
      completed: false,
    })
  })

  it('splits 必修 and 选修 by the caller’s 党支部: other branches’ required books are electives', async () => {
    expect(await ids({ shelf: 'required' }, 'm1')).toEqual(['b-all', 'b-b1'])
    expect(await ids({ shelf: 'elective' }, 'm1')).toEqual(['b-b2', 'b-old', 'b-pick'])
    expect(await ids({ shelf: 'required' }, 'm3')).toEqual(['b-all', 'b-b2'])
    expect(await ids({ shelf: 'elective' }, 'm3')).toEqual(['b-b1', 'b-old', 'b-pick'])
    expect((await library({}, 'm3')).items.find((i) => i._id === 'b-b1')?.requirement).toBe('elective')
  })

  it('shows 推荐, 上新, a category, and searches titles (any characters, any case)', async () => {
    expect(await ids({ shelf: 'recommended' })).toEqual(['b-pick'])
    expect((await ids({ shelf: 'new' }))[0]).toBe('b-pick')
    expect(await ids({ categoryId: 'politics' })).toEqual(['b-b1'])
    expect(await ids({ search: '必修' })).toEqual(['b-all', 'b-b1', 'b-b2', 'b-old'])
    expect(await ids({ search: '(修订' })).toEqual(['b-pick'])
    expect(await ids({ search: 'e 推荐' })).toEqual(['b-pick'])
    expect(await ids({ shelf: 'required', search: '一支部' })).toEqual(['b-b1'])
    expect(await ids({ search: '草稿' })).toEqual([])
  })

  it('lists published articles newest first; 必修/选修 are for books only', async () => {
    await addPublishedArticle(cloud, 'a-old', { publishedOn: '2026-11-01' })
    await addPublishedArticle(cloud, 'a-new', { publishedOn: '2026-11-22', recommended: true, audioUrl: 'https://example.com/a.mp3' })
    await addPublishedArticle(cloud, 'a-draft', { status: 'draft' })
    const page = await library({ kind: 'article' })
    expect(page.items.map((i) => i._id)).toEqual(['a-new', 'a-old'])
    expect(page.items[0]).toMatchObject({ kind: 'article', publishedOn: '2026-11-22', hasAudio: true, requirement: null, author: null, chapterCount: 1 })
    expect(await ids({ kind: 'article', shelf: 'recommended' })).toEqual(['a-new'])
    expect(await cloud.call(listLibrary, 'wx-m1', { kind: 'article', shelf: 'required' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('pages', () => {
  const pad = (n: number) => String(n).padStart(2, '0')

  it('follow cursors without repeating or skipping a book, even as books are added meanwhile', async () => {
    for (let n = 1; n <= 45; n++) await addBook(cloud.db, { _id: `p${pad(n)}`, title: `书 ${pad(n)}` }, 1)
    const pages = await allPages({}, async (page) => {
      // Added between pages: one sorting before everything shown, one after.
      await addBook(cloud.db, { _id: `early${page}`, title: `书 00-${page}` }, 1)
      await addBook(cloud.db, { _id: `late${page}`, title: `书 99-${page}` }, 1)
    })
    // Books added before the cursor are not shown on later pages; those after it are, once.
    expect(pages.flat()).toEqual([...Array.from({ length: 45 }, (_, i) => `p${pad(i + 1)}`), 'late1', 'late2'])
    expect(pages.map((p) => p.length)).toEqual([20, 20, 7])
  })

  it('break ties on the sort key by id (上新: books created at the same instant)', async () => {
    for (let n = 1; n <= 25; n++) await addBook(cloud.db, { _id: `t${pad(n)}`, title: `同时 ${pad(26 - n)}` }, 1)
    const pages = await allPages({ shelf: 'new' })
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `t${pad(i + 1)}`))
  })

  it('refuse a cursor that is not one', async () => {
    expect(await cloud.call(listLibrary, 'wx-m1', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

/** Reads `seconds` of an item as `member` in a new page. */
const readAs = (member: string, kind: 'article' | 'chapter', id: string, seconds = 15) => readFor(cloud, openReader(cloud, member, kind, id), seconds)

describe('热门', () => {
  beforeEach(someBooks)

  it('ranks by members reading on each of the last 30 days: a member counts once a day', async () => {
    await readAs('m1', 'chapter', 'b-pick-c1')
    await readAs('m1', 'chapter', 'b-pick-c2') // same book, same day: still once
    await readAs('m2', 'chapter', 'b-pick-c1')
    await readAs('m3', 'chapter', 'b-old-c1')
    const hot = await library({ shelf: 'hot' })
    expect(hot.items.map((i) => [i._id, i.readers30d])).toEqual([
      ['b-pick', 2],
      ['b-old', 1],
    ])
    expect(await ids({ shelf: 'hot', categoryId: 'cultivation' })).toEqual(['b-pick'])

    advance(cloud, 24 * 3600)
    await readAs('m3', 'chapter', 'b-old-c2')
    await readAs('m3', 'chapter', 'b-old-c1')
    expect((await library({ shelf: 'hot' })).items.map((i) => [i._id, i.readers30d])).toEqual([
      ['b-old', 2],
      ['b-pick', 2],
    ])
    // 30 days after the first day, only the second day's reading is left.
    advance(cloud, 29 * 24 * 3600)
    expect((await library({ shelf: 'hot' })).items.map((i) => [i._id, i.readers30d])).toEqual([['b-old', 1]])
  })

  it('counts only reading that credited time, and articles apart from books', async () => {
    await addPublishedArticle(cloud, 'a1')
    await openReader(cloud, 'm1', 'article', 'a1').beat() // opened, nothing credited
    expect(await ids({ kind: 'article', shelf: 'hot' })).toEqual([])
    await readAs('m1', 'article', 'a1')
    expect((await library({ kind: 'article', shelf: 'hot' })).items.map((i) => [i._id, i.readers30d])).toEqual([['a1', 1]])
    expect(await ids({ shelf: 'hot' })).toEqual([])
  })

  it('pages by rank, and leaves out books since unpublished', async () => {
    const pad = (n: number) => String(n).padStart(2, '0')
    for (let n = 1; n <= 25; n++) {
      await addBook(cloud.db, { _id: `h${pad(n)}` }, 1)
      await cloud.db.collection(LIBRARY_READS).add({
        data: { _id: `book_h${pad(n)}_2026-11-20`, kind: 'book', targetId: `h${pad(n)}`, categoryId: 'history', day: '2026-11-20', readers: n },
      })
    }
    await cloud.db
      .collection(BOOKS)
      .doc('h24')
      .update({ data: { status: 'retired' } })
    const pages = await allPages({ shelf: 'hot' })
    expect(pages.map((p) => p.length)).toEqual([19, 5])
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => `h${pad(25 - i)}`).filter((id) => id !== 'h24'))
  })
})

describe('继续阅读', () => {
  beforeEach(someBooks)

  it('lists started, unfinished articles and chapters, most recently read first', async () => {
    await addPublishedArticle(cloud, 'a-half', { minutes: 10 })
    await addPublishedArticle(cloud, 'a-done', { minutes: 1 })
    await addPublishedArticle(cloud, 'a-gone', { minutes: 10 })
    await readAs('m1', 'article', 'a-gone')
    advance(cloud, 60)
    await readFor(cloud, openReader(cloud, 'm1', 'article', 'a-half'), 30)
    advance(cloud, 60)
    const done = openReader(cloud, 'm1', 'article', 'a-done')
    await readFor(cloud, done, 60)
    await done.beat({ atEnd: true })
    advance(cloud, 60)
    const chapter = openReader(cloud, 'm1', 'chapter', 'b-b1-c2')
    await chapter.beat()
    advance(cloud, 15)
    await chapter.beat({ position: 0.4 })
    await cloud.db
      .collection(ARTICLES)
      .doc('a-gone')
      .update({ data: { status: 'retired' } })

    const { items } = ok(await cloud.call(getContinueReading, 'wx-m1', {}))
    expect(items).toEqual([
      {
        kind: 'chapter',
        _id: 'b-b1-c2',
        title: '第2章',
        bookId: 'b-b1',
        bookTitle: 'B 一支部必修',
        chapterOrder: 2,
        position: 0.4,
        creditedSeconds: 15,
        minutes: 1,
        lastReadAt: cloud.clock.now().toISOString(),
      },
      expect.objectContaining({ kind: 'article', _id: 'a-half', creditedSeconds: 30, bookId: null }),
    ])
    expect(ok(await cloud.call(getContinueReading, 'wx-m2', {})).items).toEqual([])
  })
})

describe('reading', () => {
  beforeEach(someBooks)

  it('getArticle answers a published article with the caller’s saved progress', async () => {
    await addPublishedArticle(cloud, 'a1', { minutes: 2, audioUrl: 'https://example.com/a1.mp3' })
    const reader = openReader(cloud, 'm1', 'article', 'a1')
    await reader.beat()
    advance(cloud, 15)
    await reader.beat({ position: 0.5 })
    const mine = ok(await cloud.call(getArticle, 'wx-m1', { id: 'a1' }))
    expect(mine.article).toMatchObject({ _id: 'a1', categoryName: '政治理论', minutes: 2, audioUrl: 'https://example.com/a1.mp3', video: null })
    expect(mine.progress).toEqual({
      creditedSeconds: 15,
      position: 0.5,
      reachedEnd: false,
      completed: false,
      completedAt: null,
      lastReadAt: cloud.clock.now().toISOString(),
      completeAtSeconds: 96,
      capSeconds: 240,
      masteredAt: null,
    })
    expect(ok(await cloud.call(getArticle, 'wx-m2', { id: 'a1' })).progress).toMatchObject({ creditedSeconds: 0, position: 0, lastReadAt: null })
  })

  it('a shared article opens for a WeChat user who is not a member, as a guest: no progress, no study time', async () => {
    await addPublishedArticle(cloud, 'a1', { minutes: 2 })
    await addPublishedArticle(cloud, 'a-draft', { status: 'draft' })
    const reader = openReader(cloud, 'm1', 'article', 'a1')
    await reader.beat()
    advance(cloud, 15)
    await reader.beat({ position: 0.5 })
    await cloud.addMember({ _id: 'left', openid: 'wx-left', status: 'inactive' })

    for (const openid of ['wx-stranger', 'wx-left']) {
      const shared = ok(await cloud.call(getArticle, openid, { id: 'a1' }))
      expect(shared.guest).toBe(true)
      expect(shared.article).toMatchObject({ _id: 'a1', title: expect.any(String), minutes: 2 })
      expect(shared.progress).toMatchObject({ creditedSeconds: 0, position: 0, lastReadAt: null })
      expect(await cloud.call(getArticle, openid, { id: 'a-draft' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
      // Chapters and study time stay the members'.
      expect(await cloud.call(getChapter, openid, { id: 'b-all-c1' })).toMatchObject({ ok: false })
    }
    expect(ok(await cloud.call(getArticle, 'wx-m1', { id: 'a1' }))).toMatchObject({ guest: false, progress: { creditedSeconds: 15 } })
  })

  it('does not show drafts, retired content, or chapters of unpublished books', async () => {
    await addPublishedArticle(cloud, 'a-draft', { status: 'draft' })
    await addPublishedArticle(cloud, 'a-retired', { status: 'retired' })
    for (const id of ['a-draft', 'a-retired', 'nothing']) expect(await cloud.call(getArticle, 'wx-m1', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call(getBook, 'wx-m1', { id: 'b-draft' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await cloud.call(getChapter, 'wx-m1', { id: 'b-draft-c1' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('getChapter answers the chapter, the caller’s progress and the chapters either side', async () => {
    await addBook(cloud.db, { _id: 'three', title: '三章书' }, 3)
    const middle = ok(await cloud.call(getChapter, 'wx-m1', { id: 'three-c2' }))
    expect(middle).toMatchObject({
      chapter: { _id: 'three-c2', bookId: 'three', order: 2, title: '第2章', minutes: 1, audioUrl: null },
      book: { _id: 'three', title: '三章书', chapterCount: 3 },
      previous: { _id: 'three-c1', order: 1, title: '第1章' },
      next: { _id: 'three-c3', order: 3, title: '第3章' },
      progress: { creditedSeconds: 0, completeAtSeconds: 48, capSeconds: 120 },
    })
    expect(ok(await cloud.call(getChapter, 'wx-m1', { id: 'three-c1' })).previous).toBeNull()
    expect(ok(await cloud.call(getChapter, 'wx-m1', { id: 'three-c3' })).next).toBeNull()
  })

  it('getBook answers the chapters with the caller’s progress, and where to continue', async () => {
    await addBook(cloud.db, { _id: 'three', title: '三章书', required: { year: 2026, branchIds: ['branch-1'] } }, 3)
    const first = openReader(cloud, 'm1', 'chapter', 'three-c1')
    await readFor(cloud, first, 60)
    await first.beat({ atEnd: true })
    advance(cloud, 60)
    await readAs('m1', 'chapter', 'three-c3')
    const mine = ok(await cloud.call(getBook, 'wx-m1', { id: 'three' }))
    expect(mine.book).toMatchObject({ _id: 'three', requirement: 'required', requiredYear: 2026, categoryName: '历史文化', chapterCount: 3 })
    expect(mine.chapters.map((c) => [c._id, c.progress.creditedSeconds, c.progress.completed])).toEqual([
      ['three-c1', 60, true],
      ['three-c2', 0, false],
      ['three-c3', 15, false],
    ])
    expect(mine.progress).toEqual({ bookId: 'three', completedChapters: 1, chapterCount: 3, completed: false, completedAt: null })
    expect(mine.continueChapterId).toBe('three-c3')
    // Another branch reads it as an elective, from the first chapter.
    const theirs = ok(await cloud.call(getBook, 'wx-m3', { id: 'three' }))
    expect(theirs.book).toMatchObject({ requirement: 'elective', requiredYear: null })
    expect(theirs.continueChapterId).toBe('three-c1')
  })
})
