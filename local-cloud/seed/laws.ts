import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Block } from '../../types'
import type { SeedBook, SeedChapter } from './books'

/**
 * Laws as books, long enough for a year of study: the Constitution (必读), the Civil Code and eight
 * laws a cadre works under. The texts are the laws as the National People's Congress
 * published them (laws are not subject to copyright: 著作权法第五条), kept in `laws/*.md` in a
 * reading form: `# ` starts a chapter, `## ` is a heading inside it, `> ` a note on the law's
 * adoption and amendments, every other line a paragraph (an article, or one paragraph of it). A
 * chapter stays within the 500 blocks an admin may save, so the Civil Code's 合同编 comes in two.
 * They are not recorded for 听全文 on start (their 200,000 characters would take espeak-ng minutes
 * and about 700 MB): the phone reads them aloud, as it does any text without a recording.
 */

const LAWS_DIR = path.join(__dirname, 'laws')

/** The chapters of one file. */
export function lawChapters(text: string): SeedChapter[] {
  const chapters: SeedChapter[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    if (line.startsWith('# ')) {
      chapters.push({ title: line.slice(2).trim(), body: [] })
      continue
    }
    const chapter = chapters.at(-1)
    if (!chapter) throw new Error(`text before the first chapter: ${line.slice(0, 20)}`)
    const block: Block = line.startsWith('## ')
      ? { type: 'heading', text: line.slice(3).trim() }
      : line.startsWith('> ')
        ? { type: 'quote', text: line.slice(2).trim() }
        : { type: 'paragraph', text: line.trim() }
    chapter.body.push(block)
  }
  return chapters
}

type LawBook = Omit<SeedBook, 'chapters'> & { file: string }

const LAW_BOOKS: LawBook[] = [
  {
    _id: 'book-constitution',
    file: 'constitution.md',
    title: '中华人民共和国宪法',
    author: '全国人民代表大会',
    summary: '国家的根本法。序言和四章，逐条通读，学习宪法确立的国家根本制度和根本任务、公民的基本权利和义务、国家机构的组成和职权。',
    categoryId: 'law',
    recommended: true,
    required: { branchIds: [] },
  },
  {
    _id: 'book-civil-code',
    file: 'civil-code.md',
    title: '中华人民共和国民法典',
    author: '全国人民代表大会',
    summary: '“社会生活的百科全书”。总则和物权、合同、人格权、婚姻家庭、继承、侵权责任六编，与每个人的生活和工作息息相关，适合分章慢读。',
    categoryId: 'law',
    recommended: false,
  },
  {
    _id: 'book-cadre-laws',
    file: 'cadre-laws.md',
    title: '党员干部学法读本',
    author: '全国人民代表大会及其常务委员会',
    summary:
      '监察法、公务员法、公职人员政务处分法、保守国家秘密法、国家安全法、立法法、爱国主义教育法、英雄烈士保护法八部法律全文，每章一部，机关党员干部履职尽责的基本遵循。',
    categoryId: 'law',
    recommended: false,
  },
]

/** The law books, their chapters read from `laws/`. */
export const lawBooks: SeedBook[] = LAW_BOOKS.map(({ file, ...book }) => ({
  ...book,
  chapters: lawChapters(readFileSync(path.join(LAWS_DIR, file), 'utf8')),
  recorded: false,
}))
