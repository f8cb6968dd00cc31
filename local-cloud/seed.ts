import { addDays, dayKey } from '../server/calendar'
import type { CloudDatabase } from '../server/db/types'
import { articles } from './seed/articles'
import { members, units } from './seed/organisation'

export interface SeedReport {
  seeded: boolean
  units: number
  members: number
  articles: number
}

/**
 * Writes the demo organisation, its members and a few articles when the store has no units yet.
 * Every document has a fixed id, so seeding is idempotent; articles are dated on the last few
 * Shanghai days before `now`.
 */
export async function seedIfEmpty(db: CloudDatabase, now: Date): Promise<SeedReport> {
  const { total } = await db.collection('units').count()
  if (total > 0) return { seeded: false, units: 0, members: 0, articles: 0 }

  const today = dayKey(now)
  const put = (collection: string, { _id, ...data }: { _id: string } & Record<string, unknown>) =>
    db.collection(collection).doc(_id).set({ data })

  for (const { daysAgo, ...article } of articles) {
    await put('articles', { ...article, publishedOn: addDays(today, -daysAgo) })
  }
  for (const member of members) await put('members', { ...member })
  // Units last: they mark a finished seed, so an interrupted one is redone on the next start.
  for (const unit of units) await put('units', { ...unit })
  return { seeded: true, units: units.length, members: members.length, articles: articles.length }
}
