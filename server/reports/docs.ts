import type { MemberQuarter, ReportHeader, UnitQuarter } from '../../types'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE } from '../jobs/batched-job'

/** `quarterReports/<quarter>`: written last, once every row and unit is in: the report is complete. */
export const QUARTER_REPORTS = 'quarterReports'
/** `quarterRows/<quarter>_<member>`: one member's frozen quarter. */
export const QUARTER_ROWS = 'quarterRows'
/** `quarterUnits/<quarter>_<unit>`: a group's, branch's or the organisation's aggregate. */
export const QUARTER_UNITS = 'quarterUnits'

export type RankFields = 'groupRank' | 'groupSize' | 'branchRank' | 'branchSize'

/** A member's row as stored: ranks are worked out from the frozen rows when read. */
export interface RowDoc extends Omit<MemberQuarter, RankFields> {
  _id: string
  quarter: string
}

export interface UnitDoc extends UnitQuarter {
  _id: string
  quarter: string
}

export interface HeaderDoc extends ReportHeader {
  _id: string
}

export const rowId = (quarter: string, memberId: string) => `${quarter}_${memberId}`
export const unitDocId = (quarter: string, unitId: string) => `${quarter}_${unitId}`

/** Every document of the quarter matching `where`, 1,000 a query. */
export async function allOfQuarter<T extends { _id: string }>(db: CloudDatabase, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const out: T[] = []
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(collection)
      .where({ ...where, _id: db.command.gt(after) })
      .orderBy('_id', 'asc')
      .limit(BATCH_SIZE)
      .get()
    out.push(...(data as T[]))
    if (data.length < BATCH_SIZE) return out
    after = String(data[data.length - 1]._id)
  }
}

/** Points of a unit's members, most first: a member's rank is 1 + how many have more (ties share). */
class Ranking {
  private readonly sorted: number[]

  constructor(points: number[]) {
    this.sorted = [...points].sort((a, b) => b - a)
  }

  get size(): number {
    return this.sorted.length
  }

  rankOf(value: number): number {
    let lo = 0
    let hi = this.sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.sorted[mid] > value) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
}

function rankings(peers: RowDoc[], key: 'groupId' | 'branchId'): Map<string, Ranking> {
  const points = new Map<string, number[]>()
  for (const p of peers) {
    const list = points.get(p[key]) ?? []
    list.push(p.points)
    points.set(p[key], list)
  }
  return new Map([...points].map(([unit, values]) => [unit, new Ranking(values)]))
}

/** Rows with their ranks by points in their group and branch (`peers`: every row of their branches). */
export function withRanks(rows: RowDoc[], peers: RowDoc[]): MemberQuarter[] {
  const groups = rankings(peers, 'groupId')
  const branches = rankings(peers, 'branchId')
  return rows.map(({ _id: _ignored, quarter: _quarter, ...row }) => {
    const group = groups.get(row.groupId) ?? new Ranking([row.points])
    const branch = branches.get(row.branchId) ?? new Ranking([row.points])
    return { ...row, groupRank: group.rankOf(row.points), groupSize: group.size, branchRank: branch.rankOf(row.points), branchSize: branch.size }
  })
}
