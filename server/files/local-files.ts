import { randomBytes } from 'node:crypto'
import type { CloudDatabase } from '../db/types'
import { findDoc } from '../db/documents'
import { LINK_SECONDS, type FileStore } from './file-store'

/** Files of the local cloud, kept in its store: `localFiles/<id>`, served at /local/files/<id>. */
export const LOCAL_FILES = 'localFiles'

export interface LocalFileDoc {
  _id: string
  name: string
  contentType: string
  /** The bytes, base64. */
  data: string
  expiresAt: string
}

export const localFilePath = (id: string) => `/local/files/${id}`

export function localFiles(db: CloudDatabase): FileStore {
  return {
    async save({ name, bytes, contentType }, now) {
      const doc: LocalFileDoc = {
        _id: `file-${randomBytes(12).toString('hex')}`,
        name,
        contentType,
        data: bytes.toString('base64'),
        expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
      }
      await db.collection(LOCAL_FILES).add({ data: doc })
      return { url: localFilePath(doc._id), expiresAt: doc.expiresAt }
    },
  }
}

/** A stored file still within its link's life, or undefined. */
export async function readLocalFile(db: CloudDatabase, id: string, now: Date): Promise<{ name: string; contentType: string; bytes: Buffer } | undefined> {
  const doc = await findDoc<LocalFileDoc>(db, LOCAL_FILES, id)
  if (!doc || Date.parse(doc.expiresAt) <= now.getTime()) return undefined
  return { name: doc.name, contentType: doc.contentType, bytes: Buffer.from(doc.data, 'base64') }
}
