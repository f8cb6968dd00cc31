import { instrument, type RoundTripHook } from '../../server/db/instrumented'
import { createLocalPlatform } from '../../server/local-platform'
import type { Messenger, SubscribeMessage } from '../../server/notify/messenger'
import { installPlatform } from '../../server/platform'
import type { CloudDatabase } from '../../server/db/types'
import type { FunctionResult } from '../../types'
import type { TestCloud } from './cloud'
import { seeded } from '../../local-cloud/seeded-random'

/** A messenger that records every message it was asked to send. */
export function countingMessenger(): Messenger & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = []
  return { channel: 'outbox', sent, send: async (m) => (sent.push(m), { ok: true }) }
}

export interface InterruptedRuns {
  /** Runs that stopped (the others found nothing left to do or finished). */
  interrupted: number
  /** The last run's answer, made without interruption. */
  result: FunctionResult<unknown>
}

/**
 * Runs a timer function `runs` times, each stopped at a random database round trip in 1..`maxStop`
 * (before the call is made, or with its answer lost after a write), then once more without
 * interruption: that run must finish what the others left.
 */
export async function runInterrupted(
  cloud: TestCloud,
  fn: { main(event: unknown): Promise<FunctionResult<unknown>> },
  options: { seed: number; runs: number; maxStop: number; messenger: Messenger },
): Promise<InterruptedRuns> {
  const random = seeded(options.seed)
  let interrupted = 0
  for (let run = 0; run < options.runs; run++) {
    const stopAt = 1 + Math.floor(random() * options.maxStop)
    const lost = random() < 0.5
    const { ok } = await withRoundTrips(cloud, stopper(stopAt, lost), () => cloud.call(fn, undefined, { Type: 'Timer' }), options.messenger)
    if (!ok) interrupted += 1
  }
  return { interrupted, result: await cloud.call(fn, undefined, { Type: 'Timer' }) }
}

/** Stops at round trip `stopAt`: before the call is made, or (`lost`) with its answer lost after it. */
export function stopper(stopAt: number, lost: boolean): RoundTripHook {
  let trips = 0
  return () => {
    trips += 1
    if (trips === stopAt && lost) return 'lost'
    if (trips >= stopAt) throw new Error(`stopped at round trip ${stopAt}`)
    return undefined
  }
}

/** Runs `run` with `hook` on every database round trip of the functions it calls. */
export async function withRoundTrips<T>(cloud: TestCloud, hook: RoundTripHook, run: () => Promise<T>, messenger: Messenger = countingMessenger()): Promise<T> {
  const install = (db: CloudDatabase) => installPlatform(createLocalPlatform(db, cloud.clock, { messenger }))
  install(instrument(cloud.db, hook))
  try {
    return await run()
  } finally {
    install(cloud.db)
  }
}

/** Runs `run` with the database's round trips recorded, as `"<method> <collection>"`. */
export async function recordTrips<T>(cloud: TestCloud, run: () => Promise<T>): Promise<{ result: T; trips: string[] }> {
  const trips: string[] = []
  const result = await withRoundTrips(cloud, (method, collection) => void trips.push(`${method} ${collection}`), run)
  return { result, trips }
}
