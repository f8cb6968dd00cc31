import type { ActionOutput, ArchiveYear } from '../../types'
import { dayKey, yearKey } from '../../types/calendar'
import { CHECKINS } from '../checkin'
import { loadCategories } from '../content/categories'
import { BOOKS } from '../content/docs'
import { findDoc, readAll, unfieldKey } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { requireMember, type Member } from '../members'
import { authorize, memberTarget } from '../permissions'
import { EXAM_ATTEMPTS, type AttemptDoc } from '../quiz/exam-attempts'
import { EXAMS, type ExamDoc } from '../quiz/exams'
import { REFLECTIONS, type ReflectionDoc } from '../reflections/reflections'
import { SCORE_TOTALS, type TotalsDoc } from '../scoring/ledger'
import { STAR_RATINGS } from '../scoring/ratings'
import { loadRuleVersions } from '../scoring/rule-versions'
import { rulesOn, starsFor } from '../scoring/rules'
import { readLedger } from '../study/ledger'
import { loadUnits } from '../units'

const yearOf = (at: Date | string) => Number(yearKey(new Date(at)))

/**
 * 电子档案: one member's years, from the records each part keeps — the study ledger (time by
 * quarter and category, books completed), the running score totals (points, required chapters),
 * the check-ins, the exam attempts, the reflections and the frozen star ratings. A dozen reads,
 * whatever the member's history.
 */
export async function memberArchive(db: CloudDatabase, caller: Member, now: Date, memberId?: string): Promise<ActionOutput<'getMemberArchive'>> {
  const member = memberId && memberId !== caller._id ? await requireMember(db, memberId) : caller
  authorize(caller, 'archive.read', memberTarget(member))
  const [units, categories, ledger, totals, checkIns, attempts, reflections, ratings, versions] = await Promise.all([
    loadUnits(db),
    loadCategories(db),
    readLedger(db, member._id, ['quarters', 'cats', 'books']),
    findDoc<TotalsDoc>(db, SCORE_TOTALS, member._id, ['y']),
    readAll<{ day: string; streak: number }>(db, CHECKINS, { memberId: member._id }, { day: true, streak: true }),
    readAll<AttemptDoc>(db, EXAM_ATTEMPTS, { memberId: member._id }, { examId: true, status: true, percent: true, passed: true, startedAt: true }),
    readAll<ReflectionDoc>(db, REFLECTIONS, { memberId: member._id }, { status: true, featured: true, reviewedAt: true }),
    readAll<{ year: number; stars: number }>(db, STAR_RATINGS, { memberId: member._id, record: 'member' }, { year: true, stars: true }),
    loadRuleVersions(db),
  ])
  const unitName = new Map(units.map((u) => [u._id, u.name]))
  const categoryName = new Map(categories.map((c) => [c._id, c.name]))
  const books = Object.values(ledger?.books ?? {}).filter((b) => b.completedAt)
  const bookTitles = books.length
    ? new Map(((await db.collection(BOOKS).where({ _id: db.command.in(books.map((b) => b.id)) }).field({ _id: true, title: true }).limit(1000).get()).data as { _id: string; title: string }[]).map((b) => [b._id, b.title]))
    : new Map<string, string>()
  const examIds = [...new Set(attempts.map((a) => a.examId))]
  const examTitles = examIds.length
    ? new Map(((await db.collection(EXAMS).where({ _id: db.command.in(examIds) }).field({ _id: true, title: true, closesAt: true }).limit(1000).get()).data as ExamDoc[]).map((e) => [e._id, e]))
    : new Map<string, ExamDoc>()

  const thisYear = Number(yearKey(now))
  const years = new Set<number>([thisYear])
  for (const y of Object.keys(totals?.y ?? {})) years.add(Number(y))
  for (const q of Object.keys(ledger?.quarters ?? {})) years.add(Number(q.slice(0, 4)))
  for (const c of checkIns) years.add(Number(c.day.slice(0, 4)))

  const frozen = new Map(ratings.map((r) => [r.year, r.stars]))
  const yearOfArchive = (year: number): ArchiveYear => {
    const y = totals?.y?.[String(year)]
    const seconds = new Map<string, number>()
    for (const [quarter, byCat] of Object.entries(ledger?.cats ?? {})) {
      if (!quarter.startsWith(`${year}-`)) continue
      for (const [cat, s] of Object.entries(byCat)) seconds.set(unfieldKey(cat), (seconds.get(unfieldKey(cat)) ?? 0) + s)
    }
    const days = checkIns.filter((c) => c.day.startsWith(`${year}-`))
    const sat = new Map<string, { best: number | null; passed: boolean }>()
    for (const a of attempts.filter((a) => yearOf(a.startedAt) === year && a.status !== 'started')) {
      const s = sat.get(a.examId) ?? { best: null, passed: false }
      if (a.status === 'submitted') sat.set(a.examId, { best: Math.max(s.best ?? 0, a.percent ?? 0), passed: s.passed || !!a.passed })
      else sat.set(a.examId, s)
    }
    const approved = reflections.filter((r) => r.status === 'approved' && r.reviewedAt && yearOf(r.reviewedAt) === year)
    const figures = { studySeconds: y?.s ?? 0, requiredChapters: y?.rc ?? 0, points: y?.p ?? 0 }
    const live = starsFor(rulesOn(versions, year < thisYear ? `${year}-12-31` : dayKey(now)), figures)
    return {
      year,
      studySeconds: Object.entries(ledger?.quarters ?? {}).reduce((n, [q, s]) => (q.startsWith(`${year}-`) ? n + s : n), 0),
      byCategory: [...seconds.entries()]
        .filter(([, s]) => s > 0)
        .map(([categoryId, s]) => ({ categoryId, categoryName: categoryName.get(categoryId) ?? categoryId, seconds: s }))
        .sort((a, b) => b.seconds - a.seconds),
      requiredChapters: figures.requiredChapters,
      booksCompleted: books
        .filter((b) => yearOf(b.completedAt!) === year)
        .map((b) => ({ bookId: b.id, title: bookTitles.get(b.id) ?? '', completedAt: new Date(b.completedAt!).toISOString() })),
      checkInDays: days.length,
      longestStreak: days.reduce((n, c) => Math.max(n, c.streak), 0),
      exams: [...sat.entries()].map(([examId, s]) => ({ examId, title: examTitles.get(examId)?.title ?? '', ...s })),
      reflectionsApproved: approved.length,
      reflectionsFeatured: approved.filter((r) => r.featured).length,
      points: figures.points,
      stars: frozen.get(year) ?? live,
      starsFrozen: frozen.has(year),
    }
  }
  return {
    member: { memberId: member._id, name: member.name, groupName: unitName.get(member.groupId) ?? '', branchName: unitName.get(member.branchId) ?? '' },
    years: [...years].sort((a, b) => b - a).map(yearOfArchive),
  }
}
