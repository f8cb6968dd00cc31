import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { instrument } from '../../server/db/instrumented'
import type { CloudDatabase } from '../../server/db/types'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'
import { REGISTERED } from '../../server/db/collections'

/** One bench: `npm run bench -- <name>` runs it alone. */
export interface BenchModule {
  name: string
  title: string
  run(): Promise<void>
}

/** Prints one figure, aligned. */
export const figure = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`)

/**
 * The database with every round trip counted: each call that answers a promise (get, count, add,
 * update, set, remove, an aggregate's end) is one request to the cloud database.
 */
export function countingDatabase(db: CloudDatabase): { db: CloudDatabase; roundTrips(): number } {
  let n = 0
  return { db: instrument(db, () => void n++), roundTrips: () => n }
}

/**
 * A local store in a fresh temporary directory, removed by `dispose`. `unserved` counts the queries
 * no declared index could serve in the cloud, by collection and the fields they filter on.
 */
export async function temporaryStore(now: () => Date): Promise<{ store: LocalStore; unserved: Map<string, number>; dispose(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-bench-'))
  const unserved = new Map<string, number>()
  const onUnserved = (collection: string, fields: string[]) => {
    const key = `${collection} (${fields.join(', ')})`
    unserved.set(key, (unserved.get(key) ?? 0) + 1)
  }
  // No background compaction: a snapshot of a million documents mid-run would be measured too.
  const store = await openLocalStore(dir, { now, autoCompactBytes: 0, ...REGISTERED, onUnserved })
  return {
    store,
    unserved,
    async dispose() {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The queries of a run no declared index could serve (`temporaryStore`'s `unserved`), one line each. */
export function printUnserved(unserved: Map<string, number>): void {
  console.log('  queries no declared index serves (server/db/collections.ts), by collection and fields: count')
  for (const [query, n] of unserved) figure(`  ${query}`, String(n))
  if (unserved.size === 0) console.log('    none')
}

/** Median and 99th percentile of samples. */
export function percentiles(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { median: at(0.5), p99: at(0.99) }
}

export const ms = (n: number) => `${n.toFixed(1)} ms`
export const seconds = (msTotal: number) => `${(msTotal / 1000).toFixed(1)} s`
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`
