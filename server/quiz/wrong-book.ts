import { WRONG_BOOK_MAX, WRONG_CLEARED_AFTER, type ActionOutput } from '../../types'
import { dayKey } from '../../types/calendar'
import { addOnce, fieldKey, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { Member } from '../members'
import { authorize, memberTarget } from '../permissions'
import { checkChoice, isRight, quizAnswer } from './grading'
import { QUESTIONS, toQuizQuestion, type QuestionDoc } from './questions'

/**
 * 错题本: `wrongBooks/<member>`, one document a member, an entry per question answered wrong. A
 * right answer on retry counts towards clearing it; a wrong one starts the count again.
 */
export const WRONG_BOOKS = 'wrongBooks'

interface WrongEntry {
  questionId: string
  wrong: number
  rights: number
  lastWrongOn: string
  lastWrongAt: Date
}

interface LastRetry {
  key: string
  questionId: string
  correct: boolean
  rights: number
  cleared: boolean
}

interface WrongBookDoc {
  _id: string
  items: Record<string, WrongEntry>
  /** The last retry, so a repeat of it (same request key) answers the same. */
  lastRetry?: LastRetry
}

/** A wrong answer in the day's quiz, once per question and day however often it is settled. */
export async function addMiss(db: CloudDatabase, memberId: string, questionId: string, day: string, at: Date): Promise<void> {
  const key = fieldKey(questionId)
  const _ = db.command
  const miss = () =>
    db
      .collection(WRONG_BOOKS)
      .where({ _id: memberId, [`items.${key}.lastWrongOn`]: _.neq(day) })
      .update({
        data: {
          [`items.${key}.questionId`]: questionId,
          [`items.${key}.wrong`]: _.inc(1),
          [`items.${key}.rights`]: 0,
          [`items.${key}.lastWrongOn`]: day,
          [`items.${key}.lastWrongAt`]: at,
        },
      })
  if ((await miss()).stats.updated === 1) return
  const book = await findDoc<WrongBookDoc>(db, WRONG_BOOKS, memberId, ['_id'])
  if (book) return
  // The member's first miss: their book, then the miss in it.
  const empty: WrongBookDoc = { _id: memberId, items: {} }
  await addOnce(db, WRONG_BOOKS, empty)
  await miss()
}

export async function listWrongAnswers(db: CloudDatabase, caller: Member): Promise<ActionOutput<'listWrongAnswers'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const book = await findDoc<WrongBookDoc>(db, WRONG_BOOKS, caller._id)
  const entries = Object.values(book?.items ?? {}).sort((a, b) => new Date(b.lastWrongAt).getTime() - new Date(a.lastWrongAt).getTime())
  const shown = entries.slice(0, WRONG_BOOK_MAX)
  const { data } = shown.length
    ? await db
        .collection(QUESTIONS)
        .where({ _id: db.command.in(shown.map((e) => e.questionId)) })
        .limit(shown.length)
        .get()
    : { data: [] }
  const byId = new Map((data as QuestionDoc[]).map((q) => [q._id, q]))
  const items = shown.flatMap((e) => {
    const q = byId.get(e.questionId)
    return q ? [{ question: toQuizQuestion(q), wrong: e.wrong, rights: e.rights, lastWrongOn: e.lastWrongOn }] : []
  })
  return { items, total: entries.length }
}

/**
 * Answers a question of the book again. Right: one more towards WRONG_CLEARED_AFTER, which clears
 * it; wrong: the count starts again. The book's entry is updated only if it is as read, so two
 * retries at once count one after the other.
 */
export async function retryWrongAnswer(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { questionId: string; choice: number[]; requestKey: string },
): Promise<ActionOutput<'retryWrongAnswer'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const question = await findDoc<QuestionDoc>(db, QUESTIONS, input.questionId)
  if (!question) throw new AppError('NOT_FOUND', '题目不存在')
  const answerOf = (correct: boolean) => quizAnswer(question, input.choice, correct)
  const key = fieldKey(input.questionId)
  const _ = db.command
  for (let attempt = 0; attempt < 5; attempt++) {
    const book = await findDoc<WrongBookDoc>(db, WRONG_BOOKS, caller._id)
    const last = book?.lastRetry
    if (last && last.key === input.requestKey && last.questionId === input.questionId)
      return { answer: answerOf(last.correct), rights: last.rights, cleared: last.cleared }
    const entry = book?.items?.[key]
    if (!entry) throw new AppError('NOT_FOUND', '这道题已不在错题本里')
    checkChoice(question, input.choice)
    const correct = isRight(question, input.choice)
    const rights = correct ? entry.rights + 1 : 0
    const cleared = rights >= WRONG_CLEARED_AFTER
    const lastRetry: LastRetry = { key: input.requestKey, questionId: input.questionId, correct, rights, cleared }
    const data = cleared
      ? { [`items.${key}`]: _.remove(), lastRetry }
      : correct
        ? { [`items.${key}.rights`]: rights, lastRetry }
        : {
            [`items.${key}.rights`]: 0,
            [`items.${key}.wrong`]: entry.wrong + 1,
            [`items.${key}.lastWrongOn`]: dayKey(now),
            [`items.${key}.lastWrongAt`]: now,
            lastRetry,
          }
    const { stats } = await db
      .collection(WRONG_BOOKS)
      .where({ _id: caller._id, [`items.${key}.rights`]: entry.rights, [`items.${key}.wrong`]: entry.wrong })
      .update({ data })
    if (stats.updated === 1) return { answer: answerOf(correct), rights, cleared }
  }
  throw new AppError('CONFLICT', '错题本正忙，请稍后再试')
}
