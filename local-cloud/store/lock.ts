/**
 * Single-process ownership of a store directory: a `LOCK` file holding the owner's pid.
 * A lock left by a process that no longer exists is taken over.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'

export const LOCK_FILE = 'LOCK'

/**
 * Lock files this process holds. A lock naming our own pid that is not in this set was
 * left by an earlier process that had the same pid (pid reuse, e.g. pid 1 in a container).
 * Kept on globalThis so that several copies of this module in one process agree.
 */
const HELD_KEY = Symbol.for('xuexiquan.local-store.held-locks')
const held: Set<string> =
  ((globalThis as Record<symbol, unknown>)[HELD_KEY] as Set<string> | undefined) ?? ((globalThis as Record<symbol, unknown>)[HELD_KEY] = new Set<string>())

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export class StoreLockedError extends Error {
  readonly pid: number
  constructor(dir: string, pid: number) {
    super(
      `local store ${dir} is already open in process ${pid}` +
        (pid === process.pid ? ' (this process)' : '') +
        `; close it first, or delete ${path.join(dir, LOCK_FILE)} if that process is not a store`,
    )
    this.name = 'StoreLockedError'
    this.pid = pid
  }
}

export interface DirLock {
  release(): void
}

function readPid(file: string): number | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').trim()
    return text === '' ? undefined : Number(text)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

function createLockFile(file: string): boolean {
  // Write the pid to a private file, then link it into place: the lock file never exists
  // without its content, and link() fails if a lock is already there.
  const tmp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, String(process.pid))
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  try {
    fs.linkSync(tmp, file)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw err
  } finally {
    fs.rmSync(tmp, { force: true })
  }
}

export function acquireLock(dir: string): DirLock {
  const file = path.join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!createLockFile(file)) {
      const owner = readPid(file)
      const ownerAlive = owner !== undefined && Number.isFinite(owner) && pidAlive(owner) && (owner !== process.pid || held.has(file))
      if (ownerAlive) throw new StoreLockedError(dir, owner)
      // Stale: its owner is gone. Move it aside atomically, then make sure what we moved
      // is the stale lock and not one another process has just taken.
      const aside = `${file}.stale-${process.pid}-${Date.now()}`
      try {
        fs.renameSync(file, aside)
      } catch (renameErr) {
        if ((renameErr as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw renameErr
      }
      const moved = readPid(aside)
      if (moved !== owner && moved !== undefined && pidAlive(moved)) {
        try {
          fs.linkSync(aside, file)
        } catch {
          /* someone else holds it now; the next attempt decides */
        }
      }
      fs.rmSync(aside, { force: true })
      continue
    }
    let released = false
    held.add(file)
    return {
      release() {
        if (released) return
        released = true
        held.delete(file)
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true })
      },
    }
  }
  const owner = readPid(file)
  throw new StoreLockedError(dir, owner ?? -1)
}
