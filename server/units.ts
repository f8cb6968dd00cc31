import type { Unit, UnitKind, UnitNode } from '../types'
import { recordAudit } from './audit'
import { docsByIds, findDoc, readAll } from './db/documents'
import type { CloudDatabase } from './db/types'
import { AppError } from './errors'
import { requireCleanText, type ContentChecker } from './security/content-check'
import { newId } from './ids'
import { MEMBERS, type Member } from './members'
import { authorize, scopeOf, unitTarget, type Action } from './permissions'

export const UNITS = 'units'

/** As stored; `createdAt` orders siblings. */
interface UnitDoc extends Unit {
  createdAt?: Date
}

const KIND_NAME: Record<UnitKind, string> = { committee: '党委', branch: '党支部', group: '党小组' }

/** Groups are managed by their branch's admins; branches only by the organisation's. */
const manageAction = (kind: UnitKind): Action => (kind === 'group' ? 'groups.manage' : 'branches.manage')

const normalise = (doc: UnitDoc): UnitDoc => ({ ...doc, archived: doc.archived === true })

const toUnit = ({ _id, kind, name, parentId, archived }: UnitDoc): Unit => ({ _id, kind, name, parentId, archived })

const bySiblingOrder = (a: UnitDoc, b: UnitDoc) => new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime() || a._id.localeCompare(b._id)

/** The whole tree, flat: an organisation has tens of units, not thousands. */
/** The members of a unit, as a condition on `members`: a group's, a branch's, or everyone (the 党委's). */
export const unitScope = (unit: Pick<Unit, '_id' | 'kind'>): Record<string, string> =>
  unit.kind === 'group' ? { groupId: unit._id } : unit.kind === 'branch' ? { branchId: unit._id } : {}

/** Whether the member belongs to the unit a record is for (an exam, a meeting): the organisation's, their branch's or their group's. */
export const inUnit = (of: { unitId: string; unitKind: UnitKind }, member: Pick<Member, 'groupId' | 'branchId'>) =>
  of.unitKind === 'committee' || (of.unitKind === 'branch' ? member.branchId === of.unitId : member.groupId === of.unitId)

/** The active members of the unit a record is for. */
export const activeMembersOf = (db: CloudDatabase, of: { unitId: string; unitKind: UnitKind }) =>
  readAll<Member>(db, MEMBERS, { ...unitScope({ _id: of.unitId, kind: of.unitKind }), status: 'active' })

export async function loadUnits(db: CloudDatabase): Promise<UnitDoc[]> {
  const { data } = await db.collection(UNITS).limit(1000).get()
  return (data as UnitDoc[]).map(normalise).sort(bySiblingOrder)
}

export async function findUnit(db: CloudDatabase, id: string): Promise<UnitDoc | undefined> {
  const doc = await findDoc<UnitDoc>(db, UNITS, id)
  return doc && normalise(doc)
}

export async function requireUnit(db: CloudDatabase, id: string, kind?: UnitKind): Promise<UnitDoc> {
  const unit = await findUnit(db, id)
  if (!unit || (kind && unit.kind !== kind)) throw new AppError('NOT_FOUND', `没有找到这个${kind ? KIND_NAME[kind] : '单位'}`)
  return unit
}

export const requireGroup = (db: CloudDatabase, id: string) => requireUnit(db, id, 'group')

/**
 * A group and its branch, in one read when the branch is `likelyBranchId` (the caller's own group,
 * or one of their branch's), else two.
 */
export async function requireGroupAndBranch(db: CloudDatabase, id: string, likelyBranchId: string): Promise<{ group: UnitDoc; branch: UnitDoc | undefined }> {
  const units = await docsByIds<UnitDoc>(db, UNITS, [...new Set([id, likelyBranchId].filter(Boolean))])
  const found = units.get(id)
  if (!found || found.kind !== 'group') throw new AppError('NOT_FOUND', `没有找到这个${KIND_NAME.group}`)
  const group = normalise(found)
  const branchId = group.parentId ?? ''
  const branch = units.get(branchId) ?? (branchId ? await findDoc<UnitDoc>(db, UNITS, branchId) : undefined)
  return { group, branch: branch && normalise(branch) }
}

/** Throws CONFLICT when the group, or its branch, is archived: it takes no new members. */
export async function requireOpenGroup(db: CloudDatabase, group: UnitDoc): Promise<void> {
  const branch = group.parentId ? await findUnit(db, group.parentId) : undefined
  if (group.archived || branch?.archived) {
    throw new AppError('CONFLICT', `「${group.name}」已归档，不能再加入成员`)
  }
}

/** Active members per group. */
async function memberCounts(db: CloudDatabase): Promise<Map<string, number>> {
  const $ = db.command.aggregate
  const { list } = await db
    .collection(MEMBERS)
    .aggregate()
    .match({ status: 'active' })
    .group({ _id: '$groupId', count: $.sum(1) })
    .limit(1000)
    .end<{ _id: string; count: number }>()
  return new Map(list.map((g) => [g._id, g.count]))
}

/** The tree within the caller's reach, archived units included, with member counts. */
export async function unitTree(db: CloudDatabase, caller: Member) {
  const scope = scopeOf(caller, 'units.read')
  const [units, counts] = await Promise.all([loadUnits(db), memberCounts(db)])
  const committee = units.find((u) => u.kind === 'committee')
  const inScope = (u: UnitDoc) =>
    (!scope.branchId || u._id === scope.branchId || u.parentId === scope.branchId) && (!scope.groupId || u.kind !== 'group' || u._id === scope.groupId)
  const node = (u: UnitDoc, memberCount: number): UnitNode => ({ ...toUnit(u), memberCount })
  const branches = units
    .filter((b) => b.kind === 'branch' && inScope(b))
    .map((branch) => {
      const groups = units.filter((g) => g.kind === 'group' && g.parentId === branch._id && inScope(g)).map((g) => node(g, counts.get(g._id) ?? 0))
      return {
        ...node(
          branch,
          groups.reduce((sum, g) => sum + g.memberCount, 0),
        ),
        groups,
      }
    })
  return { committee: { _id: committee?._id ?? '', name: committee?.name ?? '' }, branches }
}

async function requireUniqueName(db: CloudDatabase, parentId: string | null, name: string, exceptId?: string) {
  const { data } = await db.collection(UNITS).where({ parentId, name }).limit(2).get()
  if (data.some((u) => u._id !== exceptId)) throw new AppError('CONFLICT', `同一上级单位下已有「${name}」`)
}

interface SaveUnit {
  id?: string
  kind: 'branch' | 'group'
  name: string
  parentId?: string
}

/** Creates a 党支部 or 党小组, or renames one; the name is content-checked once the caller may. */
export async function saveUnit(db: CloudDatabase, checker: ContentChecker, caller: Member, now: Date, input: SaveUnit): Promise<Unit> {
  const checkName = () => requireCleanText(checker, caller.openid, 'profile', [input.name])
  return input.id ? renameUnit(db, caller, now, input.id, input, checkName) : createUnit(db, caller, now, input, checkName)
}

async function createUnit(db: CloudDatabase, caller: Member, now: Date, input: SaveUnit, checkName: () => Promise<void>): Promise<Unit> {
  const parent =
    input.kind === 'group' ? await requireUnit(db, input.parentId ?? missingParent(), 'branch') : (await loadUnits(db)).find((u) => u.kind === 'committee')
  if (!parent) throw new AppError('NOT_FOUND', '没有找到党委，请先导入组织架构')
  if (input.kind === 'branch' && input.parentId !== undefined && input.parentId !== parent._id) {
    throw new AppError('INVALID_INPUT', '党支部的上级只能是党委')
  }
  const unit: UnitDoc = { _id: newId(input.kind), kind: input.kind, name: input.name, parentId: parent._id, archived: false }
  authorize(caller, manageAction(unit.kind), unitTarget(unit))
  await checkName()
  if (parent.archived) throw new AppError('CONFLICT', `「${parent.name}」已归档，不能再新建党小组`)
  await requireUniqueName(db, parent._id, input.name)
  await db.collection(UNITS).add({ data: { ...unit, createdAt: now } })
  await recordAudit(db, caller, now, {
    action: 'unit.create',
    targetType: 'unit',
    targetId: unit._id,
    targetName: unit.name,
    before: null,
    after: { kind: unit.kind, name: unit.name, parentId: unit.parentId },
    unitIds: [unit._id, parent._id],
  })
  return toUnit(unit)
}

function missingParent(): never {
  throw new AppError('INVALID_INPUT', '请选择党小组所属的党支部')
}

async function renameUnit(db: CloudDatabase, caller: Member, now: Date, id: string, input: SaveUnit, checkName: () => Promise<void>): Promise<Unit> {
  const unit = await requireUnit(db, id, input.kind)
  authorize(caller, manageAction(unit.kind), unitTarget(unit))
  await checkName()
  if (input.parentId !== undefined && input.parentId !== unit.parentId) {
    throw new AppError('CONFLICT', '暂不支持调整上级单位')
  }
  if (unit.name === input.name) return toUnit(unit)
  await requireUniqueName(db, unit.parentId, input.name, unit._id)
  await db
    .collection(UNITS)
    .doc(unit._id)
    .update({ data: { name: input.name } })
  await recordAudit(db, caller, now, {
    action: 'unit.rename',
    targetType: 'unit',
    targetId: unit._id,
    targetName: input.name,
    before: { name: unit.name },
    after: { name: input.name },
    unitIds: [unit._id, unit.parentId ?? unit._id],
  })
  return toUnit({ ...unit, name: input.name })
}

/**
 * Archives (or restores) a unit. Only the flag changes: members keep their group and records. A
 * branch is archived after its groups, and a group restored after its branch, so an open group
 * never hangs under an archived branch.
 */
export async function archiveUnit(db: CloudDatabase, caller: Member, now: Date, id: string, archived: boolean): Promise<Unit> {
  const unit = await requireUnit(db, id)
  if (unit.kind === 'committee') throw new AppError('CONFLICT', '党委不能归档')
  authorize(caller, manageAction(unit.kind), unitTarget(unit))
  if (unit.archived === archived) return toUnit(unit)
  if (unit.kind === 'branch' && archived) {
    const open = (await loadUnits(db)).filter((g) => g.parentId === unit._id && !g.archived)
    if (open.length) throw new AppError('CONFLICT', `请先归档「${unit.name}」下的 ${open.length} 个党小组`)
  }
  if (unit.kind === 'group' && !archived) {
    const branch = unit.parentId ? await findUnit(db, unit.parentId) : undefined
    if (branch?.archived) throw new AppError('CONFLICT', `请先恢复所属的「${branch.name}」`)
  }
  await db.collection(UNITS).doc(unit._id).update({ data: { archived } })
  await recordAudit(db, caller, now, {
    action: archived ? 'unit.archive' : 'unit.unarchive',
    targetType: 'unit',
    targetId: unit._id,
    targetName: unit.name,
    before: { archived: unit.archived },
    after: { archived },
    unitIds: [unit._id, unit.parentId ?? unit._id],
  })
  return toUnit({ ...unit, archived })
}
