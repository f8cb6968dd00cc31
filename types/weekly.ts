import * as z from './zod'
import { DayKey } from './domain'
import { WEEKLY_INTRO_MAX, WEEKLY_ITEMS_MAX, WEEKLY_TARGET_DEFAULT } from './constants'
import { Cursor, id, page, text } from './fields'
import { Subscription } from './content-functions'

/**
 * 每周一学: a list of study items for one Shanghai week (keyed by its Monday), composed by the
 * organisation's admins, published to its members on Monday 08:00. Progress is derived from what
 * members did (credited reading), never ticked by hand.
 */

/** An article or a chapter (tracked by credited reading), or other material behind a link. */
export const WeeklyItemKind = z.enum(['article', 'chapter', 'link'])
export type WeeklyItemKind = z.infer<typeof WeeklyItemKind>

/** Weeks are keyed by their Monday. */
export const WeekKey = DayKey.refine((day) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1, '每周一学的周次应以周一的日期表示')

const LinkUrl = z
  .string({ error: '链接应为文字' })
  .trim()
  .max(500, '链接过长')
  .regex(/^https:\/\/\S+$/, '链接应以 https:// 开头')

export const WeeklyItemInput = z
  .strictObject({
    kind: WeeklyItemKind,
    /** The article's or chapter's id. */
    refId: id('内容编号').optional(),
    /** Links only: what the material is called and where it is. */
    title: text('材料名称', 40).optional(),
    url: LinkUrl.optional(),
    required: z.boolean({ error: '请选择必学或选学' }),
  })
  .superRefine((item, ctx) => {
    if (item.kind === 'link') {
      if (!item.title || !item.url) ctx.addIssue({ code: 'custom', message: '链接材料需要名称和链接' })
      // Reading behind a link is not credited: it cannot be told done, so it is never required.
      if (item.required) ctx.addIssue({ code: 'custom', message: '链接材料无法统计完成情况，只能设为选学' })
    } else if (!item.refId) ctx.addIssue({ code: 'custom', message: '请选择文章或章节' })
  })

export const SaveWeeklyListInput = z
  .strictObject({
    /** Absent: a new list. */
    id: id('清单编号').optional(),
    week: WeekKey,
    intro: text('导语', WEEKLY_INTRO_MAX),
    targetMinutes: z
      .number({ error: '学习时长目标应为数字' })
      .int('学习时长目标应为整数分钟')
      .min(1, '学习时长目标至少 1 分钟')
      .max(600, '学习时长目标最多 600 分钟')
      .default(WEEKLY_TARGET_DEFAULT),
    /** Empty: the whole organisation. */
    branchIds: z.array(id('党支部编号')).max(100, '党支部过多').default([]),
    items: z.array(WeeklyItemInput).min(1, '请至少添加一项学习内容').max(WEEKLY_ITEMS_MAX, `最多 ${WEEKLY_ITEMS_MAX} 项学习内容`),
  })
  .refine((v) => v.items.some((i) => i.required), '请至少设置一项必学内容')

export const WeeklyItem = z.object({
  /** Stable within the list: `i1`, `i2`, … */
  key: z.string(),
  kind: WeeklyItemKind,
  refId: z.string().nullable(),
  title: z.string(),
  /** Chapters: their book's title. */
  bookTitle: z.string().nullable(),
  url: z.string().nullable(),
  /** Estimated reading minutes (articles and chapters). */
  minutes: z.number().int().nullable(),
  required: z.boolean(),
})
export type WeeklyItem = z.infer<typeof WeeklyItem>

/** `draft`: being composed; `scheduled`: goes out on its Monday; `published`: went out (no more edits). */
export const WeeklyStatus = z.enum(['draft', 'scheduled', 'published'])
export type WeeklyStatus = z.infer<typeof WeeklyStatus>

export const WeeklyList = z.object({
  _id: z.string(),
  week: DayKey,
  intro: z.string(),
  targetMinutes: z.number().int().positive(),
  branchIds: z.array(z.string()),
  /** 全体党员, or the branches' names. */
  audience: z.string(),
  items: z.array(WeeklyItem),
  status: WeeklyStatus,
  /** When it goes (or went) out: Monday 08:00 Beijing time. */
  publishAt: z.string(),
  /** Members it was published to, once distribution finished (null before). */
  publishedTo: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
})
export type WeeklyList = z.infer<typeof WeeklyList>

/** A member's progress on one item. */
export const WeeklyItemProgress = WeeklyItem.extend({
  /** Articles and chapters: completed by the reading rules; links: discussed. */
  done: z.boolean(),
  /** Replied, before the week ended, in their group's discussion of a prompt linked to the item. */
  discussed: z.boolean(),
  /** Credited reading time on the item. */
  creditedSeconds: z.number().int().nonnegative(),
})
export type WeeklyItemProgress = z.infer<typeof WeeklyItemProgress>

export const MyWeek = z.object({
  listId: z.string(),
  week: DayKey,
  intro: z.string(),
  targetMinutes: z.number().int().positive(),
  items: z.array(WeeklyItemProgress),
  requiredDone: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  /** Credited study time in the week, any content. */
  weekSeconds: z.number().int().nonnegative(),
  targetMet: z.boolean(),
  /** Every required item done. */
  finished: z.boolean(),
})
export type MyWeek = z.infer<typeof MyWeek>

export const GetMyWeeklyInput = z.strictObject({
  week: WeekKey.optional(),
  /** The 每周一学 page asks for the member's reminder templates too (one read more), for 发布时提醒我. */
  reminders: z.literal(true, { error: 'reminders 只能为 true' }).optional(),
  /**
   * This week's list the page shows already (a refresh): its progress is read again without the
   * publication to the member, which the page's first answer made. Any other list: as without it.
   */
  listId: z.string().min(1).max(100).optional(),
})
export const GetMyWeeklyOutput = z.object({
  /** The week asked for (by default the current one). */
  week: DayKey,
  current: z.boolean(),
  /** null: no list was published to the member for that week. */
  list: MyWeek.nullable(),
  /** Only when asked for (`reminders`). */
  subscriptions: z.array(Subscription).optional(),
})

/** One past week in the member's history. */
export const MemberWeekSummary = MyWeek.pick({ listId: true, week: true, requiredDone: true, requiredCount: true, targetMet: true, finished: true })
export const ListMyWeeksInput = z.strictObject({ cursor: Cursor.optional() })
/** Newest first, 10 a page. */
export const ListMyWeeksOutput = page(MemberWeekSummary)

export const ListWeeklyListsInput = z.strictObject({ cursor: Cursor.optional() })
/** Newest week first, 20 a page. */
export const ListWeeklyListsOutput = page(WeeklyList)

export const WeeklyListIdInput = z.strictObject({ id: id('清单编号') })
export const ScheduleWeeklyListInput = z.strictObject({
  id: id('清单编号'),
  /** false: back to draft (only before it went out). */
  scheduled: z.boolean({ error: 'scheduled 应为是或否' }),
})

export const GetWeeklyProgressInput = z.strictObject({
  listId: id('清单编号'),
  /** A 党小组 (its members), or a 党支部 (its groups); neither: the caller's widest reach. */
  groupId: id('党小组编号').optional(),
  branchId: id('党支部编号').optional(),
})

/** Completion within one unit, or overall. */
export const UnitCompletion = z.object({
  unitId: z.string(),
  name: z.string(),
  members: z.number().int().nonnegative(),
  /** Members who finished every required item. */
  finished: z.number().int().nonnegative(),
  targetMet: z.number().int().nonnegative(),
  /** Per item (in the list's order): members who completed it. */
  itemsDone: z.array(z.number().int().nonnegative()),
})
export type UnitCompletion = z.infer<typeof UnitCompletion>

export const MemberCompletion = z.object({
  memberId: z.string(),
  name: z.string(),
  requiredDone: z.number().int().nonnegative(),
  requiredCount: z.number().int().nonnegative(),
  targetMet: z.boolean(),
  finished: z.boolean(),
  /** Titles of the required items still to do. */
  left: z.array(z.string()),
})
export type MemberCompletion = z.infer<typeof MemberCompletion>

export const GetWeeklyProgressOutput = z.object({
  list: WeeklyList,
  /** The unit shown and its totals. */
  total: UnitCompletion,
  /** Its parts: branches of the organisation, or groups of a branch (empty for a group). */
  units: z.array(UnitCompletion),
  /** A group's members, those behind first (empty unless a group is shown). */
  members: z.array(MemberCompletion),
})

/** The 每周一学 functions; spread into `contract`. */
export const weeklyContract = {
  saveWeeklyList: { input: SaveWeeklyListInput, output: WeeklyList },
  scheduleWeeklyList: { input: ScheduleWeeklyListInput, output: WeeklyList },
  getWeeklyList: { input: WeeklyListIdInput, output: WeeklyList },
  listWeeklyLists: { input: ListWeeklyListsInput, output: ListWeeklyListsOutput },
  getMyWeekly: { input: GetMyWeeklyInput, output: GetMyWeeklyOutput },
  listMyWeeks: { input: ListMyWeeksInput, output: ListMyWeeksOutput },
  getWeeklyProgress: { input: GetWeeklyProgressInput, output: GetWeeklyProgressOutput },
} as const
