import { xlsxOf } from '../support/spreadsheets'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { formatReport, importIntoDataDir } from '../../local-cloud/import'
import { openLocalStore } from '../../local-cloud/store'
import { QUESTION_HEADER, questionRows } from '../../local-cloud/seed/questions'
import { CHAPTERS } from '../../server/content/docs'
import { QUESTIONS, type QuestionDoc } from '../../server/quiz/questions'
import { readQuestionRows } from '../../server/quiz/import'
import { allDocs } from '../support/cloud'

/**
 * `npm run import -- 题库.csv|题库.xlsx`: a question bank file, recognised by its header, into the
 * local cloud's data directory (seeded first when empty: the demo bank is there already).
 */
const NOW = new Date('2026-11-23T02:00:00Z')
const HEADER = 'type,stem,options,answer,explanation,tags'

let dir: string
let data: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-qimport-'))
  data = path.join(dir, 'data')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

async function csvFile(...rows: string[]): Promise<string> {
  const file = path.join(dir, '题库.csv')
  await writeFile(file, `\uFEFF${[HEADER, ...rows].join('\r\n')}`)
  return file
}

async function questionsIn(dataDir: string): Promise<QuestionDoc[]> {
  const store = await openLocalStore(dataDir)
  try {
    return (await allDocs(store.database(), QUESTIONS)) as unknown as QuestionDoc[]
  } finally {
    await store.close()
  }
}

const GOOD = [
  'single,"读原文时，遇到读不懂的地方怎么办？",先做记号往下读|停下来不读了|只看解读,A,读到后面疑问往往自然解开。,读原文|学习方法',
  'multiple,哪些内容值得精读？,与工作最密切的|计划要求的|背景资料,AB,背景资料可以泛读。,精读',
  'judge,学习心得越长越好。,,错,几句真话胜过一页套话。,心得',
]

describe('a question file', () => {
  it('imports every row of a good CSV file, and importing it again updates instead of adding', async () => {
    const file = await csvFile(...GOOD)
    const dry = await importIntoDataDir({ file, dataDir: data, now: NOW, dryRun: true })
    expect(formatReport(dry, true)).toBe('可以导入题目 3 道')
    const report = await importIntoDataDir({ file, dataDir: data, now: NOW })
    expect(formatReport(report)).toBe('已导入题目 3 道：新增 3 道，更新 0 道')
    const seeded = questionRows.length
    const all = await questionsIn(data)
    expect(all).toHaveLength(seeded + 3)
    expect(all.find((q) => q.stem === '读原文时，遇到读不懂的地方怎么办？')).toMatchObject({
      type: 'single',
      options: ['先做记号往下读', '停下来不读了', '只看解读'],
      answer: [0],
      tags: ['读原文', '学习方法'],
      status: 'active',
    })
    expect(all.find((q) => q.stem === '哪些内容值得精读？')).toMatchObject({ type: 'multiple', answer: [0, 1] })
    expect(all.find((q) => q.stem === '学习心得越长越好。')).toMatchObject({ type: 'judge', options: ['对', '错'], answer: [1] })

    await writeFile(
      file,
      `\uFEFF${[HEADER, GOOD[0].replace('读到后面疑问往往自然解开。', '读到后面，前面的疑问往往就解开了。'), ...GOOD.slice(1)].join('\r\n')}`,
    )
    expect(formatReport(await importIntoDataDir({ file, dataDir: data, now: NOW }))).toBe('已导入题目 3 道：新增 0 道，更新 3 道')
    const again = await questionsIn(data)
    expect(again).toHaveLength(seeded + 3)
    expect(again.find((q) => q.type === 'single' && q.stem.startsWith('读原文时'))?.explanation).toBe('读到后面，前面的疑问往往就解开了。')
  })

  it('reports every bad row with its line in the file, and imports nothing', async () => {
    const file = await csvFile(
      GOOD[0],
      'essay,写一篇心得,,,,',
      'single,"一道题，题干里有换行\n第二行",甲|乙,C,解析,',
      'single,两个答案的单选,甲|乙,AB,解析,',
      'judge,判断题,,是,解析,',
      'multiple,,甲|乙,AB,解析,',
      GOOD[1],
      'single,读原文时，遇到读不懂的地方怎么办？,甲|乙,A,解析,',
      'single,没有解析,甲|乙,A,,',
    )
    const report = await importIntoDataDir({ file, dataDir: data, now: NOW })
    expect(report.problems).toEqual([
      { line: 3, message: 'type 应为 single、multiple 或 judge，实际为「essay」' },
      { line: 4, message: '答案中的选项不存在' },
      // Line 5 is the second line of the quoted stem above.
      { line: 6, message: '单选题只能有一个正确答案' },
      { line: 7, message: '判断题的 answer 应为「对」或「错」，实际为「是」' },
      { line: 8, message: '题干不能为空' },
      { line: 10, message: '题干与第 2 行相同' },
      { line: 11, message: '解析不能为空' },
    ])
    expect(formatReport(report)).toMatch(/^题库文件有 7 处问题，没有导入任何题目：\n {2}第 3 行：type 应为/)
    // Nothing imported: the directory was not even opened.
    expect(await questionsIn(data)).toHaveLength(0)
  })

  it('reads the same columns from an .xlsx sheet, with its row numbers', async () => {
    const rows = [HEADER.split(','), ...GOOD.slice(1).map((r) => r.split(',')), ['single', '缺选项的题', '', 'A', '解析', '']]
    const file = path.join(dir, '题库.xlsx')
    await writeFile(file, await xlsxOf('题库', rows))
    expect((await importIntoDataDir({ file, dataDir: data, now: NOW })).problems).toEqual([{ line: 4, message: '选择题至少要有 2 个选项' }])
    await writeFile(file, await xlsxOf('题库', rows.slice(0, 3)))
    expect(formatReport(await importIntoDataDir({ file, dataDir: data, now: NOW }))).toBe('已导入题目 2 道：新增 2 道，更新 0 道')
  })

  it('refuses an .xlsx without the question header, saying what the first row should be', async () => {
    const file = path.join(dir, '书目.xlsx')
    await writeFile(file, await xlsxOf('Sheet1', [['标题', '正文']]))
    await expect(importIntoDataDir({ file, dataDir: data, now: NOW })).rejects.toThrow(
      '.xlsx 只用于导入题库：第一行应为 type,stem,options,answer,explanation,tags',
    )
  })
})

describe('the demo bank', () => {
  const { questions, problems } = readQuestionRows([QUESTION_HEADER, ...questionRows].map((cells, i) => ({ line: i + 1, cells })))

  it('reads without a problem: about sixty questions of all three types', () => {
    expect(problems).toEqual([])
    expect(questions.length).toBeGreaterThanOrEqual(60)
    expect(new Set(questions.map((q) => q.fields.type))).toEqual(new Set(['single', 'multiple', 'judge']))
  })

  it('links three questions to every chapter of the written books and the Constitution, for its chapter quiz, and only to content that exists', async () => {
    const store = await openLocalStore(path.join(dir, 'seeded'))
    try {
      const { seedIfEmpty } = await import('../../local-cloud/seed')
      await seedIfEmpty(store.database(), NOW)
      const chapters = (await allDocs(store.database(), CHAPTERS)).map((c) => String(c._id))
      const linkedTo = (id: string) => questions.filter((q) => q.fields.link?.kind === 'chapter' && q.fields.link.id === id).length
      // The long law books (the Civil Code, the cadre's laws) have no quiz: their chapters say so when asked.
      const quizzed = chapters.filter((id) => !id.startsWith('book-civil-code-') && !id.startsWith('book-cadre-laws-'))
      expect(quizzed.length).toBe(chapters.length - 17)
      expect(chapters.map((id) => [id, linkedTo(id)])).toEqual(chapters.map((id) => [id, quizzed.includes(id) ? 3 : 0]))
      const articles = new Set((await allDocs(store.database(), 'articles')).map((a) => a._id))
      for (const q of questions.filter((q) => q.fields.link?.kind === 'article')) expect(articles).toContain(q.fields.link!.id)
    } finally {
      await store.close()
    }
  })
})
