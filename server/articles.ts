import type { ArticleSummary, Member } from '../types'
import { dayKey } from './calendar'
import type { CloudDatabase } from './db/types'
import { authorize, ORGANISATION } from './permissions'

export const ARTICLES = 'articles'

/** Articles already published by today (Shanghai), newest first; retired ones left out. */
export async function latestArticles(db: CloudDatabase, caller: Member, now: Date, limit: number): Promise<ArticleSummary[]> {
  authorize(caller, 'articles.read', ORGANISATION)
  const { data } = await db
    .collection(ARTICLES)
    .where({ publishedOn: db.command.lte(dayKey(now)), status: db.command.neq('retired') })
    .field({ title: true, summary: true, source: true, publishedOn: true })
    .orderBy('publishedOn', 'desc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return data as ArticleSummary[]
}
