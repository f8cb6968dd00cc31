import type { CloudDatabase } from './db/types'
import type { Messenger } from './notify/messenger'
import type { OfficialAccount } from './official-account/client'
import type { ContentChecker } from './security/content-check'
import type { FileStore } from './files/file-store'
import type { Speech } from './speech/speech'

/**
 * What a cloud function needs from where it runs: the database, the caller's identity and the
 * clock. WeChat cloud supplies these through wx-server-sdk; the local cloud and the tests install
 * their own before any function runs.
 */
export interface Platform {
  readonly db: CloudDatabase
  /** The caller's OPENID from the trusted invocation context, never from the payload. */
  callerOpenId(): string | undefined
  now(): Date
  /** Where subscribe messages go: WeChat's openapi in the cloud, the outbox locally. */
  readonly messenger: Messenger
  /** The official account's API when configured; without it publications are recorded only. */
  readonly officialAccount: OfficialAccount | undefined
  /** The content check user-written text passes before it is stored: msgSecCheck in the cloud, a word list locally. */
  readonly contentCheck: ContentChecker
  /** Where exports go for download: cloud storage with a temporary link, or the local store. */
  readonly files: FileStore
  /** The speech engine for 听全文 when configured: Tencent Cloud TTS in the cloud, espeak-ng in the local cloud. */
  readonly speech: Speech | undefined
}

let current: Platform | undefined

export function installPlatform(p: Platform): void {
  current = p
}

export function platform(): Platform {
  // A deployed bundle never installs a platform: it runs on WeChat cloud.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only in WeChat cloud, never by the local cloud or tests
  if (!current) current = require('./wxcloud').createWxCloudPlatform() as Platform
  return current
}
