import type { GetUnitRatingsOutput, ScoreRules, Unit, UnitRating } from '../../types'
import { dayKey, yearKey } from '../../types/calendar'
import { addOnce } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { BATCH_SIZE, inParallel, runBatchedJob, type JobOutcome } from '../jobs/batched-job'
import { MEMBERS, type Member } from '../members'
import { authorize, unitTarget } from '../permissions'
import { loadUnits, unitScope } from '../units'
import { SCORE_TOTALS, type TotalsDoc } from './ledger'
import { ledgerSums, membersAfter, totalsFromSums, type MemberRef } from './replay'
import { loadRuleVersions } from './rule-versions'
import { rulesOn, starsFor, type YearFigures } from './rules'

/**
 * Annual star ratings (星级评定). Through the year they are worked out live from the running
 * totals; at 04:00 on 1 January (Shanghai), after that night's reconciliation has scored what 31
 * December left unscored, the past year is frozen into `starRatings`, one record a member and one a
 * group and branch, from the ledger under the rules in force on 31 December.
 * Later rule changes never touch a frozen record.
 */
export const STAR_RATINGS = 'starRatings'
/** Records of a batch are written this many at a time. */
const WIDTH = 20

interface MemberRatingDoc extends YearFigures {
  _id: string
  record: 'member'
  year: number
  memberId: string
  groupId: string
  branchId: string
  /** Active at the year's end: only they count in their group's and branch's rating. */
  active: boolean
  stars: number
  /** The rules version it was rated under. */
  rules: string
}

interface UnitRatingDoc extends Pick<UnitRating, 'unitId' | 'members' | 'distribution' | 'averageStars'> {
  _id: string
  record: 'unit'
  unitKind: UnitRating['kind']
  year: number
  rules: string
}

const memberRatingId = (year: number, memberId: string) => `${year}_${memberId}`
const unitRatingId = (year: number, unitId: string) => `${year}_unit_${unitId}`

/** Counts of members at each rating, by unit. */
class Tally {
  private readonly counts = new Map<string, number[]>()

  add(unitIds: string[], stars: number): void {
    for (const id of unitIds) {
      const row = this.counts.get(id) ?? [0, 0, 0, 0, 0, 0]
      row[stars]++
      this.counts.set(id, row)
    }
  }

  of(unitId: string): Pick<UnitRating, 'members' | 'distribution' | 'averageStars'> {
    const distribution = this.counts.get(unitId) ?? [0, 0, 0, 0, 0, 0]
    const members = distribution.reduce((a, b) => a + b, 0)
    const sum = distribution.reduce((a, n, stars) => a + n * stars, 0)
    return { members, distribution, averageStars: members ? Math.round((sum / members) * 100) / 100 : 0 }
  }
}

/**
 * Freezes the year before `now`'s, as the job `freezeRatings-<year>`: resumable, and idempotent
 * (every record has an id derived from the year and the member or unit).
 */
export async function freezeYear(db: CloudDatabase, now: Date): Promise<JobOutcome & { year: number; units: number }> {
  const year = Number(yearKey(now)) - 1
  const rules = rulesOn(await loadRuleVersions(db), `${year}-12-31`)
  const outcome = await runBatchedJob<MemberRef>(db, `freezeRatings-${year}`, now, {
    next: (after) => membersAfter(db, after),
    async handle(batch) {
      const sums = await ledgerSums(db, batch[0]._id, batch[batch.length - 1]._id, { from: `${year}-01-01`, to: `${year}-12-31` })
      await inParallel(batch, WIDTH, (member) => {
        const y = totalsFromSums(sums.get(member._id), [rules]).y[String(year)]
        return addOnce(db, STAR_RATINGS, memberRecord(year, rules, member, { studySeconds: y?.s ?? 0, requiredChapters: y?.rc ?? 0, points: y?.p ?? 0 }))
      })
    },
  })
  // After the members, whether this run or an earlier one rated them: a stop in between is made good.
  const units = await freezeUnits(db, year, rules)
  return { ...outcome, year, units }
}

function memberRecord(year: number, rules: ScoreRules, m: MemberRef, f: YearFigures): MemberRatingDoc {
  return {
    _id: memberRatingId(year, m._id),
    record: 'member',
    year,
    memberId: m._id,
    groupId: m.groupId,
    branchId: m.branchId,
    active: m.status === 'active',
    stars: starsFor(rules, f),
    rules: rules.effectiveFrom,
    ...f,
  }
}

/** Groups and branches from the year's frozen member records, read 1,000 at a time. */
async function freezeUnits(db: CloudDatabase, year: number, rules: ScoreRules): Promise<number> {
  const _ = db.command
  const tally = new Tally()
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(STAR_RATINGS)
      .where({ record: 'member', year, active: true, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(BATCH_SIZE)
      .field({ _id: true, groupId: true, branchId: true, stars: true })
      .get()
    for (const r of data as MemberRatingDoc[]) tally.add([r.groupId, r.branchId], r.stars)
    if (data.length < BATCH_SIZE) break
    after = String(data[data.length - 1]._id)
  }
  const units = (await loadUnits(db)).filter((u) => u.kind !== 'committee')
  for (const u of units) {
    const unitKind = u.kind === 'group' ? 'group' : 'branch'
    const doc: UnitRatingDoc = { _id: unitRatingId(year, u._id), record: 'unit', unitKind, year, unitId: u._id, rules: rules.effectiveFrom, ...tally.of(u._id) }
    await addOnce(db, STAR_RATINGS, doc)
  }
  return units.length
}

type Input = { year?: number; unitId?: string }

/** 小组/支部星级: the units the caller leads or administers, frozen when the year is. */
export async function unitRatings(db: CloudDatabase, caller: Member, now: Date, input: Input): Promise<GetUnitRatingsOutput> {
  const year = input.year ?? Number(yearKey(now))
  const all = await loadUnits(db)
  const defaultId = caller.roles.includes('orgAdmin')
    ? all.find((u) => u.kind === 'committee')?._id
    : caller.roles.includes('branchAdmin')
      ? caller.branchId
      : caller.groupId
  const target = all.find((u) => u._id === (input.unitId ?? defaultId))
  if (!target) throw new AppError('NOT_FOUND', '没有找到这个单位')
  authorize(caller, 'ratings.read', unitTarget(target))
  const shown = all.filter((u) => u.kind !== 'committee' && !u.archived && (target.kind === 'committee' || u._id === target._id || u.parentId === target._id))
  const frozen = await frozenRatings(
    db,
    year,
    shown.map((u) => u._id),
  )
  // A unit created after the year was frozen has no frozen record: it is worked out live.
  const tally = shown.every((u) => frozen.has(u._id)) ? undefined : await liveTally(db, year, now, target)
  const units = shown.map((u): UnitRating => {
    const stored = frozen.get(u._id)
    const figures = stored ?? tally!.of(u._id)
    return {
      unitId: u._id,
      name: u.name,
      kind: u.kind === 'group' ? 'group' : 'branch',
      members: figures.members,
      distribution: figures.distribution,
      averageStars: figures.averageStars,
      frozen: !!stored,
    }
  })
  return { year, units }
}

async function frozenRatings(db: CloudDatabase, year: number, unitIds: string[]): Promise<Map<string, UnitRatingDoc>> {
  if (unitIds.length === 0) return new Map()
  const { data } = await db
    .collection(STAR_RATINGS)
    .where({ _id: db.command.in(unitIds.map((id) => unitRatingId(year, id))) })
    .limit(1000)
    .get()
  return new Map((data as UnitRatingDoc[]).map((d) => [d.unitId, d]))
}

/** The year so far: every active member under `target`, rated on their running totals. */
async function liveTally(db: CloudDatabase, year: number, now: Date, target: Pick<Unit, '_id' | 'kind'>): Promise<Tally> {
  const _ = db.command
  const rules = rulesOn(await loadRuleVersions(db), year < Number(yearKey(now)) ? `${year}-12-31` : dayKey(now))
  const scope = unitScope(target)
  const tally = new Tally()
  const field = `y.${year}`
  let after = ''
  for (;;) {
    const { data } = await db
      .collection(MEMBERS)
      .where({ ...scope, status: 'active', _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(BATCH_SIZE)
      .field({ _id: true, groupId: true, branchId: true })
      .get()
    const members = data as MemberRef[]
    if (members.length === 0) break
    const totals = await db
      .collection(SCORE_TOTALS)
      .where({ _id: _.in(members.map((m) => m._id)) })
      .field({ _id: true, [field]: true })
      .limit(BATCH_SIZE)
      .get()
    const byId = new Map((totals.data as TotalsDoc[]).map((t) => [t._id, t.y?.[String(year)]]))
    for (const m of members) {
      const y = byId.get(m._id)
      tally.add([m.groupId, m.branchId], starsFor(rules, { studySeconds: y?.s ?? 0, requiredChapters: y?.rc ?? 0, points: y?.p ?? 0 }))
    }
    if (members.length < BATCH_SIZE) break
    after = members[members.length - 1]._id
  }
  return tally
}
