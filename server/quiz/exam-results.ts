import type { ActionOutput, ExamUnitResult, Unit } from '../../types'
import { readAll } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { Member } from '../members'
import { authorize, unitTarget } from '../permissions'
import { activeMembersOf, loadUnits } from '../units'
import { EXAM_ATTEMPTS, type AttemptDoc } from './exam-attempts'
import { requireExam, toExam } from './exams'
import { byName } from '../name-order'

/** A member's standing in an exam: attempts used, best percent of those submitted, passed. */
export interface Standing {
  used: number
  best: number | null
  passed: boolean
}

/** Every attempt at the exam, by member. */
export async function standingsOf(db: CloudDatabase, examId: string): Promise<Map<string, Standing>> {
  const byMember = new Map<string, Standing>()
  const attempts = await readAll<AttemptDoc>(db, EXAM_ATTEMPTS, { examId }, { memberId: true, status: true, percent: true, passed: true })
  for (const a of attempts) {
    const s = byMember.get(a.memberId) ?? { used: 0, best: null, passed: false }
    if (a.status !== 'started') s.used += 1
    if (a.status === 'submitted') {
      s.best = Math.max(s.best ?? 0, a.percent ?? 0)
      s.passed ||= a.passed ?? false
    }
    byMember.set(a.memberId, s)
  }
  return byMember
}

/** The band of EXAM_SCORE_BANDS a percent falls in. */
const bandOf = (percent: number) => (percent < 60 ? 0 : Math.min(4, Math.floor(percent / 10) - 5))

function unitResult(unit: Pick<Unit, '_id' | 'kind' | 'name'>, members: Member[], standings: Map<string, Standing>): ExamUnitResult {
  const distribution = [0, 0, 0, 0, 0]
  let takers = 0
  let passed = 0
  let sum = 0
  for (const m of members) {
    const s = standings.get(m._id)
    if (s?.passed) passed += 1
    if (s?.best === null || s?.best === undefined) continue
    takers += 1
    sum += s.best
    distribution[bandOf(s.best)] += 1
  }
  return {
    unitId: unit._id,
    kind: unit.kind,
    name: unit.name,
    members: members.length,
    takers,
    passed,
    passRate: members.length ? passed / members.length : null,
    mean: takers ? Math.round((sum / takers) * 10) / 10 : null,
    distribution,
  }
}

/**
 * An exam's results within a unit the caller may see (a leader's group, a branch admin's branch, or
 * the exam's own unit for its admins): the unit, then each of its branches or groups, then every
 * member who was to sit it, with their best result. Members are counted as they are now (active, in
 * the unit).
 */
export async function examResults(db: CloudDatabase, caller: Member, input: { examId: string; unitId?: string }): Promise<ActionOutput<'getExamResults'>> {
  const exam = await requireExam(db, input.examId)
  const units = await loadUnits(db)
  const byId = new Map(units.map((u) => [u._id, u]))
  const defaultId = caller.roles.includes('orgAdmin') ? exam.unitId : caller.roles.includes('branchAdmin') ? caller.branchId : caller.groupId
  const unit = byId.get(input.unitId ?? defaultId)
  if (!unit) throw new AppError('NOT_FOUND', '没有找到这个单位')
  authorize(caller, 'exams.results', unitTarget(unit))
  // Only within the exam's own unit: another branch sat nothing.
  const within =
    exam.unitKind === 'committee' || unit._id === exam.unitId || (exam.unitKind === 'branch' && unit.kind === 'group' && unit.parentId === exam.unitId)
  if (!within) throw new AppError('NOT_FOUND', '这个单位不在这场考试的范围内')
  const [members, standings] = await Promise.all([activeMembersOf(db, { unitId: unit._id, unitKind: unit.kind }), standingsOf(db, exam._id)])
  const parts = units.filter((u) => !u.archived && u.parentId === unit._id && u.kind !== 'committee')
  const inPart = (u: Unit, m: Member) => (u.kind === 'branch' ? m.branchId === u._id : m.groupId === u._id)
  const name = (m: Member) => byId.get(m.groupId)?.name ?? ''
  return {
    exam: toExam(exam, caller),
    unitId: unit._id,
    units: [
      unitResult(unit, members, standings),
      ...parts.map((p) =>
        unitResult(
          p,
          members.filter((m) => inPart(p, m)),
          standings,
        ),
      ),
    ],
    members: members
      .map((m) => {
        const s = standings.get(m._id)
        return { memberId: m._id, name: m.name, nameKey: m.nameKey, groupName: name(m), used: s?.used ?? 0, best: s?.best ?? null, passed: s?.passed ?? false }
      })
      .sort((a, b) => (b.best ?? -1) - (a.best ?? -1) || byName(a, b)),
  }
}
