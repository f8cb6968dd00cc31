/**
 * Where a generated file (an export) goes so that an admin can download it: WeChat cloud storage
 * with a temporary link in the cloud, the local store with a download path in the local cloud.
 */
export interface StoredFile {
  /** Where to download it. */
  url: string
  /** The link stops working then. */
  expiresAt: string
}

export interface FileStore {
  save(file: { name: string; bytes: Buffer; contentType: string }, now: Date): Promise<StoredFile>
}

/** How long a download link stays valid. */
export const LINK_SECONDS = 2 * 3600
