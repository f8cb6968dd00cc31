import { articles } from '../../local-cloud/seed/articles'
import { books } from '../../local-cloud/seed/books'
import { lawBooks } from '../../local-cloud/seed/laws'
import {
  bodyLength,
  chapterLabel,
  chapterPlace,
  durationText,
  readingMinutes,
  READING_CHARS_PER_MINUTE,
  SaveArticleInput,
  SaveBookInput,
  SaveChapterInput,
  type Block,
} from '../../types'
import { shanghaiHour } from '../../types/calendar'
import { textToBody } from '../../server/content/import/body-text'
import { parseCsv } from '../../server/content/import/csv'
import { parseJsonWithLines } from '../../server/content/import/json-lines'
import { isQuietHour } from '../../server/notify/rules'
import { templateConfig, templateData, templateValue } from '../../server/notify/templates'
import { bodyToHtml, escapeHtml } from '../../server/official-account/html'

const para = (text: string): Block => ({ type: 'paragraph', text })

describe('reading minutes', () => {
  it('count the characters read (text, quotes with their source, captions), not whitespace', () => {
    expect(bodyLength([para('学 习\n圈'), { type: 'quote', text: '一二', cite: '三' }, { type: 'image', url: 'https://x.cn/a.png', caption: '图' }])).toBe(7)
    expect(bodyLength([para('👍🏽ab')])).toBe(4)
  })

  it.each([
    [1, 1],
    [READING_CHARS_PER_MINUTE, 1],
    [READING_CHARS_PER_MINUTE + 1, 2],
    [READING_CHARS_PER_MINUTE * 10, 10],
  ])('%i characters read in %i minute(s)', (chars, minutes) => {
    expect(readingMinutes([para('字'.repeat(chars))])).toBe(minutes)
  })

  it('an image-only body still takes a minute', () => {
    expect(readingMinutes([{ type: 'image', url: 'https://x.cn/a.png' }])).toBe(1)
  })
})

describe('quiet hours (22:00–07:00 Shanghai)', () => {
  it.each([
    ['2026-11-23T13:59:59Z', false], // 21:59:59
    ['2026-11-23T14:00:00Z', true], // 22:00
    ['2026-11-23T15:59:59Z', true], // 23:59:59
    ['2026-11-23T16:00:00Z', true], // 00:00 the next day
    ['2026-11-23T22:59:59Z', true], // 06:59:59
    ['2026-11-23T23:00:00Z', false], // 07:00
    ['2026-11-23T23:30:00Z', false], // 07:30, when the push runs
  ])('%s → %s', (at, quiet) => {
    expect(isQuietHour(new Date(at))).toBe(quiet)
  })

  it('reads the Shanghai hour whatever the server zone', () => {
    expect(shanghaiHour(new Date('2026-11-23T23:30:00Z'))).toBe(7)
    expect(shanghaiHour(new Date('2026-11-23T16:00:00Z'))).toBe(0)
  })
})

describe('subscribe-message templates', () => {
  it('take ids and field names from SUBSCRIBE_TEMPLATES', () => {
    expect(templateConfig({})).toEqual({})
    expect(templateConfig({ SUBSCRIBE_TEMPLATES: '{"dailyStudy":"T1"}' })).toEqual({
      dailyStudy: { id: 'T1', fields: { title: 'thing1', date: 'date2', note: 'thing3' } },
    })
    expect(templateConfig({ SUBSCRIBE_TEMPLATES: '{"dailyStudy":{"id":"T2","fields":{"title":"thing5"}}}' }).dailyStudy).toEqual({
      id: 'T2',
      fields: { title: 'thing5', date: 'date2', note: 'thing3' },
    })
    expect(() => templateConfig({ SUBSCRIBE_TEMPLATES: 'dailyStudy=T1' })).toThrow('SUBSCRIBE_TEMPLATES 应为 JSON')
  })

  it('shape values as the template wants them: thing fields at most 20 characters', () => {
    const config = { id: 'T', fields: { title: 'thing1', date: 'date2' } }
    expect(templateData(config, { title: '一'.repeat(25), date: '2026-11-24', other: 'x' })).toEqual({
      thing1: { value: `${'一'.repeat(19)}…` },
      date2: { value: '2026-11-24' },
    })
    expect(templateValue('thing1', '二十个字以内')).toBe('二十个字以内')
  })
})

describe('official-account HTML', () => {
  it('escapes every text and attribute', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;')
    expect(bodyToHtml([para('第一行\n第二行'), { type: 'heading', text: '<h1>' }])).toBe('<p>第一行<br/>第二行</p><h2>&lt;h1&gt;</h2>')
  })
})

describe('import parsing', () => {
  it('CSV: quoted fields with commas, line breaks and doubled quotes; records keep their first line', () => {
    const records = parseCsv('\uFEFFa,b\r\n"一，二,三","第一行\n第二行"\n\nx,"他说""好"""\n')
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['一，二,三', '第一行\n第二行'] },
      { line: 5, cells: ['x', '他说"好"'] },
    ])
  })

  it('JSON: the line each object starts on', () => {
    const { value, lineOf } = parseJsonWithLines('{\n "a": [\n  {"x": 1},\n  {\n   "y": "\\u4e00"\n  }\n ]\n}')
    const a = (value as { a: object[] }).a
    expect(a).toEqual([{ x: 1 }, { y: '一' }])
    expect([lineOf(value as object), lineOf(a), lineOf(a[0]), lineOf(a[1])]).toEqual([1, 2, 3, 4])
  })

  it('plain-text bodies: headings, quotes with a source, images, paragraphs', () => {
    expect(textToBody('## 标题\n\n第一段\n续行\n\n> 引文\n> —— 出处\n\n> 只有引文\n\n![说明](https://x.cn/p.png)\n\n![](https://x.cn/q.png)')).toEqual([
      { type: 'heading', text: '标题' },
      { type: 'paragraph', text: '第一段\n续行' },
      { type: 'quote', text: '引文', cite: '出处' },
      { type: 'quote', text: '只有引文' },
      { type: 'image', url: 'https://x.cn/p.png', caption: '说明' },
      { type: 'image', url: 'https://x.cn/q.png' },
    ])
    expect(textToBody('  \n\n ')).toEqual([])
  })
})

describe('the demo content', () => {
  it.each(articles.map((a) => [a._id, a] as const))('article %s is valid as an admin would save it', (_id, a) => {
    expect(SaveArticleInput.safeParse({ title: a.title, summary: a.summary, body: a.body, source: a.source, categoryId: a.categoryId }).error).toBeUndefined()
  })

  it.each(books.map((b) => [b._id, b] as const))('book %s and its 3–6 chapters are valid', (_id, b) => {
    expect(SaveBookInput.safeParse({ title: b.title, author: b.author, summary: b.summary, categoryId: b.categoryId }).error).toBeUndefined()
    expect(b.chapters.length).toBeGreaterThanOrEqual(3)
    expect(b.chapters.length).toBeLessThanOrEqual(6)
    for (const c of b.chapters) expect(SaveChapterInput.safeParse({ bookId: b._id, title: c.title, body: c.body }).error).toBeUndefined()
  })

  it.each(lawBooks.map((b) => [b._id, b] as const))('law book %s: every chapter as an admin would save it, headings and articles apart', (_id, b) => {
    expect(SaveBookInput.safeParse({ title: b.title, author: b.author, summary: b.summary, categoryId: b.categoryId }).error).toBeUndefined()
    for (const c of b.chapters) {
      expect(SaveChapterInput.safeParse({ bookId: b._id, title: c.title, body: c.body }).error).toBeUndefined()
      expect(c.body.filter((block) => block.type === 'paragraph').length).toBeGreaterThan(0)
    }
  })

  it('the Constitution reads as its preamble and four chapters, articles as paragraphs under their sections', () => {
    const constitution = lawBooks.find((b) => b._id === 'book-constitution')!
    expect(constitution.chapters.map((c) => c.title)).toEqual([
      '序言',
      '第一章　总纲',
      '第二章　公民的基本权利和义务',
      '第三章　国家机构',
      '第四章　国旗、国歌、国徽、首都',
    ])
    const organs = constitution.chapters[3].body
    expect(organs.filter((block) => block.type === 'heading').map((block) => (block as { text: string }).text)[0]).toBe('第一节　全国人民代表大会')
    expect(constitution.chapters[1].body.some((block) => block.type === 'paragraph' && block.text.startsWith('第一条 中华人民共和国是工人阶级领导的'))).toBe(
      true,
    )
    expect(constitution.chapters[0].body[0]).toEqual({ type: 'quote', text: '1982年12月4日 第五届全国人民代表大会第五次会议通过' })
  })
})

describe('chapter labels and durations as lists and the reader show them', () => {
  it('numbers a chapter once: 第 3 章 坚持学习, but 第一章 总论 and 序章 as they are', () => {
    expect(chapterLabel(3, '坚持学习')).toBe('第 3 章 坚持学习')
    expect(chapterLabel(1, '第一章 总论')).toBe('第一章 总论')
    expect(chapterLabel(2, '第2节 方法')).toBe('第2节 方法')
    // A law's parts number themselves too.
    expect(chapterLabel(1, '第一编　总则')).toBe('第一编　总则')
    expect(chapterLabel(9, '附　则')).toBe('附　则')
    expect(chapterLabel(1, '序章')).toBe('序章')
    expect(chapterLabel(4, '第四个方面')).toBe('第 4 章 第四个方面')
  })

  it('places a chapter in its book by its own numbering when it has one, so the byline never contradicts the title', () => {
    expect(chapterPlace('学习的方法', 3, '坚持学习')).toBe('《学习的方法》第 3 章')
    // The Constitution's fourth chapter after its 序言 is its 第三章.
    expect(chapterPlace('中华人民共和国宪法', 4, '第三章　国家机构')).toBe('《中华人民共和国宪法》第三章')
    expect(chapterPlace('中华人民共和国宪法', 1, '序言')).toBe('《中华人民共和国宪法》序言')
    expect(chapterPlace('中华人民共和国民法典', 4, '第三编　合同（一）')).toBe('《中华人民共和国民法典》第三编')
  })

  it('says a duration to the second: 45 秒, 1 分 36 秒, 5 分钟', () => {
    expect([45, 96, 300, 0].map(durationText)).toEqual(['45 秒', '1 分 36 秒', '5 分钟', '0 分钟'])
  })
})
