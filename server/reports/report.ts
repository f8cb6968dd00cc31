import type { UnitQuarter } from '../../types'
import { previousQuarter, quarterDays, quarterEnd, quarterKey, startOfDay } from '../../types/calendar'
import { CHECKINS } from '../checkin'
import { addEach, addOnce, findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { BATCH_SIZE, jobFinished, runBatchedJob } from '../jobs/batched-job'
import { findByIds } from '../jobs/ledgers'
import { MEMBERS, type Member } from '../members'
import { unitNames } from '../roster'
import { SCORE_TOTALS, type TotalsDoc } from '../scoring/ledger'
import { loadRuleVersions } from '../scoring/rule-versions'
import { rulesOn, standing } from '../scoring/rules'
import { loadUnits } from '../units'
import { allOfQuarter, QUARTER_REPORTS, QUARTER_ROWS, QUARTER_UNITS, rowId, unitDocId, type HeaderDoc, type RowDoc, type UnitDoc } from './docs'
import { figuresOfBatch } from './figures'
import { examsOfQuarter } from '../quiz/exam-quarter'
import { attendanceIn, tally } from '../meetings/tally'

type Who = Pick<Member, '_id' | 'name' | 'openid' | 'groupId' | 'branchId' | 'roles' | 'joinedAt'>

/** Active members (matching `where`) after `after`, by id, 1,000 at most. */
export function activeAfter(db: CloudDatabase, after: string | null, where: Record<string, unknown> = {}): Promise<Who[]> {
  where = { ...where, status: 'active' }
  if (after) where._id = db.command.gt(after)
  return db
    .collection(MEMBERS)
    .where(where)
    .field({ _id: true, name: true, openid: true, groupId: true, branchId: true, roles: true, joinedAt: true })
    .orderBy('_id', 'asc')
    .limit(BATCH_SIZE)
    .get()
    .then(({ data }) => data as Who[])
}

/** Check-in days in the quarter, by member: the batch's range aggregated, paged. */
async function checkInDays(db: CloudDatabase, ids: string[], quarter: string): Promise<Map<string, number>> {
  const { firstDay, lastDay } = quarterDays(quarter)
  const _ = db.command
  const sorted = [...ids].sort()
  const days = new Map<string, number>()
  for (let skip = 0; ; skip += BATCH_SIZE) {
    const { list } = await db
      .collection(CHECKINS)
      .aggregate()
      .match({ memberId: _.gte(sorted[0]).and(_.lte(sorted[sorted.length - 1])), day: _.gte(firstDay).and(_.lte(lastDay)) })
      .group({ _id: '$memberId', days: _.aggregate.sum(1) })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(BATCH_SIZE)
      .end<{ _id: string; days: number }>()
    for (const r of list) days.set(r._id, r.days)
    if (list.length < BATCH_SIZE) return days
  }
}

/** Scoring's running totals of the quarter and its year, by member. */
async function scoreTotals(db: CloudDatabase, ids: string[], quarter: string): Promise<Map<string, Partial<TotalsDoc>>> {
  const year = quarter.slice(0, 4)
  const docs = await findByIds<TotalsDoc>(db, SCORE_TOTALS, '_id', ids, {}, { [`q.${quarter}`]: true, [`y.${year}`]: true })
  return new Map(docs.map((t) => [t._id, t]))
}

/** The rows of one batch of members, each written once (a few requests a batch): a row, once there, is never changed. */
async function writeRows(db: CloudDatabase, quarter: string, batch: Who[], names: Map<string, string>): Promise<void> {
  const ids = batch.map((m) => m._id)
  const { lastDay } = quarterDays(quarter)
  const year = Number(quarter.slice(0, 4))
  const [figures, checkIns, scores, versions, exams, attendance] = await Promise.all([
    figuresOfBatch(db, batch, quarter, quarterEnd(quarter)),
    checkInDays(db, ids, quarter),
    scoreTotals(db, ids, quarter),
    loadRuleVersions(db),
    examsOfQuarter(db, batch, quarter),
    attendanceIn(db, batch, startOfDay(quarterDays(quarter).firstDay), quarterEnd(quarter)),
  ])
  const rules = rulesOn(versions, lastDay)
  const rows = batch.map((m): RowDoc => {
    const f = figures.get(m._id)!
    const totals = scores.get(m._id)
    const y = totals?.y?.[String(year)]
    const star = standing(rules, year, lastDay, { studySeconds: y?.s ?? 0, requiredChapters: y?.rc ?? 0, points: y?.p ?? 0 })
    const met = tally(m, attendance.held, attendance.records)
    return {
      _id: rowId(quarter, m._id),
      quarter,
      memberId: m._id,
      name: m.name,
      groupId: m.groupId,
      groupName: names.get(m.groupId) ?? '',
      branchId: m.branchId,
      branchName: names.get(m.branchId) ?? '',
      studySeconds: f.studySeconds,
      requiredDone: f.requiredDone,
      requiredCount: f.requiredCount,
      weeksMet: f.weeksMet,
      weeks: f.weeks,
      checkInDays: checkIns.get(m._id) ?? 0,
      points: totals?.q?.[quarter]?.p ?? 0,
      exams: exams.get(m._id)?.exams ?? 0,
      examsPassed: exams.get(m._id)?.passed ?? 0,
      meetings: met.meetings,
      meetingsAttended: met.attended,
      meetingsOnLeave: met.onLeave,
      stars: star.stars,
      projectedStars: star.projectedStars,
    }
  })
  await addEach(db, QUARTER_ROWS, rows)
}

/** part / whole to four places; null over nothing (shown —, ranked below any rate). */
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null)

/** Pure: a unit's aggregate of its members' rows (rank filled in by `rankUnits`). */
export function aggregate(unit: Pick<UnitQuarter, 'unitId' | 'kind' | 'name' | 'parentId'>, rows: RowDoc[]): UnitQuarter {
  const sum = (pick: (r: RowDoc) => number) => rows.reduce((s, r) => s + pick(r), 0)
  const studySeconds = sum((r) => r.studySeconds)
  const requiredDone = sum((r) => r.requiredDone)
  const requiredCount = sum((r) => r.requiredCount)
  const weeksMet = sum((r) => r.weeksMet)
  const weeks = sum((r) => r.weeks)
  return {
    ...unit,
    members: rows.length,
    studySeconds,
    avgStudySeconds: rows.length ? Math.round(studySeconds / rows.length) : 0,
    requiredDone,
    requiredCount,
    completionRate: share(requiredDone, requiredCount),
    weeksMet,
    weeks,
    targetRate: share(weeksMet, weeks),
    checkInDays: sum((r) => r.checkInDays),
    points: sum((r) => r.points),
    exams: sum((r) => r.exams),
    examsPassed: sum((r) => r.examsPassed),
    examPassRate: share(
      sum((r) => r.examsPassed),
      sum((r) => r.exams),
    ),
    meetings: sum((r) => r.meetings),
    meetingsAttended: sum((r) => r.meetingsAttended),
    attendanceRate: share(
      sum((r) => r.meetingsAttended),
      sum((r) => r.meetings),
    ),
    rating: rows.length ? Math.round((sum((r) => r.projectedStars) / rows.length) * 10) / 10 : 0,
    rank: 1,
  }
}

/** Ranks units of one kind: completion rate, then target rate, then average study time (ties share). */
export function rankUnits(units: UnitQuarter[]): UnitQuarter[] {
  const key = (u: UnitQuarter) => [u.completionRate ?? -1, u.targetRate ?? -1, u.avgStudySeconds]
  const better = (a: UnitQuarter, b: UnitQuarter) => {
    const [x, y] = [key(a), key(b)]
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i]
    return false
  }
  return units.map((u) => ({ ...u, rank: 1 + units.filter((o) => better(o, u)).length })).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh'))
}

/** Every group's, branch's and the organisation's aggregate, from all the rows. */
async function writeUnits(db: CloudDatabase, quarter: string, now: Date): Promise<number> {
  const rows = await allOfQuarter<RowDoc>(db, QUARTER_ROWS, { quarter })
  const units = await loadUnits(db)
  const of = (kind: UnitQuarter['kind']) => units.filter((u) => u.kind === kind)
  const pick = (kind: UnitQuarter['kind'], match: (u: { _id: string }, r: RowDoc) => boolean) =>
    rankUnits(
      of(kind)
        .map((u) =>
          aggregate(
            { unitId: u._id, kind, name: u.name, parentId: u.parentId },
            rows.filter((r) => match(u, r)),
          ),
        )
        .filter((u) => u.members > 0),
    )
  const all = [...pick('group', (u, r) => r.groupId === u._id), ...pick('branch', (u, r) => r.branchId === u._id), ...pick('committee', () => true)]
  await addEach(
    db,
    QUARTER_UNITS,
    all.map((u): UnitDoc => ({ ...u, _id: unitDocId(quarter, u.unitId), quarter })),
  )
  const { firstDay, lastDay } = quarterDays(quarter)
  const header: HeaderDoc = { _id: quarter, quarter, firstDay, lastDay, frozenAt: now.toISOString(), members: rows.length }
  await addOnce(db, QUARTER_REPORTS, header)
  return rows.length
}

export interface ReportSummary {
  quarter: string
  /** Already frozen by an earlier run: nothing was done. */
  alreadyFrozen: boolean
  members: number
}

/**
 * 季度通报, run by the `quarterReport` timer on each quarter's first day: the finished quarter's
 * report. Members' rows are written 1,000 at a time, each once (a resumed run skips the batches
 * done and rewrites nothing); then the units' aggregates and, last, the header that makes the report
 * visible. However often and wherever it is interrupted, the report comes out the same.
 */
export async function runQuarterReport(db: CloudDatabase, now: Date, quarter = previousQuarter(quarterKey(now))): Promise<ReportSummary> {
  const header = await findDoc<HeaderDoc>(db, QUARTER_REPORTS, quarter)
  if (header) return { quarter, alreadyFrozen: true, members: header.members }
  const jobId = `quarterReport_${quarter}`
  if (!(await jobFinished(db, jobId))) {
    const names = await unitNames(db)
    // A member counts in a quarter only if they had joined by its end (the report may run a little after it).
    const end = quarterEnd(quarter).getTime()
    const joinedBy = (m: Who) => !m.joinedAt || Date.parse(m.joinedAt) < end
    await runBatchedJob(db, jobId, now, {
      next: (after) => activeAfter(db, after),
      handle: async (batch) => {
        const joined = batch.filter(joinedBy)
        if (joined.length > 0) await writeRows(db, quarter, joined, names)
      },
    })
  }
  return { quarter, alreadyFrozen: false, members: await writeUnits(db, quarter, now) }
}
