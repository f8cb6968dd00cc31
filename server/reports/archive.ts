import type { z } from 'zod'
import type { ActionOutput, ArchiveYear, ExportMemberArchiveInput, ScoreRules } from '../../types'
import { dayKey, startOfDay, yearKey } from '../../types/calendar'
import { CHECKINS } from '../checkin'
import { loadCategories } from '../content/categories'
import { BOOKS } from '../content/docs'
import { findDoc, readAll, unfieldKey } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import type { FileStore } from '../files/file-store'
import { findByIds, readLedgers } from '../jobs/ledgers'
import { MEMBERS, requireMember, type Member } from '../members'
import { authorize, memberTarget, unitTarget } from '../permissions'
import { EXAM_ATTEMPTS, type AttemptDoc } from '../quiz/exam-attempts'
import { EXAMS } from '../quiz/exams'
import { attendanceIn, tally, type Tally } from '../meetings/tally'
import { REFLECTIONS, type ReflectionDoc } from '../reflections/reflections'
import { SCORE_TOTALS, type TotalsDoc } from '../scoring/ledger'
import { STAR_RATINGS } from '../scoring/ratings'
import { loadRuleVersions } from '../scoring/rule-versions'
import { rulesOn, starsFor } from '../scoring/rules'
import { readLedger, type LedgerDoc } from '../study/ledger'
import { loadUnits, unitScope } from '../units'
import { toCsv, toXlsx, type Table } from './table'
import { byName } from '../name-order'

/**
 * 电子档案: a member's years, from the records each part keeps — the study ledger (time by quarter
 * and category, books completed), the running score totals (points, required chapters), the
 * check-ins, the exam attempts, meeting attendance, the reflections and the frozen star ratings. One member's archive
 * is a dozen reads whatever the history; the export reads the same parts 1,000 members at a time.
 */

const yearOf = (at: Date | string) => Number(yearKey(new Date(at)))

/** One member's records, as read (attempts and reflections may span years). */
interface Parts {
  ledger?: Partial<LedgerDoc>
  totals?: Partial<TotalsDoc>
  /** The year's check-in days and longest streak. */
  checkIns: { days: number; longestStreak: number }
  attempts: AttemptDoc[]
  reflections: ReflectionDoc[]
  /** The year's 组织生活. */
  meetings: Tally
  frozenStars?: number
}

interface Names {
  category: Map<string, string>
  book: Map<string, string>
  exam: Map<string, string>
}

/** Pure: one year of one member's archive from their records. */
function archiveYear(year: number, parts: Parts, names: Names, rules: ScoreRules): ArchiveYear {
  const y = parts.totals?.y?.[String(year)]
  const seconds = new Map<string, number>()
  for (const [quarter, byCat] of Object.entries(parts.ledger?.cats ?? {})) {
    if (!quarter.startsWith(`${year}-`)) continue
    for (const [cat, s] of Object.entries(byCat)) seconds.set(unfieldKey(cat), (seconds.get(unfieldKey(cat)) ?? 0) + s)
  }
  const sat = new Map<string, { best: number | null; passed: boolean }>()
  for (const a of parts.attempts.filter((a) => yearOf(a.startedAt) === year && a.status !== 'started')) {
    const s = sat.get(a.examId) ?? { best: null, passed: false }
    sat.set(a.examId, a.status === 'submitted' ? { best: Math.max(s.best ?? 0, a.percent ?? 0), passed: s.passed || !!a.passed } : s)
  }
  const approved = parts.reflections.filter((r) => r.status === 'approved' && r.reviewedAt && yearOf(r.reviewedAt) === year)
  const figures = { studySeconds: y?.s ?? 0, requiredChapters: y?.rc ?? 0, points: y?.p ?? 0 }
  return {
    year,
    studySeconds: Object.entries(parts.ledger?.quarters ?? {}).reduce((n, [q, s]) => (q.startsWith(`${year}-`) ? n + s : n), 0),
    byCategory: [...seconds.entries()]
      .filter(([, s]) => s > 0)
      .map(([categoryId, s]) => ({ categoryId, categoryName: names.category.get(categoryId) ?? categoryId, seconds: s }))
      .sort((a, b) => b.seconds - a.seconds),
    requiredChapters: figures.requiredChapters,
    booksCompleted: Object.values(parts.ledger?.books ?? {})
      .filter((b) => b.completedAt && yearOf(b.completedAt) === year)
      .map((b) => ({ bookId: b.id, title: names.book.get(b.id) ?? '', completedAt: new Date(b.completedAt!).toISOString() })),
    checkInDays: parts.checkIns.days,
    longestStreak: parts.checkIns.longestStreak,
    exams: [...sat.entries()].map(([examId, s]) => ({ examId, title: names.exam.get(examId) ?? '', ...s })),
    meetings: { expected: parts.meetings.meetings, attended: parts.meetings.attended, onLeave: parts.meetings.onLeave },
    reflectionsApproved: approved.length,
    reflectionsFeatured: approved.filter((r) => r.featured).length,
    points: figures.points,
    stars: parts.frozenStars ?? starsFor(rules, figures),
    starsFrozen: parts.frozenStars !== undefined,
  }
}

/** The rules a year is rated under: its 31 December's, or today's for this year. */
const rulesFor = (versions: ScoreRules[], year: number, now: Date) => rulesOn(versions, year < Number(yearKey(now)) ? `${year}-12-31` : dayKey(now))

/** Titles of the books and exams the records name (a query each, whatever their number up to 1,000 at a time). */
async function titles(db: CloudDatabase, collection: string, ids: string[]): Promise<Map<string, string>> {
  const docs = await findByIds<{ _id: string; title: string }>(db, collection, '_id', [...new Set(ids)], {}, { title: true })
  return new Map(docs.map((d) => [d._id, d.title]))
}

async function namesFor(db: CloudDatabase, ledgers: (Partial<LedgerDoc> | undefined)[], attempts: AttemptDoc[]): Promise<Names> {
  const [categories, book, exam] = await Promise.all([
    loadCategories(db),
    titles(
      db,
      BOOKS,
      ledgers.flatMap((l) =>
        Object.values(l?.books ?? {})
          .filter((b) => b.completedAt)
          .map((b) => b.id),
      ),
    ),
    titles(
      db,
      EXAMS,
      attempts.map((a) => a.examId),
    ),
  ])
  return { category: new Map(categories.map((c) => [c._id, c.name])), book, exam }
}

const ATTEMPT_FIELDS = { memberId: true, examId: true, status: true, percent: true, passed: true, startedAt: true } as const
const REFLECTION_FIELDS = { memberId: true, status: true, featured: true, reviewedAt: true } as const

export async function memberArchive(db: CloudDatabase, caller: Member, now: Date, memberId?: string): Promise<ActionOutput<'getMemberArchive'>> {
  const member = memberId && memberId !== caller._id ? await requireMember(db, memberId) : caller
  authorize(caller, 'archive.read', memberTarget(member))
  const _ = db.command
  const [units, ledger, totals, checkIns, attempts, reflections, ratings, versions, attendance] = await Promise.all([
    loadUnits(db),
    readLedger(db, member._id, ['quarters', 'cats', 'books']),
    findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, ['y']),
    readAll<{ day: string; streak: number }>(db, CHECKINS, { memberId: member._id }, { day: true, streak: true }),
    readAll<AttemptDoc>(db, EXAM_ATTEMPTS, { memberId: member._id }, ATTEMPT_FIELDS),
    readAll<ReflectionDoc>(db, REFLECTIONS, { memberId: member._id }, REFLECTION_FIELDS),
    readAll<{ year: number; stars: number }>(db, STAR_RATINGS, { memberId: member._id, record: 'member' }, { year: true, stars: true }),
    loadRuleVersions(db),
    attendanceIn(db, [member], new Date(0), now, _.or([{ unitId: _.in([member.groupId, member.branchId]) }, { unitKind: 'committee' }])),
  ])
  const names = await namesFor(db, [ledger], attempts)
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const years = new Set<number>([Number(yearKey(now))])
  for (const y of Object.keys(totals?.y ?? {})) years.add(Number(y))
  for (const q of Object.keys(ledger?.quarters ?? {})) years.add(Number(q.slice(0, 4)))
  for (const c of checkIns) years.add(Number(c.day.slice(0, 4)))
  for (const m of attendance.held) years.add(yearOf(m.startsAt))
  const frozen = new Map(ratings.map((r) => [r.year, r.stars]))
  return {
    member: { memberId: member._id, name: member.name, groupName: unitName.get(member.groupId) ?? '', branchName: unitName.get(member.branchId) ?? '' },
    years: [...years]
      .sort((a, b) => b - a)
      .map((year) => {
        const days = checkIns.filter((c) => c.day.startsWith(`${year}-`))
        const held = attendance.held.filter((m) => yearOf(m.startsAt) === year)
        const checkInsOfYear = { days: days.length, longestStreak: days.reduce((n, c) => Math.max(n, c.streak), 0) }
        const parts: Parts = {
          ledger,
          totals,
          checkIns: checkInsOfYear,
          attempts,
          reflections,
          meetings: tally(member, held, attendance.records),
          frozenStars: frozen.get(year),
        }
        return archiveYear(year, parts, names, rulesFor(versions, year, now))
      }),
  }
}

/** The year's check-in days and longest streak of members in [first, last], one aggregate a page. */
async function checkInsOfYear(db: CloudDatabase, ids: string[], year: number): Promise<Map<string, Parts['checkIns']>> {
  const _ = db.command
  const found = new Map<string, Parts['checkIns']>()
  for (let skip = 0; ; skip += 1000) {
    const { list } = await db
      .collection(CHECKINS)
      .aggregate()
      .match({ memberId: _.gte(ids[0]).and(_.lte(ids[ids.length - 1])), day: _.gte(`${year}-01-01`).and(_.lte(`${year}-12-31`)) })
      .group({ _id: '$memberId', days: _.aggregate.sum(1), longest: _.aggregate.max('$streak') })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(1000)
      .end<{ _id: string; days: number; longest: number }>()
    for (const r of list) found.set(r._id, { days: r.days, longestStreak: r.longest })
    if (list.length < 1000) return found
  }
}

export const ARCHIVE_HEADERS = [
  '姓名',
  '党支部',
  '党小组',
  '年份',
  '学时（小时）',
  '必读书目（章）',
  '读完书目（本）',
  '打卡天数',
  '最长连续打卡',
  '考试（通过/参加）',
  '组织生活（出席/应到）',
  '请假（次）',
  '心得通过（篇）',
  '积分',
  '星级',
  '星级已定档',
]

type ExportInput = z.output<typeof ExportMemberArchiveInput>

/**
 * 导出学习档案: one row per member of the unit for the year, as an .xlsx or CSV. A row per member and
 * year, not a sheet per member: a branch's hundred members sort, filter and compare in one table, and
 * a file per year keeps each export one year's records (export again for another year).
 */
export async function exportMemberArchive(
  ports: { db: CloudDatabase; now: Date; files: FileStore },
  caller: Member,
  input: ExportInput,
): Promise<ActionOutput<'exportMemberArchive'>> {
  const { db, now, files } = ports
  const units = await loadUnits(db)
  const defaultId = caller.roles.includes('orgAdmin')
    ? units.find((u) => u.kind === 'committee')?._id
    : caller.roles.includes('branchAdmin')
      ? caller.branchId
      : caller.groupId
  const unit = units.find((u) => u._id === (input.unitId ?? defaultId))
  if (!unit) throw new AppError('NOT_FOUND', '没有找到这个单位')
  authorize(caller, 'archive.read', unitTarget(unit))
  const year = input.year ?? Number(yearKey(now))
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const [members, versions] = await Promise.all([readAll<Member>(db, MEMBERS, { ...unitScope(unit), status: 'active' }), loadRuleVersions(db)])
  const rules = rulesFor(versions, year, now)
  const rows: Table['rows'] = []
  for (let i = 0; i < members.length; i += 1000) {
    const batch = members.slice(i, i + 1000)
    const ids = batch.map((m) => m._id)
    const [ledgers, totals, checkIns, attempts, reflections, ratings, attendance] = await Promise.all([
      readLedgers(db, ids, ['quarters', 'cats', 'books']),
      findByIds<TotalsDoc>(db, SCORE_TOTALS, '_id', ids, {}, { [`y.${year}`]: true }),
      checkInsOfYear(db, ids, year),
      findByIds<AttemptDoc>(db, EXAM_ATTEMPTS, 'memberId', ids, {}, ATTEMPT_FIELDS),
      findByIds<ReflectionDoc>(db, REFLECTIONS, 'memberId', ids, { status: 'approved' }, REFLECTION_FIELDS),
      findByIds<{ _id: string; memberId: string; stars: number }>(db, STAR_RATINGS, 'memberId', ids, { record: 'member', year }, { stars: true }),
      attendanceIn(db, batch, startOfDay(`${year}-01-01`), new Date(Math.min(now.getTime(), startOfDay(`${year + 1}-01-01`).getTime()))),
    ])
    const names = await namesFor(db, [...ledgers.values()], attempts)
    const totalsOf = new Map(totals.map((t) => [t._id, t]))
    const frozen = new Map(ratings.map((r) => [r.memberId, r.stars]))
    for (const m of batch) {
      const parts: Parts = {
        ledger: ledgers.get(m._id),
        totals: totalsOf.get(m._id),
        checkIns: checkIns.get(m._id) ?? { days: 0, longestStreak: 0 },
        attempts: attempts.filter((a) => a.memberId === m._id),
        reflections: reflections.filter((r) => r.memberId === m._id),
        meetings: tally(m, attendance.held, attendance.records),
        frozenStars: frozen.get(m._id),
      }
      const y = archiveYear(year, parts, names, rules)
      rows.push([
        m.name,
        unitName.get(m.branchId) ?? '',
        unitName.get(m.groupId) ?? '',
        year,
        Math.floor(y.studySeconds / 360) / 10,
        y.requiredChapters,
        y.booksCompleted.length,
        y.checkInDays,
        y.longestStreak,
        `${y.exams.filter((e) => e.passed).length}/${y.exams.length}`,
        `${y.meetings.attended}/${y.meetings.expected}`,
        y.meetings.onLeave,
        y.reflectionsApproved,
        y.points,
        y.stars,
        y.starsFrozen ? '是' : '否',
      ])
    }
  }
  rows.sort(
    (a, b) =>
      String(a[1]).localeCompare(String(b[1]), 'zh') ||
      String(a[2]).localeCompare(String(b[2]), 'zh') ||
      byName({ name: String(a[0]) }, { name: String(b[0]) }),
  )
  const table: Table = { headers: ARCHIVE_HEADERS, rows }
  const fileName = `学习档案-${unit.name}-${year}.${input.format}`
  const bytes = input.format === 'csv' ? toCsv(table) : await toXlsx(table, `${year}学习档案`)
  const contentType = input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const stored = await files.save({ name: fileName, bytes, contentType }, now)
  return { fileName, url: stored.url, expiresAt: stored.expiresAt, rows: rows.length }
}
