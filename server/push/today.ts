import type { ArticleCard, DailyPush } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey } from '../../types/calendar'
import { categoryNames } from '../content/categories'
import { ARTICLES, type ArticleDoc } from '../content/docs'
import { docsByIds } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { authorize, ORGANISATION } from '../permissions'
import { PUSHES, type PushDoc } from './pushes'

export const RECENT_DAYS = 7
export const RECOMMENDED_MAX = 5

const CARD_FIELDS: Record<string, true> = {
  title: true,
  summary: true,
  source: true,
  publishedOn: true,
  minutes: true,
  categoryId: true,
  audioUrl: true,
  videoUrl: true,
  recommended: true,
  status: true,
}

function card(a: ArticleDoc, names: Map<string, string>, day: string): ArticleCard {
  return {
    _id: a._id,
    title: a.title,
    summary: a.summary,
    source: a.source,
    publishedOn: a.publishedOn ?? day,
    minutes: a.minutes,
    categoryId: a.categoryId,
    categoryName: names.get(a.categoryId) ?? '',
    hasAudio: Boolean(a.audioUrl),
    hasVideo: Boolean(a.videoUrl),
    recommended: a.recommended,
  }
}

/** 今日学习: today's push, the pushes of the week before, and the recommended articles. */
export async function todayView(db: CloudDatabase, caller: Member, now: Date) {
  authorize(caller, 'articles.read', ORGANISATION)
  const _ = db.command
  const today = dayKey(now)
  const [{ data: pushData }, names] = await Promise.all([
    db
      .collection(PUSHES)
      .where({ day: _.gte(addDays(today, -RECENT_DAYS)).and(_.lte(today)) })
      .orderBy('day', 'desc')
      .limit(RECENT_DAYS + 1)
      .get(),
    categoryNames(db),
  ])
  const pushes = pushData as PushDoc[]
  const ids = [...new Set(pushes.flatMap((p) => p.articleIds))]
  const recommendedNow = { status: 'published', recommended: true, publishedOn: _.lte(today) }
  // The pushes' articles and the recommended ones in one query, newest first: the recommended to
  // show are within the first ids.length + RECOMMENDED_MAX (no more than ids.length others come
  // before them); a pushed one beyond that is read apart.
  const { data } = await db
    .collection(ARTICLES)
    .where(ids.length > 0 ? _.or([{ _id: _.in(ids) }, recommendedNow]) : recommendedNow)
    .field(CARD_FIELDS)
    .orderBy('publishedOn', 'desc')
    .orderBy('_id', 'asc')
    .limit(ids.length + RECOMMENDED_MAX)
    .get()
  const found = data as ArticleDoc[]
  const articles = new Map(found.map((a) => [a._id, a]))
  const beyond = ids.filter((id) => !articles.has(id))
  for (const [id, a] of await docsByIds<ArticleDoc>(db, ARTICLES, beyond, CARD_FIELDS)) articles.set(id, a)
  const recommended = found.filter((a) => a.status === 'published' && a.recommended && !!a.publishedOn && a.publishedOn <= today).slice(0, RECOMMENDED_MAX)
  const pushView = (p: PushDoc): DailyPush => ({
    day: p.day,
    items: p.articleIds
      .map((id) => articles.get(id))
      .filter((a): a is ArticleDoc => a !== undefined && a.status !== 'retired')
      .map((a) => card(a, names, p.day)),
  })
  const views = pushes.map(pushView)
  return {
    today,
    push: views.find((p) => p.day === today && p.items.length > 0) ?? null,
    recent: views.filter((p) => p.day !== today && p.items.length > 0),
    recommended: recommended.map((a) => card(a, names, today)),
  }
}
