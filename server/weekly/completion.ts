import type { z } from 'zod'
import type { GetWeeklyProgressInput, GetWeeklyProgressOutput, MemberCompletion, UnitCompletion } from '../../types'
import type { Member } from '../members'
import type { CloudDatabase } from '../db/types'
import { authorize, scopeOf, unitTarget } from '../permissions'
import { unitNames } from '../roster'
import { requireUnit } from '../units'
import { forEachProgressBatch } from './assignments'
import { requireList, toWeeklyList } from './docs'
import { requiredLeft } from './progress'
import { byName } from '../name-order'

type Input = z.output<typeof GetWeeklyProgressInput>
type Output = z.output<typeof GetWeeklyProgressOutput>

const emptyUnit = (unitId: string, name: string, items: number): UnitCompletion => ({
  unitId,
  name,
  members: 0,
  finished: 0,
  targetMet: 0,
  itemsDone: Array(items).fill(0),
})

/** Which unit is shown: the one asked for, or the caller's widest reach. */
async function shownUnit(db: CloudDatabase, caller: Member, input: Input): Promise<{ kind: 'org' | 'branch' | 'group'; id: string | null }> {
  const askedId = input.groupId ?? input.branchId
  if (askedId) {
    const unit = await requireUnit(db, askedId, input.groupId ? 'group' : 'branch')
    authorize(caller, 'weekly.progress', unitTarget(unit))
    return { kind: unit.kind === 'group' ? 'group' : 'branch', id: unit._id }
  }
  const scope = scopeOf(caller, 'weekly.progress')
  if (scope.groupId) return { kind: 'group', id: scope.groupId }
  if (scope.branchId) return { kind: 'branch', id: scope.branchId }
  return { kind: 'org', id: null }
}

/**
 * How far the members a list went to have got, per item: the organisation by branch (admins), a
 * branch by group, or a group member by member (leaders). Counted from the members' study ledgers
 * at the moment of asking, over the publications (members as they were when it went out).
 */
export async function weeklyProgress(db: CloudDatabase, caller: Member, input: Input): Promise<Output> {
  const list = await requireList(db, input.listId)
  const unit = await shownUnit(db, caller, input)
  const names = await unitNames(db)
  const n = list.items.length
  const total = emptyUnit(unit.id ?? 'organisation', unit.id ? (names.get(unit.id) ?? '') : '全组织', n)
  const parts = new Map<string, UnitCompletion>()
  const members: MemberCompletion[] = []
  const where = unit.kind === 'group' ? { groupId: unit.id } : unit.kind === 'branch' ? { branchId: unit.id } : {}
  await forEachProgressBatch(db, list, where, (rows) => {
    for (const { assignment, week } of rows) {
      const partId = unit.kind === 'org' ? assignment.branchId : assignment.groupId
      const part = parts.get(partId) ?? emptyUnit(partId, names.get(partId) ?? '', n)
      parts.set(partId, part)
      for (const u of unit.kind === 'group' ? [total] : [total, part]) {
        u.members += 1
        if (week.finished) u.finished += 1
        if (week.targetMet) u.targetMet += 1
        week.items.forEach((item, i) => {
          if (item.done) u.itemsDone[i] += 1
        })
      }
      if (unit.kind === 'group') {
        const { requiredDone, requiredCount, targetMet, finished } = week
        members.push({ memberId: assignment.memberId, name: assignment.name, requiredDone, requiredCount, targetMet, finished, left: requiredLeft(week) })
      }
    }
  })
  members.sort((a, b) => Number(a.finished) - Number(b.finished) || a.requiredDone - b.requiredDone || byName(a, b))
  const units =
    unit.kind === 'group' ? [] : [...parts.values()].sort((a, b) => b.finished / b.members - a.finished / a.members || a.name.localeCompare(b.name, 'zh'))
  return { list: toWeeklyList(list, names), total, units, members }
}
