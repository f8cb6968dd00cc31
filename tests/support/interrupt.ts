import { instrument } from '../../server/db/instrumented'
import { createLocalPlatform } from '../../server/local-platform'
import type { Messenger, SubscribeMessage } from '../../server/notify/messenger'
import { installPlatform } from '../../server/platform'
import type { CloudDatabase } from '../../server/db/types'
import type { FunctionResult } from '../../types'
import type { TestCloud } from './cloud'

/** A messenger that records every message it was asked to send. */
export function countingMessenger(): Messenger & { sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = []
  return { channel: 'outbox', sent, send: async (m) => (sent.push(m), { ok: true }) }
}

/** A small seeded generator (mulberry32): the same seed, the same interruptions. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
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
  const install = (db: CloudDatabase) => installPlatform(createLocalPlatform(db, cloud.clock, { messenger: options.messenger }))
  let interrupted = 0
  try {
    for (let run = 0; run < options.runs; run++) {
      const stopAt = 1 + Math.floor(random() * options.maxStop)
      const lost = random() < 0.5
      let trips = 0
      install(
        instrument(cloud.db, () => {
          trips += 1
          if (trips === stopAt && lost) return 'lost'
          if (trips >= stopAt) throw new Error(`stopped at round trip ${stopAt}`)
          return undefined
        }),
      )
      if (!(await cloud.call(fn, undefined, { Type: 'Timer' })).ok) interrupted += 1
    }
  } finally {
    install(cloud.db)
  }
  return { interrupted, result: await cloud.call(fn, undefined, { Type: 'Timer' }) }
}
