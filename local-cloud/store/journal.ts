/**
 * Append-only journal with group commit.
 *
 * Each record is one framed line holding the physical effect of one operation
 * (the full new state of every document it wrote, or the ids it deleted), so replay
 * is idempotent. Records appended while a flush is in progress, or in the same
 * synchronous run, share one write + fdatasync. Journals are numbered by generation
 * (`journal-<gen>.log`); a snapshot of generation N contains the effect of every
 * journal up to N.
 */
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { frameLine } from './framing'

export type JournalOp = ['p', string, Record<string, unknown>] | ['d', string, string | number]

interface Entry {
  payload: () => string
  resolve: () => void
  reject: (err: Error) => void
}

interface Batch {
  kind: 'batch'
  gen: number
  entries: Entry[]
}

interface Barrier {
  kind: 'barrier'
  resolve: () => void
  reject: (err: Error) => void
}

export const JOURNAL_PATTERN = /^journal-(\d+)\.log$/

export function journalName(gen: number): string {
  return `journal-${String(gen).padStart(10, '0')}.log`
}

export async function fsyncDir(dir: string): Promise<void> {
  const fh = await fsp.open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

export class JournalWriter {
  private gen: number
  private current: Entry[] = []
  private queue: Array<Batch | Barrier> = []
  private fh: fsp.FileHandle | undefined
  private fhGen = -1
  private running = false
  private scheduled = false
  private failure: Error | undefined
  private idle: Array<() => void> = []
  /** Bytes appended to journals since they were last folded into a snapshot. */
  bytesWritten = 0

  constructor(
    private readonly dir: string,
    startGen: number,
    private readonly onFlushed: () => void,
  ) {
    this.gen = startGen
  }

  get failed(): Error | undefined {
    return this.failure
  }

  /** Queues a record; resolves once it is on disk (fdatasync done). */
  append(payload: () => string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<void>((resolve, reject) => {
      this.current.push({ payload, resolve, reject })
      this.schedule()
    })
  }

  /**
   * Ends the current generation: records appended from now on go to the next one.
   * Returns the generation ended and a promise for all of its records being on disk.
   */
  rotate(): { gen: number; flushed: Promise<void> } {
    const ended = this.gen
    this.seal()
    this.gen += 1
    const flushed = new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'barrier', resolve, reject })
    })
    this.schedule()
    return { gen: ended, flushed }
  }

  /**
   * Resolves once every record appended so far is on disk; rejects if the journal failed, since
   * records applied in memory may then never reach it.
   */
  barrier(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    if (!this.running && this.current.length === 0 && this.queue.length === 0) return Promise.resolve()
    this.seal()
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'barrier', resolve, reject })
      this.schedule()
    })
  }

  /** Resolves when everything appended so far has been flushed (or failed). */
  drain(): Promise<void> {
    if (!this.running && this.current.length === 0 && this.queue.length === 0) return Promise.resolve()
    return new Promise<void>((resolve) => {
      this.idle.push(resolve)
      this.schedule()
    })
  }

  async close(): Promise<void> {
    await this.drain()
    if (this.fh) {
      const fh = this.fh
      this.fh = undefined
      this.fhGen = -1
      await fh.close()
    }
  }

  private seal(): void {
    if (this.current.length === 0) return
    this.queue.push({ kind: 'batch', gen: this.gen, entries: this.current })
    this.current = []
  }

  private schedule(): void {
    if (this.scheduled || this.running) return
    this.scheduled = true
    // A promise job, not a timer: records appended in the same synchronous run share the
    // flush, and fake timers in tests cannot stall durability.
    void Promise.resolve().then(() => {
      this.scheduled = false
      return this.run()
    })
  }

  private async run(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (;;) {
        this.seal()
        const item = this.queue.shift()
        if (!item) break
        if (item.kind === 'barrier') {
          if (this.failure) item.reject(this.failure)
          else item.resolve()
          continue
        }
        if (this.failure) {
          for (const e of item.entries) e.reject(this.failure)
          continue
        }
        try {
          await this.writeBatch(item)
          for (const e of item.entries) e.resolve()
        } catch (err) {
          this.failure = err instanceof Error ? err : new Error(String(err))
          for (const e of item.entries) e.reject(this.failure)
        }
        this.onFlushed()
      }
    } finally {
      this.running = false
      const waiters = this.idle
      this.idle = []
      for (const w of waiters) w()
      if (this.current.length || this.queue.length) this.schedule()
    }
  }

  private async writeBatch(batch: Batch): Promise<void> {
    let fh = this.fh
    if (!fh || this.fhGen !== batch.gen) {
      if (fh) {
        this.fh = undefined
        await fh.close()
      }
      fh = await fsp.open(path.join(this.dir, journalName(batch.gen)), 'a')
      this.fh = fh
      this.fhGen = batch.gen
      await fsyncDir(this.dir)
    }
    const parts: Buffer[] = []
    let size = 0
    for (const e of batch.entries) {
      const line = frameLine(e.payload())
      parts.push(line)
      size += line.length
    }
    const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, size)
    let off = 0
    while (off < buf.length) {
      const { bytesWritten } = await fh.write(buf, off, buf.length - off)
      off += bytesWritten
    }
    await fh.datasync()
    this.bytesWritten += size
  }
}
