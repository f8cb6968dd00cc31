import type { ArticleCard, DailyPush } from '../../types'
import type { Member } from '../members'
import { addDays, dayKey } from '../../types/calendar'
import { categoryNames } from '../content/categories'
import { ARTICLES, type ArticleDoc } from '../content/docs'
import type { CloudDatabase } from '../db/types'
import { authorize, ORGANISATION } from '../permissions'
import { PUSHES, type PushDoc } from './pushes'

export const RECENT_DAYS = 7
export const RECOMMENDED_MAX = 5

const CARD_FIELDS = {
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
  const [{ data: pushData }, { data: recommendedData }, names] = await Promise.all([
    db
      .collection(PUSHES)
      .where({ day: _.gte(addDays(today, -RECENT_DAYS)).and(_.lte(today)) })
      .orderBy('day', 'desc')
      .limit(RECENT_DAYS + 1)
      .get(),
    db
      .collection(ARTICLES)
      .where({ status: 'published', recommended: true, publishedOn: _.lte(today) })
      .field(CARD_FIELDS)
      .orderBy('publishedOn', 'desc')
      .orderBy('_id', 'asc')
      .limit(RECOMMENDED_MAX)
      .get(),
    categoryNames(db),
  ])
  const pushes = pushData as PushDoc[]
  const ids = [...new Set(pushes.flatMap((p) => p.articleIds))]
  const { data: articleData } = ids.length
    ? await db
        .collection(ARTICLES)
        .where({ _id: _.in(ids) })
        .field(CARD_FIELDS)
        .limit(ids.length)
        .get()
    : { data: [] }
  const articles = new Map((articleData as ArticleDoc[]).map((a) => [a._id, a]))
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
    recommended: (recommendedData as ArticleDoc[]).map((a) => card(a, names, today)),
  }
}
