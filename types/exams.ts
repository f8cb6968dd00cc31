import { EXAM_ATTEMPTS_MAX, EXAM_INTRO_MAX, EXAM_QUESTIONS_MAX, EXAM_TIME_LIMIT_MAX, EXAM_TITLE_MAX, QUESTION_TAG_MAX } from './constants'
import { Subscription } from './content-functions'
import { RequestKey } from './discussion'
import { Instant, UnitKind } from './domain'
import { Cursor, id, page, text } from './fields'
import { Difficulty, QuizAnswer, QuizQuestion } from './quiz'
import * as z from './zod'

/**
 * 专项考试 / 季度考核: an exam for a unit (the whole organisation, a 党支部 or a 党小组), composed by its
 * admins from the question bank, open in a window, timed, with a pass mark and a number of attempts.
 * The server keeps the answer key and the clock.
 */

/** Questions drawn at random for each attempt: `count` of the active questions with the tag and difficulty (either may be any). */
export const ExamDraw = z.strictObject({
  tag: text('标签', QUESTION_TAG_MAX).nullable().default(null),
  difficulty: Difficulty.nullable().default(null),
  count: z.number({ error: '题目数量应为数字' }).int('题目数量应为整数').min(1, '每组至少抽 1 道题').max(EXAM_QUESTIONS_MAX, `最多 ${EXAM_QUESTIONS_MAX} 道题`),
})
export type ExamDraw = z.output<typeof ExamDraw>

export const ExamQuestions = z.discriminatedUnion(
  'mode',
  [
    z.strictObject({
      mode: z.literal('fixed'),
      questionIds: z
        .array(id('题目编号'), { error: '题目应为列表' })
        .min(1, '请至少选 1 道题')
        .max(EXAM_QUESTIONS_MAX, `最多 ${EXAM_QUESTIONS_MAX} 道题`)
        .refine((ids) => new Set(ids).size === ids.length, '有重复的题目'),
    }),
    z.strictObject({
      mode: z.literal('draw'),
      draws: z.array(ExamDraw, { error: '抽题规则应为列表' }).min(1, '请至少设一组抽题规则').max(10, '最多 10 组抽题规则'),
    }),
  ],
  { error: '出题方式应为固定题目（fixed）或随机抽题（draw）' },
)
export type ExamQuestions = z.output<typeof ExamQuestions>

export const SaveExamInput = z
  .strictObject({
    /** Absent: a new exam (a draft); present: edit a draft. */
    id: id('考试编号').optional(),
    title: text('考试名称', EXAM_TITLE_MAX),
    intro: z.union([z.literal(''), text('考试说明', EXAM_INTRO_MAX)]).default(''),
    /** The unit whose active members sit it. */
    unitId: id('单位编号'),
    questions: ExamQuestions,
    opensAt: Instant,
    closesAt: Instant,
    timeLimitMinutes: z
      .number({ error: '答题时限应为数字' })
      .int('答题时限应为整数分钟')
      .min(1, '答题时限至少 1 分钟')
      .max(EXAM_TIME_LIMIT_MAX, `答题时限最多 ${EXAM_TIME_LIMIT_MAX} 分钟`),
    /** Percent right to pass. */
    passPercent: z.number({ error: '及格线应为数字' }).int('及格线应为整数').min(1, '及格线应在 1 到 100 之间').max(100, '及格线应在 1 到 100 之间'),
    attempts: z
      .number({ error: '答题次数应为数字' })
      .int('答题次数应为整数')
      .min(1, '至少可以答 1 次')
      .max(EXAM_ATTEMPTS_MAX, `最多可以答 ${EXAM_ATTEMPTS_MAX} 次`),
    requestKey: RequestKey.optional(),
  })
  .refine((e) => Date.parse(e.closesAt) > Date.parse(e.opensAt), { message: '结束时间应晚于开始时间', path: ['closesAt'] })

export const ExamStatus = z.enum(['draft', 'published'])

/** An exam as its admins see it. */
export const Exam = z.object({
  _id: z.string(),
  title: z.string(),
  intro: z.string(),
  unitId: z.string(),
  unitKind: UnitKind,
  unitName: z.string(),
  questions: ExamQuestions,
  /** Questions in each attempt. */
  questionCount: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  timeLimitMinutes: z.number().int(),
  passPercent: z.number().int(),
  attempts: z.number().int(),
  status: ExamStatus,
  publishedAt: z.string().nullable(),
  /** The caller may change it (a draft within their reach). */
  editable: z.boolean(),
})
export type Exam = z.infer<typeof Exam>

export const ExamIdInput = z.strictObject({ id: id('考试编号') })
export const ListManagedExamsInput = z.strictObject({ cursor: Cursor.optional() })
export const ListManagedExamsOutput = page(Exam)

/** What publishing did: the members told (with an 考试通知 grant), by outcome, and those without one. */
export const PublishExamOutput = z.object({ exam: Exam, audience: z.number().int(), notified: z.record(z.string(), z.number().int()) })

export const ExamState = z.enum(['upcoming', 'open', 'closed'])
/** An exam as a member sees it in 我的考试. */
export const ExamSummary = z.object({
  _id: z.string(),
  title: z.string(),
  intro: z.string(),
  unitName: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  timeLimitMinutes: z.number().int(),
  passPercent: z.number().int(),
  questionCount: z.number().int(),
  attempts: z.number().int(),
  state: ExamState,
  /** Attempts used (submitted, or run out of time). */
  used: z.number().int(),
  best: z.object({ percent: z.number().int(), passed: z.boolean() }).nullable(),
  /** An attempt begun and still within its time: 继续答题. */
  inProgress: z.string().nullable(),
})
export type ExamSummary = z.infer<typeof ExamSummary>
/** 我的考试, and the member's reminders (考试通知 is asked for from this page). */
export const ListExamsOutput = z.object({ items: z.array(ExamSummary), subscriptions: z.array(Subscription) })

/** An attempt's paper: questions without answers, and when its time is up. */
export const ExamPaper = z.object({
  attemptId: z.string(),
  examId: z.string(),
  title: z.string(),
  /** 1 for the first attempt. */
  number: z.number().int(),
  questions: z.array(QuizQuestion),
  startedAt: z.string(),
  deadline: z.string(),
  /** The server's clock when it answered: the phone counts down from deadline − now, whatever its own clock says. */
  now: z.string(),
})
export type ExamPaper = z.infer<typeof ExamPaper>

export const ExamResult = z.object({
  attemptId: z.string(),
  examId: z.string(),
  title: z.string(),
  number: z.number().int(),
  right: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  passed: z.boolean(),
  passPercent: z.number().int(),
  submittedAt: z.string(),
  questions: z.array(QuizQuestion),
  answers: z.array(QuizAnswer),
})
export type ExamResult = z.infer<typeof ExamResult>

export const StartExamAttemptInput = z.strictObject({ examId: id('考试编号'), requestKey: RequestKey })
export const AttemptIdInput = z.strictObject({ attemptId: id('答卷编号') })
export const SubmitExamAttemptInput = z.strictObject({
  attemptId: id('答卷编号'),
  answers: z
    .array(z.strictObject({ questionId: id('题目编号'), choice: z.array(z.number().int().min(0).max(9)).max(10) }), { error: '答案应为列表' })
    .max(EXAM_QUESTIONS_MAX, '答案过多'),
})
/** An attempt of the caller's: its paper while it runs, its result once submitted; `expired` when the time ran out unsubmitted. */
export const GetExamAttemptOutput = z.object({
  status: z.enum(['started', 'submitted', 'expired']),
  paper: ExamPaper,
  result: ExamResult.nullable(),
})

export const ExamUnitResult = z.object({
  unitId: z.string(),
  kind: UnitKind,
  name: z.string(),
  /** Active members who were to sit it. */
  members: z.number().int(),
  /** Of them, those with a submitted attempt. */
  takers: z.number().int(),
  passed: z.number().int(),
  /** passed / members; null with no member. */
  passRate: z.number().min(0).max(1).nullable(),
  /** Mean best percent of the takers; null with no taker. */
  mean: z.number().nullable(),
  /** Takers by their best percent, in EXAM_SCORE_BANDS. */
  distribution: z.array(z.number().int()).length(5),
})
export type ExamUnitResult = z.infer<typeof ExamUnitResult>

export const GetExamResultsInput = z.strictObject({
  examId: id('考试编号'),
  /** Defaults to the caller's own group (leaders), branch (branch admins) or the exam's unit. */
  unitId: id('单位编号').optional(),
})
export const GetExamResultsOutput = z.object({
  exam: Exam,
  unitId: z.string(),
  /** The unit asked for first, then its branches or groups. */
  units: z.array(ExamUnitResult),
  members: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      groupName: z.string(),
      used: z.number().int(),
      best: z.number().int().nullable(),
      passed: z.boolean(),
    }),
  ),
})

export const examsContract = {
  saveExam: { input: SaveExamInput, output: Exam },
  getExam: { input: ExamIdInput, output: Exam },
  listManagedExams: { input: ListManagedExamsInput, output: ListManagedExamsOutput },
  publishExam: { input: ExamIdInput, output: PublishExamOutput },
  listExams: { input: z.strictObject({}), output: ListExamsOutput },
  startExamAttempt: { input: StartExamAttemptInput, output: ExamPaper },
  submitExamAttempt: { input: SubmitExamAttemptInput, output: ExamResult },
  getExamAttempt: { input: AttemptIdInput, output: GetExamAttemptOutput },
  getExamResults: { input: GetExamResultsInput, output: GetExamResultsOutput },
} as const
