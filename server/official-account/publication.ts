import type { DayKey, Publication } from '../../types'
import type { ArticleDoc } from '../content/docs'
import { findDoc } from '../db/documents'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'
import { OfficialAccountError, type OfficialAccount } from './client'
import { bodyToHtml } from './html'

export const PUBLICATIONS = 'publications'

/** The official account's edition of one day's push, under `oa-<day>`; its progress is its resume point. */
export type PublicationDoc = Omit<Publication, 'kind'>

export const publicationId = (day: DayKey) => `oa-${day}`

/** A run that held the edition this long without finishing is taken to have died. */
export const PUBLISH_LEASE_MS = 10 * 60 * 1000

const UNANSWERED_SUBMIT = '提交发布后没有收到应答：请在公众号后台核对是否已发布（不会自动重新提交）'

const editionTitle = (articles: ArticleDoc[]) => (articles.length > 1 ? `${articles[0].title} 等 ${articles.length} 篇` : (articles[0]?.title ?? ''))

const errorText = (err: unknown) =>
  err instanceof OfficialAccountError ? `${err.api} 返回 ${err.errcode}：${err.errmsg}` : ((err as Error)?.message ?? String(err))

/**
 * Creates the day's draft and submits it for publishing, once. Without an account configured the
 * edition is only recorded (`recorded`). Progress is kept in the publication document: a later run
 * resumes where the last one stopped (a draft already made is submitted, not made again), and a
 * submission that got no answer is left `submitting` and never sent twice. Each attempt first
 * takes the edition (`publishing`, a conditional update), so concurrent runs never both act; a
 * run that died holding it is taken over after PUBLISH_LEASE_MS.
 */
export async function publishEdition(
  db: CloudDatabase,
  account: OfficialAccount | undefined,
  now: Date,
  day: DayKey,
  articles: ArticleDoc[],
): Promise<PublicationDoc> {
  const _id = publicationId(day)
  const at = now.toISOString()
  const fresh: PublicationDoc = {
    _id,
    day,
    title: editionTitle(articles),
    articleIds: articles.map((a) => a._id),
    status: account ? 'pending' : 'recorded',
    mediaId: null,
    publishId: null,
    error: null,
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  }
  try {
    await db.collection(PUBLICATIONS).add({ data: fresh })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const current = async () => (await findDoc<PublicationDoc>(db, PUBLICATIONS, _id))!
  if (!account) return current()

  const _ = db.command
  const save = (data: Partial<PublicationDoc>) =>
    db
      .collection(PUBLICATIONS)
      .doc(_id)
      .update({ data: { ...data, updatedAt: at } })
  const stale = new Date(now.getTime() - PUBLISH_LEASE_MS).toISOString()
  const claimed = await db
    .collection(PUBLICATIONS)
    .where(
      _.or([
        { _id, status: _.in(['pending', 'failed']) },
        { _id, status: 'publishing', updatedAt: _.lt(stale) },
      ]),
    )
    .update({ data: { status: 'publishing', attempts: _.inc(1), updatedAt: at } })
  if (claimed.stats.updated === 0) return current()
  const doc = await current()

  if (!account.thumbMediaId) {
    await save({ status: 'failed', error: '没有配置封面图片素材 OA_THUMB_MEDIA_ID' })
    return current()
  }
  let mediaId = doc.mediaId
  if (!mediaId) {
    try {
      const drafts = articles.map((a) => ({ title: a.title, author: a.source, digest: a.summary, content: bodyToHtml(a.body, a.source) }))
      mediaId = await account.addDraft(drafts, account.thumbMediaId)
    } catch (err) {
      await save({ status: 'failed', error: `创建草稿失败：${errorText(err)}` })
      return current()
    }
    await save({ mediaId, error: null })
  }
  await save({ status: 'submitting' })
  try {
    const publishId = await account.submit(mediaId)
    await save({ status: 'submitted', publishId, error: null })
  } catch (err) {
    if (err instanceof OfficialAccountError) await save({ status: 'failed', error: `提交发布失败：${errorText(err)}` })
    else await save({ error: UNANSWERED_SUBMIT })
  }
  return current()
}
