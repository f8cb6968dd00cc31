import { QUESTIONS_PAGE_SIZE, type ActionOutput, type Question, type QuestionFields, type QuizQuestion } from '../../types'
import { recordAudit } from '../audit'
import { addOnce, findDoc, readAll } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { derivedId, newId } from '../ids'
import type { Member } from '../members'
import { decodeCursor, pageOf } from '../paging'
import { authorize, ORGANISATION } from '../permissions'
import { requireCleanText, type ContentChecker } from '../security/content-check'

/**
 * The question bank (题库), the organisation's: `questions/<id>`. A question is never deleted, only
 * retired, so every answer given keeps the question it answered.
 */
export const QUESTIONS = 'questions'

export interface QuestionDoc extends QuestionFields {
  _id: string
  status: Question['status']
  createdAt: Date
  updatedAt: Date
  createdBy: string
}

/** A derived id: the same seed (a caller's request key, an imported question's stem) is the same question. */
export const questionIdFrom = (seed: string) => derivedId('q', seed)

export const toQuestion = (d: QuestionDoc): Question => ({
  _id: d._id,
  type: d.type,
  stem: d.stem,
  options: d.options,
  answer: d.answer,
  explanation: d.explanation,
  tags: d.tags,
  difficulty: d.difficulty,
  link: d.link ?? null,
  status: d.status,
  updatedAt: new Date(d.updatedAt).toISOString(),
})

/** As a member answering it sees it. */
export const toQuizQuestion = (d: Pick<QuestionDoc, '_id' | 'type' | 'stem' | 'options'>): QuizQuestion => ({
  _id: d._id,
  type: d.type,
  stem: d.stem,
  options: d.options,
})

/** What a question shows members, as one text: one content check, not one per option. */
const shownText = (q: QuestionFields) => [q.stem, ...q.options, q.explanation, ...q.tags].join('\n')

/** One question of the bank, to edit it. */
export async function getQuestion(db: CloudDatabase, caller: Member, id: string): Promise<Question> {
  authorize(caller, 'questions.manage', ORGANISATION)
  return toQuestion(await requireQuestion(db, id))
}

async function requireQuestion(db: CloudDatabase, id: string): Promise<QuestionDoc> {
  const doc = await findDoc<QuestionDoc>(db, QUESTIONS, id)
  if (!doc) throw new AppError('NOT_FOUND', '题目不存在')
  return doc
}

/** Adds a question (a retry with the same request key adds nothing more) or edits one, content-checked. */
export async function saveQuestion(
  db: CloudDatabase,
  checker: ContentChecker,
  caller: Member,
  now: Date,
  input: { id?: string; question: QuestionFields; requestKey?: string },
): Promise<Question> {
  authorize(caller, 'questions.manage', ORGANISATION)
  await requireCleanText(checker, caller.openid, 'forum', [shownText(input.question)])
  if (input.id) {
    const before = await requireQuestion(db, input.id)
    const after: QuestionDoc = { ...before, ...input.question, updatedAt: now }
    await db
      .collection(QUESTIONS)
      .doc(before._id)
      .set({ data: withoutId(after) })
    await recordAudit(db, caller, now, {
      action: 'question.update',
      targetType: 'question',
      targetId: before._id,
      targetName: before.stem,
      before: toQuestion(before),
      after: toQuestion(after),
      unitIds: [],
    })
    return toQuestion(after)
  }
  const _id = input.requestKey ? questionIdFrom(`${caller._id}/${input.requestKey}`) : newId('q')
  const doc: QuestionDoc = { _id, ...input.question, status: 'active', createdAt: now, updatedAt: now, createdBy: caller._id }
  if (!(await addOnce(db, QUESTIONS, doc))) return toQuestion(await requireQuestion(db, _id))
  await recordAudit(db, caller, now, {
    action: 'question.create',
    targetType: 'question',
    targetId: _id,
    targetName: doc.stem,
    before: null,
    after: toQuestion(doc),
    unitIds: [],
  })
  return toQuestion(doc)
}

const withoutId = ({ _id: _ignored, ...rest }: QuestionDoc) => rest

/** Takes a question out of the daily draws (answers given keep it), or puts it back. */
export async function retireQuestion(db: CloudDatabase, caller: Member, now: Date, input: { id: string; retired: boolean }): Promise<Question> {
  authorize(caller, 'questions.manage', ORGANISATION)
  const before = await requireQuestion(db, input.id)
  const status = input.retired ? 'retired' : 'active'
  if (before.status === status) return toQuestion(before)
  const after = { ...before, status, updatedAt: now } satisfies QuestionDoc
  await db
    .collection(QUESTIONS)
    .doc(before._id)
    .update({ data: { status, updatedAt: now } })
  await recordAudit(db, caller, now, {
    action: input.retired ? 'question.retire' : 'question.restore',
    targetType: 'question',
    targetId: before._id,
    targetName: before.stem,
    before: { status: before.status },
    after: { status },
    unitIds: [],
  })
  return toQuestion(after)
}

/**
 * The bank a page at a time, newest first, with every tag used (for the filter chips). `query`
 * matches a tag exactly or words of the stem. The bank is the organisation's few hundred questions:
 * it is read whole (1,000 a query) and filtered here, which the cloud database's regex would not do better.
 */
export async function listQuestions(
  db: CloudDatabase,
  caller: Member,
  input: { query?: string; status?: Question['status']; cursor?: string },
): Promise<ActionOutput<'listQuestions'>> {
  authorize(caller, 'questions.manage', ORGANISATION)
  const all = await allQuestions(db, input.status ? { status: input.status } : {})
  const tags = [...new Set(all.flatMap((q) => q.tags))].sort()
  const query = input.query?.trim()
  const matched = query ? all.filter((q) => q.tags.includes(query) || q.stem.includes(query)) : all
  const key = (q: QuestionDoc) => [new Date(q.updatedAt).toISOString(), q._id]
  matched.sort((a, b) => (key(a).join('|') < key(b).join('|') ? 1 : -1))
  const after = input.cursor ? decodeCursor(input.cursor, 2).join('|') : undefined
  const rest = after ? matched.filter((q) => key(q).join('|') < after) : matched
  return { ...pageOf(rest, QUESTIONS_PAGE_SIZE, key, toQuestion), tags }
}

/** Every question meeting `where`. */
export const allQuestions = (db: CloudDatabase, where: Record<string, unknown>) => readAll<QuestionDoc>(db, QUESTIONS, where)

/** The active questions written for these articles, chapters or books (1,000 at most: a few each). */
export async function linkedQuestions(db: CloudDatabase, kind: 'article' | 'chapter' | 'book', ids: string[]): Promise<QuestionDoc[]> {
  if (ids.length === 0) return []
  const { data } = await db
    .collection(QUESTIONS)
    .where({ status: 'active', 'link.kind': kind, 'link.id': db.command.in(ids) })
    .limit(1000)
    .get()
  return data as QuestionDoc[]
}
