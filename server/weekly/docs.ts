import type { DayKey, WeeklyItem, WeeklyList, WeeklyStatus } from '../../types'
import { addDays, startOfDay } from '../../types/calendar'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'

export const WEEKLY_LISTS = 'weeklyLists'
/** One per member per week: `weeklyAssignments/<week>_<memberId>`, the member's copy of the list. */
export const WEEKLY_ASSIGNMENTS = 'weeklyAssignments'

export interface WeeklyListDoc {
  _id: string
  week: DayKey
  intro: string
  targetMinutes: number
  /** Empty: the whole organisation. */
  branchIds: string[]
  items: WeeklyItem[]
  status: WeeklyStatus
  /** Members it went out to, counted when distribution finished. */
  publishedTo: number | null
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** The member's publication: who they were (group, branch) when the list went out to them. */
export interface AssignmentDoc {
  _id: string
  listId: string
  week: DayKey
  memberId: string
  name: string
  groupId: string
  branchId: string
  publishedAt: string
  /** Published after the distribution, to a member who joined or moved (publications.ts): no message. */
  late?: boolean
}

export const assignmentId = (week: DayKey, memberId: string) => `${week}_${memberId}`

/** Lists go out at 08:00 Beijing time on their Monday. */
export const PUBLISH_HOUR = 8

export const publishAt = (week: DayKey): Date => new Date(startOfDay(week).getTime() + PUBLISH_HOUR * 3600_000)

/** The instant the week ends (the next Monday's midnight): what is done by then counts for it. */
export const weekEnd = (week: DayKey): Date => startOfDay(addDays(week, 7))

export async function requireList(db: CloudDatabase, id: string): Promise<WeeklyListDoc> {
  const doc = await findDoc<WeeklyListDoc>(db, WEEKLY_LISTS, id)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这份每周一学清单')
  return doc
}

/** 全体党员, or the names of the branches. */
export function audienceOf(branchIds: string[], names: Map<string, string>): string {
  if (branchIds.length === 0) return '全体党员'
  return branchIds.map((id) => names.get(id) ?? '（已不存在的党支部）').join('、')
}

export function toWeeklyList(doc: WeeklyListDoc, names: Map<string, string>): WeeklyList {
  return {
    _id: doc._id,
    week: doc.week,
    intro: doc.intro,
    targetMinutes: doc.targetMinutes,
    branchIds: doc.branchIds,
    audience: audienceOf(doc.branchIds, names),
    items: doc.items,
    status: doc.status,
    publishAt: publishAt(doc.week).toISOString(),
    publishedTo: doc.publishedTo,
    updatedAt: doc.updatedAt,
  }
}
