import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { formatReport, importIntoDataDir } from '../../local-cloud/import'
import { runImport } from '../../server/content/import/apply'
import { readCsv, readJson } from '../../server/content/import/read'
import { ARTICLES, BOOKS, CHAPTERS } from '../../server/content/docs'
import { openLocalStore } from '../../local-cloud/store'
import { AUDIT } from '../../server/audit'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'
import { addCategories } from '../support/content'

const NOW = new Date('2026-11-23T02:00:00Z')

let cloud: TestCloud
beforeEach(async () => {
  cloud = await openTestCloud(NOW.toISOString())
  await addCategories(cloud.db)
})
afterEach(() => cloud.close())

const HEADER = 'type,key,book,order,title,author,summary,category,source,body,audio,required_year,required_branches,recommended,scheduled,status'
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n')

const GOOD_CSV = csv(
  'book,theory,,,"读书的方法，与习惯",学习圈编辑部,一本关于读书方法的小书,政治理论,,,,2026,branch-1；branch-2,是,,',
  'chapter,,theory,2,第二章　慢读,,,,,"第一段，有逗号。\n\n## 小标题\n\n> 引一句话\n> —— 某位读者",,,,,,',
  'chapter,,theory,1,第一章　为什么读,,,,,"他说：""读书要慢。""",https://example.com/1.mp3,,,,,',
  'chapter,,theory,3,第三章,,,,,正文三,,,,,,',
  'article,daily-1,,,每天读一点,,"摘要，含逗号",励志修养,学习圈编辑部,正文,,,,否,2026-11-30,',
  'article,daily-2,,,排队的文章,,摘要,history,编辑部,正文,,,,,,',
)

describe('import', () => {
  it('loads a book with its chapters and articles from CSV: quoted commas, line breaks, doubled quotes, Chinese', async () => {
    const report = await runImport(cloud.db, NOW, readCsv(GOOD_CSV))
    expect(report.problems).toEqual([])
    expect(report.books).toEqual([{ id: 'book-theory', title: '读书的方法，与习惯', chapters: 3, updated: false }])

    const [book] = await allDocs(cloud.db, BOOKS)
    expect(book).toMatchObject({
      _id: 'book-theory',
      status: 'published',
      categoryId: 'politics',
      chapterCount: 3,
      totalMinutes: 3,
      recommended: true,
      required: { year: 2026, branchIds: ['branch-1', 'branch-2'] },
    })
    const chapters = (await allDocs(cloud.db, CHAPTERS)).sort((a, b) => Number(a.order) - Number(b.order))
    expect(chapters.map((c) => [c._id, c.order, c.title])).toEqual([
      ['book-theory-1', 1, '第一章　为什么读'],
      ['book-theory-2', 2, '第二章　慢读'],
      ['book-theory-3', 3, '第三章'],
    ])
    expect(chapters[0]).toMatchObject({ body: [{ type: 'paragraph', text: '他说："读书要慢。"' }], audioUrl: 'https://example.com/1.mp3' })
    expect(chapters[1].body).toEqual([
      { type: 'paragraph', text: '第一段，有逗号。' },
      { type: 'heading', text: '小标题' },
      { type: 'quote', text: '引一句话', cite: '某位读者' },
    ])
    const articles = Object.fromEntries((await allDocs(cloud.db, ARTICLES)).map((a) => [a._id, a]))
    expect(articles['article-daily-1']).toMatchObject({ status: 'scheduled', scheduledFor: '2026-11-30', summary: '摘要，含逗号', categoryId: 'cultivation' })
    expect(articles['article-daily-2']).toMatchObject({ status: 'queued', categoryId: 'history' })
    // Written through the admin services: audited as the importer.
    const audit = await allDocs(cloud.db, AUDIT)
    expect(new Set(audit.map((e) => e.actorName))).toEqual(new Set(['批量导入']))
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['book.create', 'chapter.create', 'article.create', 'article.schedule', 'book.requirement']),
    )
  })

  it('importing the same file again updates instead of duplicating', async () => {
    await runImport(cloud.db, NOW, readCsv(GOOD_CSV))
    const again = await runImport(cloud.db, NOW, readCsv(GOOD_CSV.replace('正文三', '新的正文三')))
    expect(again.problems).toEqual([])
    expect(again.books).toEqual([expect.objectContaining({ updated: true })])
    expect(await allDocs(cloud.db, BOOKS)).toHaveLength(1)
    expect(await allDocs(cloud.db, CHAPTERS)).toHaveLength(3)
    expect(await allDocs(cloud.db, ARTICLES)).toHaveLength(2)
    const third = (await allDocs(cloud.db, CHAPTERS)).find((c) => c.order === 3)
    expect(third?.body).toEqual([{ type: 'paragraph', text: '新的正文三' }])
  })

  it('reports every bad row by line with its reason, and leaves out a book with one bad chapter entirely', async () => {
    const text = csv(
      /* 2 */ 'book,good,,,好书,作者,简介,历史文化,,,,,,,,',
      /* 3 */ 'chapter,,good,,第一章,,,,,正文,,,,,,',
      /* 4 */ 'book,spoilt,,,坏了一章的书,作者,简介,历史文化,,,,,,,,',
      /* 5 */ 'chapter,,spoilt,,好的一章,,,,,正文,,,,,,',
      /* 6 */ 'chapter,,spoilt,,,,,,,正文,,,,,,',
      /* 7 */ 'chapter,,spoilt,,坏链接,,,,,正文,ftp://example.com/a.mp3,,,,,',
      /* 8 */ 'chapter,,nobody,,孤儿章节,,,,,正文,,,,,,',
      /* 9 */ 'book,badyear,,,年份不对,作者,简介,经济管理,,,,1999,branch-9,,,',
      /* 10 */ 'article,,,,没有分类,,摘要,哲学,来源,正文,,,,,,',
      /* 11 */ 'article,,,,日期已过,,摘要,政治理论,来源,正文,,,,,2026-11-01,',
      /* 12 */ 'poem,,,,一首诗,,,,,,,,,,,',
      /* 13 */ 'article,ok,,,好文章,,摘要,政治理论,来源,正文,,,,也许,,',
      /* 14 */ 'article,fine,,,能导入的文章,,摘要,政治理论,来源,"一段\n\n![图](https://example.com/p.png)",,,,,,',
    )
    const report = await runImport(cloud.db, NOW, readCsv(text))
    expect(report.problems).toEqual([
      { line: 4, message: '书目「坏了一章的书」有 2 个章节有问题，整本书不导入' },
      { line: 6, message: '章节「（无标题）」：章节标题不能为空' },
      { line: 7, message: '章节「坏链接」：音频地址应以 http:// 或 https:// 开头' },
      { line: 8, message: '找不到 key 为「nobody」的书目' },
      { line: 9, message: '书目「年份不对」：必修年份应为 2000–2100 的整数，实际为「1999」；这本书没有章节：上架的书至少要有一章' },
      { line: 10, message: '文章「没有分类」：没有这个分类：「哲学」（可用：政治理论、经济管理、历史文化、励志修养）' },
      { line: 11, message: '文章「日期已过」：排期日期 2026-11-01 已经过去' },
      { line: 12, message: 'type 应为 book、chapter 或 article，实际为「poem」' },
      { line: 13, message: '文章「好文章」：recommended 应为「是」或「否」，实际为「也许」' },
    ])
    expect((await allDocs(cloud.db, BOOKS)).map((b) => b._id)).toEqual(['book-good'])
    expect((await allDocs(cloud.db, CHAPTERS)).map((c) => c.bookId)).toEqual(['book-good'])
    const articles = await allDocs(cloud.db, ARTICLES)
    expect(articles).toEqual([
      expect.objectContaining({
        _id: 'article-fine',
        body: [
          { type: 'paragraph', text: '一段' },
          { type: 'image', url: 'https://example.com/p.png', caption: '图' },
        ],
      }),
    ])
    expect(formatReport(report)).toContain('第 6 行：章节「（无标题）」：章节标题不能为空')
  })

  it('CSV structure errors: an unclosed quote, a row with too many cells, no type column', async () => {
    expect(() => readCsv(`${HEADER}\nbook,"没有闭合,`)).toThrow(expect.objectContaining({ line: 2, message: '引号没有闭合' }))
    expect(() => readCsv('title,body\n书,正文')).toThrow(expect.objectContaining({ line: 1 }))
    expect(readCsv(`${HEADER}\n${'book,'.repeat(20)}`).problems).toEqual([{ line: 2, message: expect.stringContaining('比列名多') }])
  })

  it('loads JSON with nested chapters, reporting bad objects by the line they start on', async () => {
    const json = `{
  "books": [
    {
      "key": "j1",
      "title": "JSON 书",
      "author": "作者",
      "summary": "简介",
      "category": "励志修养",
      "required": { "year": 2026, "branches": [] },
      "chapters": [
        { "title": "一", "body": [{ "type": "paragraph", "text": "结构化正文" }] },
        { "title": "二", "body": "文字正文" }
      ]
    },
    {
      "key": "j2",
      "title": "有坏章节",
      "author": "作者",
      "summary": "简介",
      "category": "励志修养",
      "chapters": [
        { "title": "好" , "body": "正文" },
        { "title": "坏", "body": [{ "type": "video", "text": "不支持" }] }
      ]
    }
  ],
  "articles": [
    { "title": "JSON 文章", "summary": "摘要", "body": "正文", "source": "来源", "category": "politics", "status": "draft" },
    { "title": "", "summary": "摘要", "body": "正文", "source": "来源", "category": "politics" }
  ]
}`
    const report = await runImport(cloud.db, NOW, readJson(json))
    expect(report.problems).toEqual([
      { line: 15, message: '书目「有坏章节」有 1 个章节有问题，整本书不导入' },
      { line: 23, message: expect.stringMatching(/^章节「坏」：正文第 1 段/) },
      { line: 29, message: '文章「（无标题）」：标题不能为空' },
    ])
    expect(report.books).toEqual([{ id: 'book-j1', title: 'JSON 书', chapters: 2, updated: false }])
    expect((await allDocs(cloud.db, ARTICLES))[0]).toMatchObject({ title: 'JSON 文章', status: 'draft' })
    expect(() => readJson('{\n  "books": [\n    { "title": }\n  ]\n}')).toThrow(
      expect.objectContaining({ line: 3, message: 'JSON 格式错误：此处应为一个值，实际为「}」' }),
    )
    expect(() => readJson('{\n  "articles": [\n    { "title": "a" },\n  ]\n}')).toThrow(expect.objectContaining({ line: 4 }))
    expect(() => readJson('{ "articles": [] } x')).toThrow(expect.objectContaining({ line: 1 }))
  })
})

describe('npm run import (the data directory)', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-import-'))
    file = path.join(dir, '书目.csv')
    await writeFile(file, `\uFEFF${GOOD_CSV}`)
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('seeds an empty data directory, then imports into it; a dry run only checks', async () => {
    const data = path.join(dir, 'data')
    const dry = await importIntoDataDir({ file, dataDir: data, now: NOW, dryRun: true })
    expect(dry.problems).toEqual([])
    expect(formatReport(dry, true)).toMatch(/^可以导入书目 1 本、文章 2 篇/)
    const report = await importIntoDataDir({ file, dataDir: data, now: NOW })
    expect(formatReport(report)).toMatch(/^已导入书目 1 本、文章 2 篇/)
    const store = await openLocalStore(data)
    try {
      const books = await allDocs(store.database(), BOOKS)
      expect(books.map((b) => b._id)).toContain('book-theory')
      expect(books.length).toBe(7) // the 6 demo books and the imported one
    } finally {
      await store.close()
    }
  })

  it('refuses while the local cloud holds the data directory, saying how to go on', async () => {
    const data = path.join(dir, 'held')
    const store = await openLocalStore(data)
    try {
      await expect(importIntoDataDir({ file, dataDir: data, now: NOW })).rejects.toThrow(/本地云正在运行.*\n请先停止它/)
    } finally {
      await store.close()
    }
  })
})
