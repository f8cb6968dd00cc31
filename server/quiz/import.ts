import { JUDGE_OPTIONS, QuestionFields, type QuestionType } from '../../types'
import type { CloudDatabase } from '../db/types'
import { QUESTIONS, questionIdFrom, type QuestionDoc } from './questions'

/**
 * A question bank file (题库导入): a header row `type,stem,options,answer,explanation,tags` (then
 * optionally `difficulty` and `link`), one question a row, as CSV or the same columns in a sheet.
 * `type` is single|multiple|judge (or 单选/多选/判断), options are separated by `|`, the answer is
 * option letters (`A`, `ABC`) or 对/错 for a 判断题, tags are separated by `|`, a link is
 * `article:<id>`, `chapter:<id>` or `book:<id>`. Every row is checked; with any problem, nothing is
 * imported. A question is identified by its type and stem: importing the file again updates it.
 */
export const QUESTION_COLUMNS = ['type', 'stem', 'options', 'answer', 'explanation', 'tags'] as const
const OPTIONAL_COLUMNS = ['difficulty', 'link'] as const

/** A row of the file: its cells and the line of the file it starts on (the header is line 1). */
export interface SheetRow {
  line: number
  cells: string[]
}

export interface QuestionProblem {
  line: number
  message: string
}

export interface ReadQuestion {
  line: number
  id: string
  fields: QuestionFields
}

/** Whether the header names a question file (its first six columns, in order). */
export const isQuestionHeader = (cells: readonly string[]) => QUESTION_COLUMNS.every((c, i) => (cells[i] ?? '').trim().toLowerCase() === c)

const TYPES: Record<string, QuestionType> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  judge: 'judge',
  判断: 'judge',
  判断题: 'judge',
}
const JUDGE_ANSWERS: Record<string, number> = { 对: 0, 正确: 0, 错: 1, 错误: 1 }

const splitList = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)

/** `ABC` (or `A,C`, `a c`) as option indexes; null when it is not letters. */
function letters(cell: string): number[] | null {
  const compact = cell.replace(/[\s,，、]/g, '').toUpperCase()
  if (!/^[A-F]+$/.test(compact)) return null
  return [...compact].map((c) => c.charCodeAt(0) - 65)
}

function answerOf(type: QuestionType, cell: string): number[] | string {
  const value = cell.trim()
  if (!value) return 'answer 不能为空'
  if (type === 'judge') return value in JUDGE_ANSWERS ? [JUDGE_ANSWERS[value]] : `判断题的 answer 应为「对」或「错」，实际为「${value}」`
  return letters(value) ?? `answer 应为选项字母（如 A 或 ABC），实际为「${value}」`
}

function linkOf(cell: string): QuestionFields['link'] | string {
  const value = cell.trim()
  if (!value) return null
  const match = /^(article|chapter|book):(.+)$/.exec(value)
  return match
    ? { kind: match[1] as 'article' | 'chapter' | 'book', id: match[2].trim() }
    : `link 应为 article:编号、chapter:编号 或 book:编号，实际为「${value}」`
}

/** One row as a question, or what is wrong with it. */
function readRow(fields: Record<string, string>): QuestionFields | string {
  const type = TYPES[fields.type.trim().toLowerCase()]
  if (!type) return `type 应为 single、multiple 或 judge，实际为「${fields.type.trim()}」`
  const answer = answerOf(type, fields.answer)
  if (typeof answer === 'string') return answer
  const link = linkOf(fields.link ?? '')
  if (typeof link === 'string') return link
  const difficulty = fields.difficulty?.trim() ? Number(fields.difficulty.trim()) : undefined
  const options = type === 'judge' && !fields.options.trim() ? [...JUDGE_OPTIONS] : splitList(fields.options)
  const parsed = QuestionFields.safeParse({
    type,
    stem: fields.stem,
    options,
    answer,
    explanation: fields.explanation,
    tags: splitList(fields.tags),
    difficulty,
    link,
  })
  return parsed.success ? parsed.data : (parsed.error.issues[0]?.message ?? '这一行有误')
}

/** Every question of the file, or every problem with its line. */
export function readQuestionRows(rows: readonly SheetRow[]): { questions: ReadQuestion[]; problems: QuestionProblem[] } {
  const [header, ...body] = rows
  const columns = (header?.cells ?? []).map((c) => c.trim().toLowerCase())
  const problems: QuestionProblem[] = []
  const unknown = columns.slice(QUESTION_COLUMNS.length).filter((c) => c && !(OPTIONAL_COLUMNS as readonly string[]).includes(c))
  if (unknown.length) problems.push({ line: header.line, message: `不认识的列：${unknown.join('、')}（可选的列只有 difficulty 和 link）` })
  const questions: ReadQuestion[] = []
  const firstLine = new Map<string, number>()
  for (const { line, cells } of body) {
    if (cells.every((c) => !c.trim())) continue
    if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim())) {
      problems.push({ line, message: `这一行有 ${cells.length} 列，比列名多（含逗号的内容请用英文双引号括起来）` })
      continue
    }
    const read = readRow(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])))
    if (typeof read === 'string') {
      problems.push({ line, message: read })
      continue
    }
    const id = questionIdFrom(`import/${read.type}/${read.stem}`)
    const earlier = firstLine.get(id)
    if (earlier) {
      problems.push({ line, message: `题干与第 ${earlier} 行相同` })
      continue
    }
    firstLine.set(id, line)
    questions.push({ line, id, fields: read })
  }
  return { questions, problems }
}

/**
 * Writes the questions: new ones active, existing ones (same type and stem) updated, keeping their
 * status and creation. Answers how many were added and how many updated.
 */
export async function writeQuestions(
  db: CloudDatabase,
  now: Date,
  questions: readonly ReadQuestion[],
  by: string,
): Promise<{ added: number; updated: number }> {
  const existing = new Map<string, QuestionDoc>()
  for (let i = 0; i < questions.length; i += 1000) {
    const ids = questions.slice(i, i + 1000).map((q) => q.id)
    const { data } = await db
      .collection(QUESTIONS)
      .where({ _id: db.command.in(ids) })
      .limit(ids.length)
      .get()
    for (const d of data as QuestionDoc[]) existing.set(d._id, d)
  }
  for (const q of questions) {
    const before = existing.get(q.id)
    const doc: Omit<QuestionDoc, '_id'> = {
      ...q.fields,
      status: before?.status ?? 'active',
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      createdBy: before?.createdBy ?? by,
    }
    await db.collection(QUESTIONS).doc(q.id).set({ data: doc })
  }
  return { added: questions.length - existing.size, updated: existing.size }
}
