import type { z } from 'zod'
import type { GetMyStudyOutput } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey, quarterKey, weekKey, yearKey } from '../../types/calendar'
import { categoryNames } from '../content/categories'
import { BOOKS, type BookDoc } from '../content/docs'
import type { CloudDatabase } from '../db/types'
import { authorize, memberTarget } from '../permissions'
import { bookProgress, isoOrNull, readLedger } from './ledger'
import { fieldKey, unfieldKey } from '../db/documents'
import { requiredBooks } from './library'
import { loadStudyRules } from './rules'

type Output = z.output<typeof GetMyStudyOutput>

export const CHART_DAYS = 15

/**
 * 我的学习: read from the member's ledger (one document get) and never from heartbeats; every
 * number is the sum of seconds credited, so the page and the record always agree.
 */
export async function myStudy(db: CloudDatabase, caller: Member, now: Date): Promise<Output> {
  authorize(caller, 'study.read', memberTarget(caller))
  const today = dayKey(now)
  const year = yearKey(now)
  const quarter = quarterKey(now)
  const week = weekKey(now)
  const [rules, ledger, names, required] = await Promise.all([
    loadStudyRules(db),
    readLedger(db, caller._id, ['days', 'weeks', 'quarters', 'cats', 'books']),
    categoryNames(db),
    requiredBooks(db, caller, now),
  ])
  const quarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`)
  const yearSeconds = quarters.reduce((sum, q) => sum + (ledger?.quarters?.[q] ?? 0), 0)
  const weekSeconds = ledger?.weeks?.[week] ?? 0

  const byCategory = new Map<string, number>()
  for (const q of quarters) {
    for (const [key, seconds] of Object.entries(ledger?.cats?.[q] ?? {})) byCategory.set(key, (byCategory.get(key) ?? 0) + seconds)
  }

  const completed = Object.values(ledger?.books ?? {}).filter((b) => b.completedAt)
  const completedDocs = completed.length
    ? ((
        await db
          .collection(BOOKS)
          .where({ _id: db.command.in(completed.map((b) => b.id)) })
          .field({ title: true })
          .limit(1000)
          .get()
      ).data as Pick<BookDoc, '_id' | 'title'>[])
    : []
  const titles = new Map(completedDocs.map((b) => [b._id, b.title]))

  return {
    today,
    year: { key: year, seconds: yearSeconds },
    quarter: { key: quarter, seconds: ledger?.quarters?.[quarter] ?? 0 },
    week: { key: week, seconds: weekSeconds },
    todaySeconds: ledger?.days?.[today] ?? 0,
    last15Days: Array.from({ length: CHART_DAYS }, (_, i) => {
      const day = addDays(today, i - (CHART_DAYS - 1))
      return { day, seconds: ledger?.days?.[day] ?? 0 }
    }),
    byCategory: [...byCategory]
      .filter(([, seconds]) => seconds > 0)
      .map(([key, seconds]) => ({ categoryId: unfieldKey(key), categoryName: names.get(unfieldKey(key)) ?? '未分类', seconds }))
      .sort((a, b) => b.seconds - a.seconds || (a.categoryId < b.categoryId ? -1 : 1)),
    booksCompleted: completed
      .map((b) => ({ bookId: b.id, title: titles.get(b.id) ?? '（已下架的书）', completedAt: isoOrNull(b.completedAt)! }))
      .sort((a, b) => b.completedAt.localeCompare(a.completedAt)),
    requiredBooks: required
      .map((b) => ({ ...bookProgress(b._id, ledger?.books?.[fieldKey(b._id)], b.chapterCount), title: b.title }))
      // By title as the library orders it (code points, as the database does).
      .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)),
    weeklyTarget: { minutes: rules.weeklyTargetMinutes, met: weekSeconds >= rules.weeklyTargetMinutes * 60 },
  }
}
