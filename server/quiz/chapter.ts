import { CHAPTER_QUIZ_PASS_SHARE, CHAPTER_QUIZ_SIZE, type ActionOutput } from '../../types'
import { addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { Member } from '../members'
import { authorize, memberTarget } from '../permissions'
import { isoOrNull, itemKey, readLedger, STUDY_LEDGERS } from '../study/ledger'
import { readableChapter } from '../study/readable'
import { checkChoice, isRight, quizAnswer } from './grading'
import { linkedQuestions, toQuizQuestion, type QuestionDoc } from './questions'

/**
 * 章节小测: after a chapter is completed, up to three of the questions written for it. Passing
 * (CHAPTER_QUIZ_PASS_SHARE right) marks the chapter 已掌握 in the member's study record
 * (`items.<chapter>.masteredAt` of the study ledger, shown with the chapter's progress); failing
 * only shows the explanations, and the member may try again. `chapterQuizzes/<member>_<chapter>`
 * keeps the attempts and the last result, so a repeated submission answers the first.
 */
export const CHAPTER_QUIZZES = 'chapterQuizzes'

interface ChapterQuizDoc {
  _id: string
  memberId: string
  chapterId: string
  attempts: number
  last: { key: string; right: number; total: number; passed: boolean; at: Date; answers: { questionId: string; choice: number[]; correct: boolean }[] }
}

const docId = (memberId: string, chapterId: string) => `${memberId}_${chapterId}`

/** Right answers needed of `total`. */
export const passMark = (total: number) => Math.ceil(total * CHAPTER_QUIZ_PASS_SHARE - 1e-9)

/** The chapter's quiz questions, in a fixed order. */
async function quizOf(db: CloudDatabase, chapterId: string): Promise<QuestionDoc[]> {
  return (await linkedQuestions(db, 'chapter', [chapterId])).sort((a, b) => (a._id < b._id ? -1 : 1)).slice(0, CHAPTER_QUIZ_SIZE)
}

/** Whether the member completed the chapter, and when they mastered it. */
async function standing(db: CloudDatabase, memberId: string, chapterId: string) {
  const key = itemKey('chapter', chapterId)
  const item = (await readLedger(db, memberId, [`items.${key}`]))?.items?.[key]
  return { completed: item?.done ?? false, masteredAt: isoOrNull(item?.masteredAt) }
}

export async function getChapterQuiz(db: CloudDatabase, caller: Member, chapterId: string): Promise<ActionOutput<'getChapterQuiz'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  const { chapter, book } = await readableChapter(db, chapterId)
  const [{ completed, masteredAt }, questions, stored] = await Promise.all([
    standing(db, caller._id, chapterId),
    quizOf(db, chapterId),
    findDoc<ChapterQuizDoc>(db, CHAPTER_QUIZZES, docId(caller._id, chapterId), ['attempts']),
  ])
  return {
    chapterId,
    title: chapter.title,
    bookId: book._id,
    bookTitle: book.title,
    completed,
    questions: completed ? questions.map(toQuizQuestion) : [],
    passMark: passMark(questions.length),
    attempts: stored?.attempts ?? 0,
    masteredAt,
  }
}

/** 已掌握, once: the first pass's time stays. */
async function markMastered(db: CloudDatabase, memberId: string, chapterId: string, at: Date): Promise<string> {
  const path = `items.${itemKey('chapter', chapterId)}.masteredAt`
  const _ = db.command
  await db
    .collection(STUDY_LEDGERS)
    .where({ _id: memberId, [path]: _.exists(false) })
    .update({ data: { [path]: at } })
  return (await standing(db, memberId, chapterId)).masteredAt ?? at.toISOString()
}

export async function submitChapterQuiz(
  db: CloudDatabase,
  caller: Member,
  now: Date,
  input: { chapterId: string; answers: { questionId: string; choice: number[] }[]; requestKey: string },
): Promise<ActionOutput<'submitChapterQuiz'>> {
  authorize(caller, 'quiz.take', memberTarget(caller))
  await readableChapter(db, input.chapterId)
  const [{ completed, masteredAt }, questions] = await Promise.all([standing(db, caller._id, input.chapterId), quizOf(db, input.chapterId)])
  if (!completed) throw new AppError('CONFLICT', '读完这一章后才能做小测')
  if (questions.length === 0) throw new AppError('NOT_FOUND', '这一章还没有小测题目')
  const byId = new Map(questions.map((q) => [q._id, q]))
  const id = docId(caller._id, input.chapterId)
  const stored = await findDoc<ChapterQuizDoc>(db, CHAPTER_QUIZZES, id)
  const resultOf = (last: ChapterQuizDoc['last'], mastered: string | null) => ({
    right: last.right,
    total: last.total,
    passed: last.passed,
    masteredAt: mastered,
    answers: last.answers.flatMap((a) => (byId.get(a.questionId) ? [quizAnswer(byId.get(a.questionId)!, a.choice, a.correct)] : [])),
  })
  if (stored?.last.key === input.requestKey) {
    // The same submission again: its result stands (and a mastery its first call did not get to write is written).
    return resultOf(stored.last, stored.last.passed ? await markMastered(db, caller._id, input.chapterId, new Date(stored.last.at)) : masteredAt)
  }
  for (const a of input.answers) {
    const q = byId.get(a.questionId)
    if (!q) throw new AppError('INVALID_INPUT', '答案中有不属于这次小测的题目，请刷新后再答')
    checkChoice(q, a.choice)
  }
  const given = new Map(input.answers.map((a) => [a.questionId, a.choice]))
  const answers = questions.map((q) => {
    const choice = given.get(q._id) ?? []
    return { questionId: q._id, choice, correct: isRight(q, choice) }
  })
  const right = answers.filter((a) => a.correct).length
  const last: ChapterQuizDoc['last'] = { key: input.requestKey, right, total: questions.length, passed: right >= passMark(questions.length), at: now, answers }
  if (!(await writeAttempt(db, stored, { _id: id, memberId: caller._id, chapterId: input.chapterId, attempts: 1, last }))) {
    // Another submission got there first: the same one (a retry racing its first call) answers its result.
    const first = await findDoc<ChapterQuizDoc>(db, CHAPTER_QUIZZES, id)
    if (first?.last.key !== input.requestKey) throw new AppError('CONFLICT', '小测正在提交，请稍后刷新查看结果')
    return resultOf(first.last, first.last.passed ? await markMastered(db, caller._id, input.chapterId, new Date(first.last.at)) : masteredAt)
  }
  return resultOf(last, last.passed ? await markMastered(db, caller._id, input.chapterId, now) : masteredAt)
}

/** Records an attempt over the one read (`stored`), or as the first; false when another write came first. */
async function writeAttempt(db: CloudDatabase, stored: ChapterQuizDoc | undefined, first: ChapterQuizDoc): Promise<boolean> {
  if (stored) {
    const { stats } = await db
      .collection(CHAPTER_QUIZZES)
      .where({ _id: first._id, 'last.key': stored.last.key })
      .update({ data: { last: first.last, attempts: db.command.inc(1) } })
    return stats.updated === 1
  }
  return addOnce(db, CHAPTER_QUIZZES, first)
}
