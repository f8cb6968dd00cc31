import { quarterDays, quarterEnd, startOfDay } from '../../types/calendar'
import type { CloudDatabase } from '../db/types'
import { inUnit } from '../units'
import { findByIds } from '../jobs/ledgers'
import type { Member } from '../members'
import { EXAM_ATTEMPTS, type AttemptDoc } from './exam-attempts'
import { EXAMS, type ExamDoc } from './exams'

/**
 * The 季度通报's exams: those published that closed within the quarter. For each member of a batch,
 * how many of them they were to sit (their unit's, as the member is placed at the report) and how
 * many they passed (a passing attempt, whenever in the window).
 */
export async function examsOfQuarter(
  db: CloudDatabase,
  members: Pick<Member, '_id' | 'groupId' | 'branchId'>[],
  quarter: string,
): Promise<Map<string, { exams: number; passed: number }>> {
  const _ = db.command
  const from = startOfDay(quarterDays(quarter).firstDay)
  const { data } = await db
    .collection(EXAMS)
    .where({ status: 'published', closesAt: _.gte(from).and(_.lt(quarterEnd(quarter))) })
    .field({ _id: true, unitId: true, unitKind: true })
    .limit(1000)
    .get()
  const exams = data as Pick<ExamDoc, '_id' | 'unitId' | 'unitKind'>[]
  const counts = new Map(members.map((m) => [m._id, { exams: exams.filter((e) => inUnit(e, m)).length, passed: 0 }]))
  if (exams.length === 0) return counts
  const passes = await findByIds<AttemptDoc>(
    db,
    EXAM_ATTEMPTS,
    'memberId',
    [...counts.keys()],
    { examId: _.in(exams.map((e) => e._id)), passed: true },
    { memberId: true, examId: true },
  )
  const passedBy = new Map<string, Set<string>>()
  for (const a of passes) passedBy.set(a.memberId, (passedBy.get(a.memberId) ?? new Set()).add(a.examId))
  for (const m of members) {
    const own = passedBy.get(m._id)
    const c = counts.get(m._id)!
    if (own) c.passed = exams.filter((e) => own.has(e._id) && inUnit(e, m)).length
  }
  return counts
}
