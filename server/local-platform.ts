import { AsyncLocalStorage } from 'node:async_hooks'
import type { CloudDatabase } from './db/types'
import { outboxMessenger } from './notify/messenger'
import type { Platform } from './platform'
import { localFiles } from './files/local-files'
import { blockedWordsFromEnv, wordListChecker } from './security/word-list-check'

const caller = new AsyncLocalStorage<string | undefined>()

/** Runs `fn` as a call made by `openid` (undefined: a call with no user, like a timer). */
export function runAsCaller<T>(openid: string | undefined, fn: () => Promise<T>): Promise<T> {
  return caller.run(openid, fn)
}

/** A clock that follows real time until fixed, so time-driven behaviour can be tested. */
export class Clock {
  private fixed: Date | undefined

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date()
  }

  fix(at: Date | undefined): void {
    this.fixed = at ? new Date(at) : undefined
  }

  isFixed(): boolean {
    return this.fixed !== undefined
  }
}

/**
 * The platform of the local cloud and the tests: the embedded store, a settable clock, messages
 * and official-account publications recorded in the outbox (whatever the environment says), text
 * checked against the configured word list, exports kept in the store for download, speech by the
 * engine given (the local cloud's espeak-ng; none in tests that do not ask for one).
 */
export function createLocalPlatform(
  db: CloudDatabase,
  clock: Clock,
  ports: Partial<Pick<Platform, 'messenger' | 'officialAccount' | 'contentCheck' | 'files' | 'speech'>> = {},
): Platform {
  return {
    db,
    callerOpenId: () => caller.getStore(),
    now: () => clock.now(),
    messenger: ports.messenger ?? outboxMessenger,
    officialAccount: ports.officialAccount,
    contentCheck: ports.contentCheck ?? wordListChecker(blockedWordsFromEnv()),
    files: ports.files ?? localFiles(db),
    speech: ports.speech,
  }
}
