import * as z from 'zod'
import { ArticleSummary, CheckIn, DayKey, MemberProfile, MonthKey, REFLECTION_MAX } from './domain'

const charCount = (s: string) => Array.from(s).length

export const CheckInInput = z.strictObject({
  reflection: z
    .string({ error: '学习心得应为文字' })
    .trim()
    .refine((s) => charCount(s) <= REFLECTION_MAX, `学习心得最多 ${REFLECTION_MAX} 字`)
    .optional(),
})

export const CheckInOutput = z.object({
  /** `created` for a new check-in, `already` when today's record existed. */
  status: z.enum(['created', 'already']),
  record: CheckIn,
  streak: z.number().int().nonnegative(),
})

export const CheckInSummaryInput = z.strictObject({
  /** Defaults to the current Shanghai month. */
  month: MonthKey.optional(),
})

export const CheckInSummaryOutput = z.object({
  today: DayKey,
  todayRecord: CheckIn.nullable(),
  /** Current streak: ends today, or yesterday when today is not checked in yet. */
  streak: z.number().int().nonnegative(),
  month: MonthKey,
  /** Weekday of the month's first day, 0 = Monday … 6 = Sunday. */
  firstWeekday: z.number().int().min(0).max(6),
  daysInMonth: z.number().int().min(28).max(31),
  checkedDays: z.array(DayKey),
})

export const ListArticlesInput = z.strictObject({
  limit: z.number().int().min(1).max(20).optional(),
})

export const ListArticlesOutput = z.object({ items: z.array(ArticleSummary) })

/** Every callable cloud function: its name, input and output. */
export const contract = {
  getMe: { input: z.strictObject({}), output: MemberProfile },
  checkIn: { input: CheckInInput, output: CheckInOutput },
  getCheckInSummary: { input: CheckInSummaryInput, output: CheckInSummaryOutput },
  listArticles: { input: ListArticlesInput, output: ListArticlesOutput },
} as const

export type Contract = typeof contract
export type FunctionName = keyof Contract
export type FunctionInput<N extends FunctionName> = z.input<Contract[N]['input']>
export type FunctionOutput<N extends FunctionName> = z.output<Contract[N]['output']>
