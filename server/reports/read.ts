import type { ActionOutput, ReportHeader, UnitQuarter } from '../../types'
import type { Member } from '../members'
import { previousQuarter, quarterKey } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { findDoc } from '../db/documents'
import { authorize, forbidden, memberTarget, ORGANISATION, reachOf, unitTarget } from '../permissions'
import { loadUnits, requireUnit } from '../units'
import { allOfQuarter, QUARTER_REPORTS, QUARTER_ROWS, QUARTER_UNITS, rowId, unitDocId, withRanks, type HeaderDoc, type RowDoc, type UnitDoc } from './docs'
import { byName } from '../name-order'

type UnitReport = ActionOutput<'getUnitQuarterReport'>

/** The latest finished quarter: the one whose report the first day of this one froze. */
export const latestQuarter = (now: Date) => previousQuarter(quarterKey(now))

/** The report's header when it is complete (frozen), else null. */
export async function frozenHeader(db: CloudDatabase, quarter: string): Promise<ReportHeader | null> {
  const doc = await findDoc<HeaderDoc>(db, QUARTER_REPORTS, quarter)
  if (!doc) return null
  const { _id: _ignored, ...header } = doc
  return header
}

const toUnit = ({ _id: _ignored, quarter: _quarter, ...unit }: UnitDoc): UnitQuarter => unit

/** A member's row with ranks, among the rows of their branch. */
async function rankedRow(db: CloudDatabase, quarter: string, memberId: string) {
  const row = await findDoc<RowDoc>(db, QUARTER_ROWS, rowId(quarter, memberId))
  if (!row) return null
  const peers = await allOfQuarter<RowDoc>(db, QUARTER_ROWS, { quarter, branchId: row.branchId })
  return withRanks([row], peers)[0]
}

/** 我的季度报告: the caller's frozen quarter and the one before it. */
export async function myQuarterReport(db: CloudDatabase, caller: Member, now: Date, quarter = latestQuarter(now)): Promise<ActionOutput<'getMyQuarterReport'>> {
  authorize(caller, 'reports.read', memberTarget(caller))
  const report = await frozenHeader(db, quarter)
  if (!report) return { report: null, mine: null, previous: null }
  const before = previousQuarter(quarter)
  const [mine, previous] = await Promise.all([
    rankedRow(db, quarter, caller._id),
    (async () => ((await frozenHeader(db, before)) ? rankedRow(db, before, caller._id) : null))(),
  ])
  return { report, mine, previous }
}

/** The unit asked for, or the caller's own by their reach: a group (leaders), a branch, the organisation. */
async function unitOf(
  db: CloudDatabase,
  caller: Member,
  unitId: string | undefined,
): Promise<{ _id: string; kind: UnitQuarter['kind']; parentId: string | null }> {
  if (unitId) {
    const unit = await requireUnit(db, unitId)
    authorize(caller, 'reports.read', unit.kind === 'committee' ? ORGANISATION : unitTarget(unit))
    return unit
  }
  const reach = reachOf(caller, 'reports.read')
  if (reach === 'ownGroup') return { _id: caller.groupId, kind: 'group', parentId: caller.branchId }
  if (reach === 'ownBranch') return { _id: caller.branchId, kind: 'branch', parentId: null }
  if (reach === 'all') {
    const committee = (await loadUnits(db)).find((u) => u.kind === 'committee')
    if (committee) return committee
  }
  throw forbidden('reports.read')
}

/** A unit's report: its aggregate, its parts ranked, and a group's members with their ranks. */
export async function unitQuarterReport(db: CloudDatabase, caller: Member, now: Date, input: { quarter?: string; unitId?: string }): Promise<UnitReport> {
  const quarter = input.quarter ?? latestQuarter(now)
  const unit = await unitOf(db, caller, input.unitId)
  const report = await frozenHeader(db, quarter)
  if (!report) return { report: null, unit: null, parts: [], members: [] }
  const doc = await findDoc<UnitDoc>(db, QUARTER_UNITS, unitDocId(quarter, unit._id))
  const partsWhere = unit.kind === 'committee' ? { quarter, kind: 'branch' } : unit.kind === 'branch' ? { quarter, parentId: unit._id } : null
  const parts = partsWhere ? (await allOfQuarter<UnitDoc>(db, QUARTER_UNITS, partsWhere)).map(toUnit).sort((a, b) => a.rank - b.rank) : []
  let members: UnitReport['members'] = []
  if (unit.kind === 'group') {
    const peers = await allOfQuarter<RowDoc>(db, QUARTER_ROWS, { quarter, branchId: unit.parentId })
    members = withRanks(
      peers.filter((r) => r.groupId === unit._id),
      peers,
    ).sort((a, b) => a.groupRank - b.groupRank || byName(a, b))
  }
  return { report, unit: doc ? toUnit(doc) : null, parts, members }
}
