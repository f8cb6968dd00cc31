import {
  CHAPTER_QUIZ_SIZE,
  DAILY_QUIZ_SIZE,
  JUDGE_OPTIONS,
  QUESTION_EXPLANATION_MAX,
  QUESTION_OPTION_MAX,
  QUESTION_OPTIONS_MAX,
  QUESTION_STEM_MAX,
  QUESTION_TAG_MAX,
  QUESTION_TAGS_MAX,
  QUESTION_TYPES,
} from './constants'
import { RequestKey } from './discussion'
import { questionProblem } from './questions'
import { DayKey } from './domain'
import { Cursor, id, page, text } from './fields'
import * as z from './zod'

/**
 * 在线考核: the question bank and 每日答题. A question's answer is the indexes of its right options
 * (A = 0); a member sees a question without it until they have answered.
 */

export const QuestionType = z.enum(QUESTION_TYPES, { error: '题型应为单选题、多选题或判断题' })
export type QuestionType = z.infer<typeof QuestionType>

/** What a question was written for: answered right, it shows the member what to read again. */
export const QuestionLink = z.strictObject({
  kind: z.enum(['article', 'chapter', 'book'], { error: '关联内容应为文章、章节或书目' }),
  id: id('关联内容编号'),
})
export type QuestionLink = z.infer<typeof QuestionLink>

export const Difficulty = z.number({ error: '难度应为 1、2 或 3' }).int('难度应为 1、2 或 3').min(1, '难度应为 1、2 或 3').max(3, '难度应为 1、2 或 3')

const OptionIndexes = z
  .array(
    z
      .number({ error: '答案应为选项序号' })
      .int('答案应为选项序号')
      .min(0, '答案应为选项序号')
      .max(QUESTION_OPTIONS_MAX - 1, '答案应为选项序号'),
    {
      error: '答案应为选项序号的列表',
    },
  )
  .min(1, '请选择答案')
  .max(QUESTION_OPTIONS_MAX, '答案过多')
  .refine((a) => new Set(a).size === a.length, '答案中有重复的选项')

const Choice = OptionIndexes

export const QuestionFields = z
  .strictObject({
    type: QuestionType,
    stem: text('题干', QUESTION_STEM_MAX),
    /** 判断题: may be left out (对/错). */
    options: z.array(text('选项', QUESTION_OPTION_MAX), { error: '选项应为列表' }).max(QUESTION_OPTIONS_MAX, `最多 ${QUESTION_OPTIONS_MAX} 个选项`).optional(),
    answer: OptionIndexes,
    explanation: text('解析', QUESTION_EXPLANATION_MAX),
    tags: z.array(text('标签', QUESTION_TAG_MAX), { error: '标签应为列表' }).max(QUESTION_TAGS_MAX, `最多 ${QUESTION_TAGS_MAX} 个标签`).default([]),
    difficulty: Difficulty.default(2),
    link: QuestionLink.nullable().default(null),
  })
  .transform((q) => ({ ...q, options: q.type === 'judge' ? [...JUDGE_OPTIONS] : (q.options ?? []), tags: [...new Set(q.tags)] }))
  .check((ctx) => {
    const problem = questionProblem(ctx.value)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  })
export type QuestionFields = z.output<typeof QuestionFields>

export const SaveQuestionInput = z.strictObject({
  /** Absent: a new question; present: edit it (a change counts from the next draw on). */
  id: id('题目编号').optional(),
  question: QuestionFields,
  /** For a new question: a retry with the same key adds nothing more. */
  requestKey: RequestKey.optional(),
})

export const QuestionStatus = z.enum(['active', 'retired'])

/** A question as the bank's admins see it, answer included. */
export const Question = z.object({
  _id: z.string(),
  type: QuestionType,
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  tags: z.array(z.string()),
  difficulty: z.number().int(),
  link: QuestionLink.nullable(),
  status: QuestionStatus,
  updatedAt: z.string(),
})
export type Question = z.infer<typeof Question>

export const ListQuestionsInput = z.strictObject({
  /** Words of the stem, or a tag (exactly). */
  query: z.string({ error: '搜索内容应为文字' }).trim().max(50, '搜索内容过长').optional(),
  status: QuestionStatus.optional(),
  cursor: Cursor.optional(),
})
export const ListQuestionsOutput = page(Question).extend({ tags: z.array(z.string()) })

export const GetQuestionInput = z.strictObject({ id: id('题目编号') })

export const RetireQuestionInput = z.strictObject({
  id: id('题目编号'),
  /** false: back into the bank. */
  retired: z.boolean({ error: 'retired 应为是或否' }),
})

/** A question as a member answering it sees it: no answer, no explanation. */
export const QuizQuestion = z.object({
  _id: z.string(),
  type: QuestionType,
  stem: z.string(),
  options: z.array(z.string()),
})
export type QuizQuestion = z.infer<typeof QuizQuestion>

/** An answer given, with what was right and why. */
export const QuizAnswer = z.object({
  questionId: z.string(),
  choice: z.array(z.number().int()),
  correct: z.boolean(),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  link: QuestionLink.nullable(),
})
export type QuizAnswer = z.infer<typeof QuizAnswer>

export const GetDailyQuizOutput = z.object({
  day: DayKey,
  /** Up to DAILY_QUIZ_SIZE; fewer when the bank has no more the member hasn't had lately. */
  questions: z.array(QuizQuestion).max(DAILY_QUIZ_SIZE),
  answers: z.array(QuizAnswer),
  /** Today's 每日答题 points as the ledger scores them (the cap applied), and the rule. */
  points: z.number().int(),
  each: z.number().int(),
  cap: z.number().int(),
})
export type GetDailyQuizOutput = z.infer<typeof GetDailyQuizOutput>

export const SubmitDailyQuizInput = z.strictObject({
  questionId: id('题目编号'),
  choice: Choice,
})
/** The answer (a repeat of the same question answers what was stored first) and today's tally. */
export const SubmitDailyQuizOutput = z.object({ answer: QuizAnswer, answered: z.number().int(), correct: z.number().int(), points: z.number().int() })

export const WrongAnswer = z.object({
  question: QuizQuestion,
  /** Times answered wrong, in 每日答题 or here. */
  wrong: z.number().int(),
  /** Right answers since it went in: WRONG_CLEARED_AFTER clears it. */
  rights: z.number().int(),
  lastWrongOn: DayKey,
})
export const ListWrongAnswersOutput = z.object({ items: z.array(WrongAnswer), total: z.number().int() })

export const RetryWrongAnswerInput = z.strictObject({
  questionId: id('题目编号'),
  choice: Choice,
  /** A retry of the same attempt counts once. */
  requestKey: RequestKey,
})
export const RetryWrongAnswerOutput = z.object({ answer: QuizAnswer, rights: z.number().int(), cleared: z.boolean() })

export const ChapterQuizInput = z.strictObject({ chapterId: id('章节编号') })

/** The caller's chapter quiz: open once the chapter is completed; passing marks it 已掌握. */
export const GetChapterQuizOutput = z.object({
  chapterId: z.string(),
  title: z.string(),
  bookId: z.string(),
  bookTitle: z.string(),
  /** The member completed the chapter (the quiz opens then). */
  completed: z.boolean(),
  /** Without answers; empty until the chapter is completed, or when none was written for it. */
  questions: z.array(QuizQuestion).max(CHAPTER_QUIZ_SIZE),
  /** Right answers needed to pass. */
  passMark: z.number().int(),
  attempts: z.number().int(),
  masteredAt: z.string().nullable(),
})

export const SubmitChapterQuizInput = z.strictObject({
  chapterId: id('章节编号'),
  answers: z
    .array(z.strictObject({ questionId: id('题目编号'), choice: Choice }), { error: '答案应为列表' })
    .min(1, '请先作答')
    .max(CHAPTER_QUIZ_SIZE, '答案过多'),
  /** A repeat of the same submission answers its first result. */
  requestKey: RequestKey,
})
export const SubmitChapterQuizOutput = z.object({
  right: z.number().int(),
  total: z.number().int(),
  passed: z.boolean(),
  masteredAt: z.string().nullable(),
  answers: z.array(QuizAnswer),
})

export const quizContract = {
  getChapterQuiz: { input: ChapterQuizInput, output: GetChapterQuizOutput },
  submitChapterQuiz: { input: SubmitChapterQuizInput, output: SubmitChapterQuizOutput },
  saveQuestion: { input: SaveQuestionInput, output: Question },
  getQuestion: { input: GetQuestionInput, output: Question },
  retireQuestion: { input: RetireQuestionInput, output: Question },
  listQuestions: { input: ListQuestionsInput, output: ListQuestionsOutput },
  getDailyQuiz: { input: z.strictObject({}), output: GetDailyQuizOutput },
  submitDailyQuiz: { input: SubmitDailyQuizInput, output: SubmitDailyQuizOutput },
  listWrongAnswers: { input: z.strictObject({}), output: ListWrongAnswersOutput },
  retryWrongAnswer: { input: RetryWrongAnswerInput, output: RetryWrongAnswerOutput },
} as const
