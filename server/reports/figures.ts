import type { Member } from '../members'
import type { CloudDatabase } from '../db/types'
import { findByIds, readLedgers } from '../jobs/ledgers'
import type { LedgerDoc } from '../study/ledger'
import { weekEnd, WEEKLY_ASSIGNMENTS, WEEKLY_LISTS, type AssignmentDoc, type WeeklyListDoc } from '../weekly/docs'
import { itemDone, ledgerPaths } from '../weekly/progress'
import { quarterWeeks } from '../../types/calendar'

/**
 * A member's quarter from their study ledger and their 每周一学 lists: the quarter's requirements
 * are the required items of the lists published to them (done by `until`: the quarter's end for
 * the report, now for the reminder) and each list's study-time target.
 */
export interface QuarterFigures {
  studySeconds: number
  requiredDone: number
  requiredCount: number
  /** Titles of the required items not done. */
  left: string[]
  /** Weeks with a list, and those whose target was met. */
  weeks: number
  weeksMet: number
  /** The study-time targets of the weeks ended by `until`, summed. */
  targetSecondsDue: number
}

type Who = Pick<Member, '_id'>

async function listsOf(db: CloudDatabase, ids: string[]): Promise<Map<string, WeeklyListDoc>> {
  if (ids.length === 0) return new Map()
  const { data } = await db
    .collection(WEEKLY_LISTS)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
    .get()
  return new Map((data as WeeklyListDoc[]).map((l) => [l._id, l]))
}

/** Pure: one member's figures from their lists and ledger. */
export function figuresOf(quarter: string, lists: WeeklyListDoc[], ledger: Partial<LedgerDoc> | undefined, until: Date): QuarterFigures {
  const f: QuarterFigures = {
    studySeconds: ledger?.quarters?.[quarter] ?? 0,
    requiredDone: 0,
    requiredCount: 0,
    left: [],
    weeks: lists.length,
    weeksMet: 0,
    targetSecondsDue: 0,
  }
  for (const list of [...lists].sort((a, b) => a.week.localeCompare(b.week))) {
    for (const item of list.items.filter((i) => i.required)) {
      f.requiredCount += 1
      if (itemDone(item, ledger, until).done) f.requiredDone += 1
      else f.left.push(item.title)
    }
    const target = list.targetMinutes * 60
    if ((ledger?.weeks?.[list.week] ?? 0) >= target) f.weeksMet += 1
    if (weekEnd(list.week).getTime() <= until.getTime()) f.targetSecondsDue += target
  }
  return f
}

/** The figures of a batch of members (at most 1,000), by member id. */
export async function figuresOfBatch(db: CloudDatabase, members: Who[], quarter: string, until: Date): Promise<Map<string, QuarterFigures>> {
  const ids = members.map((m) => m._id)
  const weeks = quarterWeeks(quarter)
  const assignments = await findByIds<AssignmentDoc>(db, WEEKLY_ASSIGNMENTS, 'memberId', ids, { week: db.command.in(weeks) })
  const lists = await listsOf(db, [...new Set(assignments.map((a) => a.listId))])
  const paths = new Set([`quarters.${quarter}`, ...[...lists.values()].flatMap(ledgerPaths)])
  const ledgers = await readLedgers(db, ids, [...paths])
  const byMember = new Map<string, WeeklyListDoc[]>()
  for (const a of assignments) {
    const list = lists.get(a.listId)
    if (list) byMember.set(a.memberId, [...(byMember.get(a.memberId) ?? []), list])
  }
  return new Map(ids.map((id) => [id, figuresOf(quarter, byMember.get(id) ?? [], ledgers.get(id), until)]))
}
