import { mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { CloudDatabase } from '../server/db/types'
import { openLocalStore } from './store'
import { Clock, createLocalPlatform } from '../server/local-platform'
import { officialAccountFromEnv } from '../server/official-account/client'
import { localOfficialAccount } from '../server/official-account/local-drafts'
import { installPlatform } from '../server/platform'
import { loadFunctions, type FunctionRegistry } from './functions'
import { createRequestHandler } from './http'
import { runTimer, startScheduler, type Log, type Scheduler } from './scheduler'
import { seedIfEmpty, type SeedReport } from './seed'
import { keyMemberNames } from '../server/name-order'
import { espeakSpeech } from '../server/speech/espeak'
import { loadSessions } from './session'
import { REGISTERED } from '../server/db/collections'

export const PROJECT_ROOT = path.resolve(__dirname, '..')
export const DEFAULT_FUNCTIONS_DIR = path.join(PROJECT_ROOT, 'cloudfunctions')
export const DEFAULT_STATIC_DIR = path.join(PROJECT_ROOT, 'dist', 'h5')
/** Where the local speech engine keeps its recordings, inside the data directory. */
const speechDirOf = (dataDir: string) => path.join(dataDir, 'speech')

export interface LocalCloudOptions {
  /** The embedded store's directory (created when missing); one process at a time. */
  dataDir: string
  /** 0 picks a free port. Default 8787. */
  port?: number
  /** Interface to listen on. Default 127.0.0.1: the local endpoints are for this machine only. */
  host?: string
  /** Default `<root>/cloudfunctions`. */
  functionsDir?: string
  /** Default `<root>/dist/h5`. */
  staticDir?: string
  /** Fixes the clock at this instant (the store's serverDate follows it). */
  now?: Date
  /** Run timer triggers on real time. Default true; ignored while the clock is fixed. */
  schedule?: boolean
  /** Where run and call logs go. Default console.log. */
  log?: Log
  /** Asked for at sign-in; needed when `host` is not this machine's (see isLoopback). */
  passphrase?: string
}

/** An address only this machine reaches. */
export const isLoopback = (host: string | undefined) => !host || ['127.0.0.1', 'localhost', '::1'].includes(host)

export interface LocalCloud {
  url: string
  port: number
  clock: Clock
  db: CloudDatabase
  functions: FunctionRegistry
  seed: SeedReport
  /** Runs a timer function now, as its trigger would, and answers its result. */
  fire(name: string): Promise<unknown>
  stop(): Promise<void>
}

interface Core {
  clock: Clock
  db: CloudDatabase
  functions: FunctionRegistry
  seed: SeedReport
  close(): Promise<void>
}

/** Opens the store, seeds it when empty, installs the local platform and loads the functions. */
async function openCore(options: { dataDir: string; functionsDir?: string; now?: Date }): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true })
  const clock = new Clock()
  if (options.now) clock.fix(options.now)
  // The registry describes this project's functions; another set (the tests' fixtures) keeps its own collections.
  const registry = options.functionsDir ? { indexes: REGISTERED.indexes } : REGISTERED
  const store = await openLocalStore(options.dataDir, { now: () => clock.now(), ...registry })
  try {
    const db = store.database()
    const seed = await seedIfEmpty(db, clock.now())
    // Records from before names were keyed for 拼音 order get their key once.
    await keyMemberNames(db)
    // The 公众号 named by OA_APPID/OA_SECRET, else the local stand-in whose editions can be read here.
    // 听全文 by espeak-ng's Mandarin voice, recordings kept beside the store.
    installPlatform(
      createLocalPlatform(db, clock, {
        officialAccount: officialAccountFromEnv() ?? localOfficialAccount(db, () => clock.now()),
        speech: espeakSpeech(speechDirOf(options.dataDir)),
      }),
    )
    const functions = loadFunctions(options.functionsDir ?? DEFAULT_FUNCTIONS_DIR)
    return { clock, db, functions, seed, close: () => store.close() }
  } catch (err) {
    await store.close()
    throw err
  }
}

function timerFunction(functions: FunctionRegistry, name: string) {
  const fn = functions.get(name)
  if (!fn) throw new Error(`云函数不存在: ${name}`)
  if (!fn.timer) throw new Error(`云函数 ${name} 没有定时触发器`)
  return fn
}

/**
 * Starts the local cloud: store (seeded when empty), local platform, functions, HTTP server and
 * timers. One per process: the platform the functions see is process-wide.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const log = options.log ?? ((line: string) => console.log(line))
  const core = await openCore(options)
  const { clock, db, functions } = core
  let scheduler: Scheduler | undefined
  let server: Server | undefined
  try {
    const sessions = await loadSessions(options.dataDir)
    const handler = createRequestHandler({
      db,
      clock,
      functions,
      sessions,
      staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
      scheduler: () => scheduler,
      log,
      // The name it was started on is answered too (0.0.0.0 and :: are no one's name).
      hosts: options.host && !['0.0.0.0', '::'].includes(options.host) ? [options.host.includes(':') ? `[${options.host}]` : options.host] : [],
      passphrase: options.passphrase,
      speechDir: speechDirOf(options.dataDir),
    })
    const srv = createServer((req, res) => void handler(req, res))
    server = srv
    const host = options.host ?? '127.0.0.1'
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject)
      srv.listen(options.port ?? 8787, host, () => {
        srv.off('error', reject)
        resolve()
      })
    })
    if (options.schedule ?? true) {
      scheduler = startScheduler(functions, clock, log)
      // The texts waiting to be read aloud (all of a new demo) are recorded now, not at the next half hour.
      // (`content`'s trigger, server/speech/timer.ts).
      if (functions.get('content')?.timer) void runTimer(timerFunction(functions, 'content'), clock.now(), log).catch(() => undefined)
    }
  } catch (err) {
    scheduler?.stop()
    server?.close()
    await core.close()
    throw err
  }

  const port = (server.address() as AddressInfo).port
  const urlHost = options.host && !['127.0.0.1', '0.0.0.0', '::'].includes(options.host) ? options.host : '127.0.0.1'
  let stopping: Promise<void> | undefined
  const srv = server
  return {
    url: `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`,
    port,
    clock,
    db,
    functions,
    seed: core.seed,
    fire: async (name) => runTimer(timerFunction(functions, name), clock.now(), log),
    stop() {
      stopping ??= (async () => {
        scheduler?.stop()
        await new Promise<void>((resolve) => {
          srv.close(() => resolve())
          srv.closeAllConnections()
        })
        await core.close()
      })()
      return stopping
    },
  }
}

/**
 * Runs one timer function against a data dir without starting a server: for `npm run fire`
 * when no local cloud is running.
 */
export async function fireOnce(options: { dataDir: string; name: string; functionsDir?: string; now?: Date; log?: Log }): Promise<unknown> {
  const log = options.log ?? ((line: string) => console.log(line))
  const core = await openCore(options)
  try {
    return await runTimer(timerFunction(core.functions, options.name), core.clock.now(), log)
  } finally {
    await core.close()
  }
}
