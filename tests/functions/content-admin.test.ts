import { getContent } from '../../server/actions/getContent'
import { listAudit } from '../../server/actions/listAudit'
import { listCategories } from '../../server/actions/listCategories'
import { listContent } from '../../server/actions/listContent'
import { retireArticle } from '../../server/actions/retireArticle'
import { saveArticle } from '../../server/actions/saveArticle'
import { saveBook } from '../../server/actions/saveBook'
import { recordTrips } from '../support/interrupt'
import { getChapter } from '../../server/actions/getChapter'
import { saveChapter } from '../../server/actions/saveChapter'
import { scheduleArticle } from '../../server/actions/scheduleArticle'
import { setBookRequirement } from '../../server/actions/setBookRequirement'
import { setRecommended } from '../../server/actions/setRecommended'
import { READING_CHARS_PER_MINUTE, type AuditEntry } from '../../types'
import { BOOKS, CHAPTERS } from '../../server/content/docs'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addArticle, addBook, addCategories, paragraphs } from '../support/content'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud('2026-11-23T02:00:00Z')
  await cloud.addCast()
  await addCategories(cloud.db)
})
afterEach(() => cloud.close())

/** Calls as the organisation's admin, then moves the clock on a second: audit entries of one instant have no order. */
async function asOrg<R>(fn: { main(e: unknown): Promise<R> }, input: unknown): Promise<R> {
  const result = await cloud.call(fn, 'wx-org', input)
  cloud.clock.fix(new Date(cloud.clock.now().getTime() + 1000))
  return result
}
const ok = <T>(result: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(result.message)
  return result.data
}
const auditLog = async () => ok(await asOrg(listAudit, {})).items as AuditEntry[]

const articleInput = {
  title: '  新文章  ',
  summary: '摘要',
  body: paragraphs('一'.repeat(READING_CHARS_PER_MINUTE * 2 + 1)),
  source: '学习圈编辑部',
  categoryId: 'economy',
}

describe('articles', () => {
  it('saveArticle creates a draft, deriving minutes from the body, and audits it', async () => {
    const article = ok(await asOrg(saveArticle, { ...articleInput, audioUrl: 'https://example.com/a.mp3' }))
    expect(article).toMatchObject({
      title: '新文章',
      status: 'draft',
      minutes: 3,
      recommended: false,
      audioUrl: 'https://example.com/a.mp3',
      categoryId: 'economy',
    })
    expect(article.createdAt).toBe('2026-11-23T02:00:00.000Z')
    const [entry] = await auditLog()
    expect(entry).toMatchObject({
      action: 'article.create',
      targetType: 'article',
      targetId: article._id,
      targetName: '新文章',
      actorName: '周组织',
      before: null,
    })
    expect(entry.after).toMatchObject({ title: '新文章', minutes: 3, status: 'draft' })
  })

  it('saveArticle edits, recomputes minutes, removes a link given as null, and audits before and after', async () => {
    const created = ok(await asOrg(saveArticle, { ...articleInput, videoUrl: 'https://example.com/v.mp4', videoSeconds: 90 }))
    cloud.clock.fix(new Date('2026-11-23T03:00:00Z'))
    const edited = ok(await asOrg(saveArticle, { ...articleInput, id: created._id, title: '改过的标题', body: paragraphs('短'), videoUrl: null }))
    expect(edited).toMatchObject({ title: '改过的标题', minutes: 1, body: [{ type: 'paragraph', text: '短' }], updatedAt: '2026-11-23T03:00:00.000Z' })
    expect(edited.videoUrl).toBeUndefined()
    const [entry] = await auditLog()
    expect(entry).toMatchObject({
      action: 'article.update',
      targetName: '改过的标题',
      before: expect.objectContaining({ title: '新文章', minutes: 3, videoUrl: 'https://example.com/v.mp4' }),
      after: expect.objectContaining({ title: '改过的标题', minutes: 1, videoUrl: null }),
    })
  })

  it('refuses an unknown category, an empty body and a body block of an unknown kind', async () => {
    expect(await asOrg(saveArticle, { ...articleInput, categoryId: 'nope' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '没有这个分类，请重新选择',
    })
    expect(await asOrg(saveArticle, { ...articleInput, body: [] })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '正文不能为空' })
    expect(await asOrg(saveArticle, { ...articleInput, body: [{ type: 'html', text: '<b>x</b>' }] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await asOrg(saveArticle, { ...articleInput, id: 'missing' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('scheduleArticle schedules from today on, queues with null, and audits each change', async () => {
    await addArticle(cloud.db, { _id: 'a' })
    expect(await asOrg(scheduleArticle, { id: 'a', day: '2026-11-22' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(ok(await asOrg(scheduleArticle, { id: 'a', day: '2026-11-23' }))).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-23' })
    const queued = ok(await asOrg(scheduleArticle, { id: 'a', day: null }))
    expect(queued.status).toBe('queued')
    expect(queued.scheduledFor).toBeUndefined()
    const [last, first] = await auditLog()
    expect(first).toMatchObject({
      action: 'article.schedule',
      before: { status: 'draft', scheduledFor: null },
      after: { status: 'scheduled', scheduledFor: '2026-11-23' },
    })
    expect(last).toMatchObject({ action: 'article.schedule', after: { status: 'queued', scheduledFor: null } })
  })

  it('a published or retired article is not scheduled; retiring is audited once and takes it off recommendations', async () => {
    await addArticle(cloud.db, { _id: 'pub', status: 'published', publishedOn: '2026-11-20', recommended: true })
    expect(await asOrg(scheduleArticle, { id: 'pub', day: '2026-11-30' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(ok(await asOrg(retireArticle, { id: 'pub' }))).toMatchObject({ status: 'retired', recommended: false, publishedOn: '2026-11-20' })
    expect(ok(await asOrg(retireArticle, { id: 'pub' }))).toMatchObject({ status: 'retired' })
    expect(await asOrg(scheduleArticle, { id: 'pub', day: null })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await asOrg(saveArticle, { ...articleInput, id: 'pub' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await asOrg(setRecommended, { kind: 'article', id: 'pub', recommended: true })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await auditLog()).map((e) => e.action)).toEqual(['article.retire'])
  })

  it('listContent filters by status and category and pages by last change', async () => {
    for (let i = 0; i < 22; i++) {
      await addArticle(cloud.db, {
        _id: `a${String(i).padStart(2, '0')}`,
        status: i % 2 ? 'queued' : 'draft',
        updatedAt: `2026-11-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`,
      })
    }
    await addArticle(cloud.db, { _id: 'eco', categoryId: 'economy', status: 'draft' })
    const queued = ok(await asOrg(listContent, { kind: 'article', status: 'queued' }))
    expect(queued.items).toHaveLength(11)
    expect(queued.items[0]).toEqual({
      kind: 'article',
      _id: 'a21',
      title: '文章a21',
      status: 'queued',
      categoryId: 'politics',
      categoryName: '政治理论',
      recommended: false,
      minutes: 1,
      updatedAt: '2026-11-22T00:00:00.000Z',
      scheduledFor: null,
      publishedOn: null,
      chapterCount: null,
      required: null,
    })
    const first = ok(await asOrg(listContent, { kind: 'article' }))
    expect(first.items).toHaveLength(20)
    const second = ok(await asOrg(listContent, { kind: 'article', cursor: first.nextCursor! }))
    expect([...first.items, ...second.items].map((r) => r._id)).toHaveLength(23)
    expect(second.nextCursor).toBeNull()
    expect(ok(await asOrg(listContent, { kind: 'article', categoryId: 'economy' })).items.map((r) => r._id)).toEqual(['eco'])
  })
})

describe('books and chapters', () => {
  const bookInput = { title: '新书', author: '作者', summary: '简介', categoryId: 'history' }
  const chapter = (bookId: string, title: string, extra: object = {}) => asOrg(saveChapter, { bookId, title, body: paragraphs(`${title}的正文`), ...extra })
  const orderOf = async (bookId: string) => {
    const data = ok(await asOrg(getContent, { kind: 'book', id: bookId }))
    if (data.kind !== 'book') throw new Error('not a book')
    return { titles: data.chapters.map((c) => c.title), orders: data.chapters.map((c) => c.order), book: data.book }
  }

  it('saveBook creates a draft; it is published only once it has a chapter', async () => {
    const book = ok(await asOrg(saveBook, bookInput))
    expect(book).toMatchObject({ status: 'draft', chapterCount: 0, totalMinutes: 0, recommended: false })
    expect(await asOrg(saveBook, { ...bookInput, id: book._id, status: 'published' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await asOrg(saveBook, { ...bookInput, status: 'published' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    await chapter(book._id, '第一章')
    expect(ok(await asOrg(saveBook, { ...bookInput, id: book._id, title: '改名', status: 'published', coverUrl: 'https://example.com/c.jpg' }))).toMatchObject({
      title: '改名',
      status: 'published',
      coverUrl: 'https://example.com/c.jpg',
    })
    // Each entry names the book (and a chapter its book) as titled then.
    expect((await auditLog()).map((e) => [e.action, e.targetName])).toEqual([
      ['book.update', '改名'],
      ['chapter.create', '新书 · 第一章'],
      ['book.create', '新书'],
    ])
  })

  it('saveChapter appends, inserts and moves, keeping orders 1..n and the book’s totals', async () => {
    const { _id } = ok(await asOrg(saveBook, bookInput))
    await chapter(_id, '甲')
    await chapter(_id, '乙')
    await chapter(_id, '丙')
    const inserted = ok(await chapter(_id, '插入', { order: 1, body: paragraphs('字'.repeat(READING_CHARS_PER_MINUTE + 1)) }))
    expect(inserted.book).toMatchObject({ chapterCount: 4, totalMinutes: 5 })
    expect(await orderOf(_id)).toMatchObject({ titles: ['插入', '甲', '乙', '丙'], orders: [1, 2, 3, 4] })

    const moved = ok(await asOrg(saveChapter, { id: inserted.chapter._id, bookId: _id, title: '插入', body: paragraphs('短'), order: 3 }))
    expect(moved.chapter).toMatchObject({ order: 3, minutes: 1 })
    expect(moved.book).toMatchObject({ chapterCount: 4, totalMinutes: 4 })
    expect(await orderOf(_id)).toMatchObject({ titles: ['甲', '乙', '插入', '丙'], orders: [1, 2, 3, 4] })

    expect(await chapter(_id, '太远', { order: 6 })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '章节位置最多为 5' })
    expect(await asOrg(saveChapter, { id: 'nope', bookId: _id, title: 'x', body: paragraphs('x') })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const entries = await auditLog()
    expect(entries[0]).toMatchObject({ action: 'chapter.update', targetType: 'chapter', before: { order: 1, minutes: 2 }, after: { order: 3, minutes: 1 } })
  })

  it('the reader’s 上一章/下一章 follow every change, read with the book (its table of contents), not from the chapters', async () => {
    const { _id } = ok(await asOrg(saveBook, bookInput))
    const [a, b] = [ok(await chapter(_id, '甲')).chapter, ok(await chapter(_id, '乙')).chapter]
    ok(await asOrg(saveBook, { ...bookInput, id: _id, status: 'published' }))
    const c = ok(await chapter(_id, '丙', { order: 2 })).chapter
    ok(await asOrg(saveChapter, { id: b._id, bookId: _id, title: '乙（修订）', body: paragraphs('乙') }))
    const { result: openedResult, trips } = await recordTrips(cloud, () => cloud.call(getChapter, 'wx-m1', { id: c._id }))
    const opened = ok(openedResult)
    expect({ previous: opened.previous, next: opened.next }).toEqual({
      previous: { _id: a._id, order: 1, title: '甲' },
      next: { _id: b._id, order: 3, title: '乙（修订）' },
    })
    expect(trips.filter((t) => t.endsWith(' chapters'))).toEqual(['get chapters'])
  })

  it('concurrent chapter additions never leave a gap or a repeated position', async () => {
    const { _id } = ok(await asOrg(saveBook, bookInput))
    const results = await Promise.all(['一', '二', '三', '四', '五'].map((t) => chapter(_id, t)))
    const saved = results.filter((r) => r.ok).length
    expect(saved).toBeGreaterThan(0)
    for (const r of results) if (!r.ok) expect(r).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('重试') })
    const { orders, book } = await orderOf(_id)
    expect(orders).toEqual(Array.from({ length: saved }, (_, i) => i + 1))
    expect(book.chapterCount).toBe(saved)
    expect(await allDocs(cloud.db, CHAPTERS)).toHaveLength(saved)
  })

  it('setBookRequirement marks a book required for a year and some branches, or elective; audited', async () => {
    await addBook(cloud.db, { _id: 'b' })
    expect(ok(await asOrg(setBookRequirement, { bookId: 'b', year: 2026, branchIds: ['branch-2', 'branch-2'] }))).toMatchObject({
      required: { year: 2026, branchIds: ['branch-2'] },
    })
    expect(await asOrg(setBookRequirement, { bookId: 'b', year: 2026, branchIds: ['group-1'] })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(ok(await asOrg(setBookRequirement, { bookId: 'b', year: 2027 }))).toMatchObject({ required: { year: 2027, branchIds: [] } })
    const elective = ok(await asOrg(setBookRequirement, { bookId: 'b', year: null }))
    expect(elective.required).toBeUndefined()
    const [last] = await auditLog()
    expect(last).toMatchObject({ action: 'book.requirement', before: { required: { year: 2027, branchIds: [] } }, after: { required: null } })
    expect((await allDocs(cloud.db, BOOKS))[0].required).toBeUndefined()
  })

  it('setRecommended recommends a book or an article, auditing only real changes', async () => {
    await addBook(cloud.db, { _id: 'b' })
    await addArticle(cloud.db, { _id: 'a' })
    expect(await asOrg(setRecommended, { kind: 'book', id: 'b', recommended: true })).toEqual({
      ok: true,
      callerPass: null,
      data: { kind: 'book', id: 'b', recommended: true },
    })
    await asOrg(setRecommended, { kind: 'book', id: 'b', recommended: true })
    await asOrg(setRecommended, { kind: 'article', id: 'a', recommended: true })
    expect((await auditLog()).map((e) => [e.action, e.targetId])).toEqual([
      ['article.recommend', 'a'],
      ['book.recommend', 'b'],
    ])
    expect(await asOrg(setRecommended, { kind: 'book', id: 'nope', recommended: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('getContent answers a draft article for editing; listContent lists books with their totals', async () => {
    await addArticle(cloud.db, { _id: 'd', body: paragraphs('草稿正文') })
    await addBook(cloud.db, { _id: 'b', required: { year: 2026, branchIds: [] } }, 3)
    expect(ok(await asOrg(getContent, { kind: 'article', id: 'd' }))).toMatchObject({
      kind: 'article',
      article: { _id: 'd', status: 'draft', body: paragraphs('草稿正文') },
    })
    expect(ok(await asOrg(listContent, { kind: 'book' })).items).toEqual([
      expect.objectContaining({ kind: 'book', _id: 'b', chapterCount: 3, minutes: 3, categoryName: '历史文化', required: { year: 2026, branchIds: [] } }),
    ])
  })
})

describe('listCategories', () => {
  it('answers the categories in order, to any member', async () => {
    expect(await cloud.call(listCategories, 'wx-m1', {})).toEqual({
      ok: true,
      callerPass: expect.any(String),
      data: {
        items: [
          { _id: 'politics', name: '政治理论', order: 1 },
          { _id: 'economy', name: '经济管理', order: 2 },
          { _id: 'history', name: '历史文化', order: 3 },
          { _id: 'cultivation', name: '励志修养', order: 4 },
        ],
      },
    })
  })
})
