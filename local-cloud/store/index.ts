/**
 * Embedded, durable document store with the WeChat cloud database's API and semantics.
 * Cloud functions use `cloud.database()` in production and `openLocalStore(dir).database()`
 * locally and in tests; both satisfy `CloudDatabase` (server/db/types.ts).
 */
import type { CloudDatabase } from '../../server/db/types'
import { LocalDatabase } from './database'
import { Engine, type IndexDeclaration, type RecoveryReport } from './engine'

export { StoreLockedError } from './lock'
export { StoreClosedError, TransactionConflictError, type IndexDeclaration, type RecoveryReport } from './engine'
export { DEFAULT_AGGREGATE_LIMIT, DEFAULT_GET_LIMIT, MAX_AGGREGATE_LIMIT, MAX_GET_LIMIT } from './database'

export interface LocalStoreOptions {
  /** Clock for `db.serverDate()` and generated ids. Default: `() => new Date()`. */
  now?: () => Date
  /**
   * Journal size (bytes) that starts a background compaction; compaction also waits
   * until the journal is at least as large as the last snapshot. 0 disables it.
   * Default 64 MiB.
   */
  autoCompactBytes?: number
  /** Secondary indexes to serve queries from (the collections registry's). Default none. */
  indexes?: readonly IndexDeclaration[]
  /** The only collection names it opens, as the cloud has only those created (the registry's). Default any. */
  collections?: ReadonlySet<string>
  /** Told of each query no declared index could serve (see `servedBy`): for a bench to list them. */
  onUnserved?: (collection: string, fields: string[]) => void
}

export interface LocalStore {
  database(): CloudDatabase
  /** Flushes pending writes, waits for a running compaction, releases the directory. */
  close(): Promise<void>
  /** Writes a snapshot of the current state and drops the journals it covers. */
  compact(): Promise<void>
  /** Documents queries have tested since the store was opened (an index keeps it low). */
  examined(): number
  /** What recovery found when the store was opened. */
  readonly recovery: RecoveryReport
  readonly dir: string
}

export const DEFAULT_AUTO_COMPACT_BYTES = 64 * 1024 * 1024

export async function openLocalStore(dir: string, options: LocalStoreOptions = {}): Promise<LocalStore> {
  const engine = await Engine.open(dir, {
    now: options.now ?? (() => new Date()),
    autoCompactBytes: options.autoCompactBytes ?? DEFAULT_AUTO_COMPACT_BYTES,
    indexes: options.indexes ?? [],
    onUnserved: options.onUnserved,
  })
  const db = new LocalDatabase(engine, options.collections)
  return {
    database: () => db,
    close: () => engine.close(),
    compact: () => engine.compact(),
    examined: () => engine.examined,
    recovery: engine.recovery,
    dir: engine.dir,
  }
}
