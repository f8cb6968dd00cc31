import { randomBytes } from 'node:crypto'
import type { CloudDatabase } from '../db/types'
import { findDoc } from '../db/documents'
import type { DraftArticle, OfficialAccount } from './client'

/**
 * The local cloud's 公众号: drafts and publishing kept in its store (`localDrafts/<media id>`), so
 * the daily push runs its whole official-account path and each edition can be read at
 * /local/official-account/<media id>, as followers would see it.
 */
export const LOCAL_DRAFTS = 'localDrafts'

export interface LocalDraftDoc {
  _id: string
  articles: DraftArticle[]
  createdAt: string
  publishId: string | null
  publishedAt: string | null
}

export const localDraftPath = (mediaId: string) => `/local/official-account/${mediaId}`

export function localOfficialAccount(db: CloudDatabase, now: () => Date): OfficialAccount {
  return {
    thumbMediaId: 'local-cover',
    async addDraft(articles) {
      const doc: LocalDraftDoc = {
        _id: `local-draft-${randomBytes(8).toString('hex')}`,
        articles,
        createdAt: now().toISOString(),
        publishId: null,
        publishedAt: null,
      }
      await db.collection(LOCAL_DRAFTS).add({ data: doc })
      return doc._id
    },
    async submit(mediaId) {
      const publishId = `local-publish-${mediaId.slice('local-draft-'.length)}`
      const { stats } = await db
        .collection(LOCAL_DRAFTS)
        .doc(mediaId)
        .update({ data: { publishId, publishedAt: now().toISOString() } })
      if (stats.updated !== 1) throw new Error(`没有这份草稿：${mediaId}`)
      return publishId
    },
  }
}

export const readLocalDraft = (db: CloudDatabase, mediaId: string) => findDoc<LocalDraftDoc>(db, LOCAL_DRAFTS, mediaId)
