import type { z } from 'zod'
import type { SaveWeeklyListInput, WeeklyItem, WeeklyList } from '../../types'
import type { Member } from '../members'
import { WEEKLY_LISTS_PAGE_SIZE } from '../../types'
import { recordAudit, type AuditChange } from '../audit'
import { weekKey } from '../../types/calendar'
import { ARTICLES, type ArticleDoc } from '../content/docs'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { newId } from '../ids'
import { decodeCursor, pageOf } from '../paging'
import { authorize, ORGANISATION } from '../permissions'
import { unitNames } from '../roster'
import { readableChapter } from '../study/readable'
import { loadUnits } from '../units'
import { publishAt, requireList, toWeeklyList, WEEKLY_LISTS, type WeeklyListDoc } from './docs'
import type { DistributionPorts } from './distribute'
import { distributeList } from './distribute'
import { requireCleanText, type ContentChecker } from '../security/content-check'

type SaveInput = z.output<typeof SaveWeeklyListInput>

async function resolveItem(db: CloudDatabase, input: SaveInput['items'][number], index: number): Promise<WeeklyItem> {
  const key = `i${index + 1}`
  if (input.kind === 'link') {
    return { key, kind: 'link', refId: null, title: input.title ?? '', bookTitle: null, url: input.url ?? null, minutes: null, required: false }
  }
  const refId = input.refId ?? ''
  if (input.kind === 'article') {
    const article = await findDoc<ArticleDoc>(db, ARTICLES, refId)
    if (!article || article.status !== 'published') throw new AppError('INVALID_INPUT', `第 ${index + 1} 项：只能选择已发布的文章`)
    return { key, kind: 'article', refId, title: article.title, bookTitle: null, url: null, minutes: article.minutes, required: input.required }
  }
  const { chapter, book } = await readableChapter(db, refId).catch(() => {
    throw new AppError('INVALID_INPUT', `第 ${index + 1} 项：只能选择已发布书籍的章节`)
  })
  return { key, kind: 'chapter', refId, title: chapter.title, bookTitle: book.title, url: null, minutes: chapter.minutes, required: input.required }
}

/** Branch ids checked and de-duplicated, in the tree's order. */
async function checkBranches(db: CloudDatabase, ids: string[]): Promise<string[]> {
  const branches = (await loadUnits(db)).filter((u) => u.kind === 'branch')
  const known = new Set(branches.map((b) => b._id))
  const unknown = ids.find((id) => !known.has(id))
  if (unknown) throw new AppError('INVALID_INPUT', '所选党支部不存在')
  return branches.filter((b) => ids.includes(b._id)).map((b) => b._id)
}

/** A member gets at most one list a week: two lists of a week may not share a branch. */
async function assertNoOverlap(db: CloudDatabase, week: string, branchIds: string[], self: string | undefined, names: Map<string, string>) {
  const { data } = await db.collection(WEEKLY_LISTS).where({ week }).limit(100).get()
  for (const other of data as WeeklyListDoc[]) {
    if (other._id === self) continue
    const shared = other.branchIds.length === 0 || branchIds.length === 0 || other.branchIds.some((b) => branchIds.includes(b))
    if (shared) {
      const whom = other.branchIds.length === 0 ? '全体党员' : other.branchIds.map((b) => names.get(b) ?? b).join('、')
      throw new AppError('CONFLICT', `这一周已有面向${whom}的清单，每位党员每周只收到一份`)
    }
  }
}

const snapshot = (doc: WeeklyListDoc) => ({
  week: doc.week,
  status: doc.status,
  items: doc.items.length,
  branchIds: doc.branchIds,
  targetMinutes: doc.targetMinutes,
})

function auditOf(doc: WeeklyListDoc, action: AuditChange['action'], before: WeeklyListDoc | null): AuditChange {
  return {
    action,
    targetType: 'weeklyList',
    targetId: doc._id,
    targetName: `${doc.week} 起一周的学习清单`,
    before: before && snapshot(before),
    after: snapshot(doc),
    unitIds: doc.branchIds,
  }
}

/** Creates or edits a list for this or a coming week; a published list is no longer edited. */
export async function saveWeeklyList(db: CloudDatabase, checker: ContentChecker, caller: Member, now: Date, input: SaveInput): Promise<WeeklyList> {
  authorize(caller, 'weekly.manage', ORGANISATION)
  await requireCleanText(checker, caller.openid, 'forum', [input.intro, ...input.items.map((i) => i.title)])
  if (input.week < weekKey(now)) throw new AppError('INVALID_INPUT', '这一周已经过去，请选择本周或以后的周次')
  const before = input.id ? await requireList(db, input.id) : null
  if (before?.status === 'published') throw new AppError('CONFLICT', '这份清单已经发布，不能再修改')
  const names = await unitNames(db)
  const branchIds = await checkBranches(db, input.branchIds)
  await assertNoOverlap(db, input.week, branchIds, before?._id, names)
  const items: WeeklyItem[] = []
  for (const [i, item] of input.items.entries()) items.push(await resolveItem(db, item, i))
  const at = now.toISOString()
  const fields = { week: input.week, intro: input.intro, targetMinutes: input.targetMinutes, branchIds, items, updatedAt: at }
  let doc: WeeklyListDoc
  if (before) {
    const { stats } = await db
      .collection(WEEKLY_LISTS)
      .where({ _id: before._id, status: db.command.neq('published') })
      .update({ data: { ...fields, items: db.command.set(items), branchIds: db.command.set(branchIds) } })
    if (stats.updated !== 1) throw new AppError('CONFLICT', '这份清单已经发布，不能再修改')
    doc = { ...before, ...fields }
  } else {
    doc = { _id: newId('weekly'), ...fields, status: 'draft', publishedTo: null, createdBy: caller._id, createdAt: at }
    await db.collection(WEEKLY_LISTS).add({ data: doc })
  }
  await recordAudit(db, caller, now, auditOf(doc, before ? 'weekly.update' : 'weekly.create', before))
  return toWeeklyList(doc, names)
}

/**
 * 定稿 (scheduled: true) or back to 草稿. A scheduled list goes out on its Monday at 08:00; one
 * scheduled after that moment of its own week goes out now.
 */
export async function scheduleWeeklyList(ports: DistributionPorts, caller: Member, id: string, scheduled: boolean): Promise<WeeklyList> {
  const { db, now } = ports
  authorize(caller, 'weekly.manage', ORGANISATION)
  const before = await requireList(db, id)
  // Going out but stopped half-way (the function's time limit): 定稿 again finishes it.
  if (before.status === 'published' && before.publishedTo === null && scheduled) {
    await distributeList(ports, before)
    return toWeeklyList(await requireList(db, id), await unitNames(db))
  }
  if (before.status === 'published') throw new AppError('CONFLICT', '这份清单已经发布')
  if (scheduled && before.week < weekKey(now)) throw new AppError('CONFLICT', '这一周已经过去，清单不能再发布')
  const status = scheduled ? 'scheduled' : 'draft'
  const { stats } = await db
    .collection(WEEKLY_LISTS)
    .where({ _id: id, status: db.command.neq('published') })
    .update({ data: { status, updatedAt: now.toISOString() } })
  if (stats.updated !== 1) throw new AppError('CONFLICT', '这份清单已经发布')
  let doc: WeeklyListDoc = { ...before, status, updatedAt: now.toISOString() }
  await recordAudit(db, caller, now, auditOf(doc, 'weekly.schedule', before))
  if (scheduled && now.getTime() >= publishAt(doc.week).getTime()) {
    await distributeList(ports, doc)
    doc = await requireList(db, id)
  }
  return toWeeklyList(doc, await unitNames(db))
}

export async function getWeeklyList(db: CloudDatabase, caller: Member, id: string): Promise<WeeklyList> {
  authorize(caller, 'weekly.manage', ORGANISATION)
  return toWeeklyList(await requireList(db, id), await unitNames(db))
}

/** Every list, newest week first. */
export async function listWeeklyLists(db: CloudDatabase, caller: Member, cursor: string | undefined) {
  authorize(caller, 'weekly.manage', ORGANISATION)
  const _ = db.command
  let query = db.collection(WEEKLY_LISTS).where({})
  if (cursor) {
    const [week, id] = decodeCursor(cursor, 2)
    query = db.collection(WEEKLY_LISTS).where(_.or([{ week: _.lt(week) }, { week, _id: _.lt(id) }]))
  }
  const { data } = await query
    .orderBy('week', 'desc')
    .orderBy('_id', 'desc')
    .limit(WEEKLY_LISTS_PAGE_SIZE + 1)
    .get()
  const names = await unitNames(db)
  return pageOf(
    data as WeeklyListDoc[],
    WEEKLY_LISTS_PAGE_SIZE,
    (d) => [d.week, d._id],
    (d) => toWeeklyList(d, names),
  )
}
