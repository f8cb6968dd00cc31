/**
 * The storage engine: in-memory collections (Map by _id, insertion order = natural
 * order), a group-committed journal of physical changes, snapshots with compaction,
 * and recovery on open.
 *
 * Directory layout:
 *   LOCK                       pid of the owning process
 *   snapshot.db                framed lines: header {gen}, one ["collection", doc] per
 *                              document, trailer {end, count}
 *   snapshot.db.tmp            snapshot being written (discarded on open)
 *   journal-<gen>.log          framed lines, each an array of ops of one operation
 *
 * Invariant: snapshot.db of generation N holds the effect of every journal <= N;
 * journals > N are replayed over it in order.
 */
import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { Aggregator, Query as MingoQuery, find as mingoFind } from 'mingo'
import { update as mingoUpdate } from 'mingo/updater'
import type { Options as MingoOptions } from 'mingo/types'
import { cloneValue, decodeStored, encodeStored, isPlainObject, valuesEqual, type Doc } from './codec'
import { duplicateKeyError, queryError, writeError } from './errors'
import { groupNatively } from './group'
import { frameLine, scanLines } from './framing'
import { JOURNAL_PATTERN, JournalWriter, fsyncDir, type JournalOp } from './journal'
import { acquireLock, type DirLock } from './lock'
import { checkUpdate } from './update-checks'
import { conditionFields, plan, servedBy, SortedIndex } from './indexes'

export type DocKey = string | number

export const SNAPSHOT_FILE = 'snapshot.db'
const SNAPSHOT_TMP = 'snapshot.db.tmp'
const SNAPSHOT_FORMAT = 'xuexiquan-local-store'
const SNAPSHOT_VERSION = 1
const CHUNK_BYTES = 1 << 20

const MINGO_OPTIONS: Partial<MingoOptions> = { idKey: '_id', scriptEnabled: false, useStrictMode: true }

/** A secondary index the collections registry declares: the fields it orders documents by. */
export interface IndexDeclaration {
  collection: string
  fields: string[]
}

export interface EngineOptions {
  now: () => Date
  /** Journal bytes after which a background compaction starts (0 disables). */
  autoCompactBytes: number
  /** Served like the cloud database's indexes: equality, `$in` and range lookups narrow what is scanned. */
  indexes: readonly IndexDeclaration[]
  /** Told of each query no declared index could serve in the cloud: its collection and the fields it filters on. */
  onUnserved?: (collection: string, fields: string[]) => void
}

export interface RecoveryReport {
  /** Journal bytes dropped because they belonged to a torn or corrupt record. */
  truncatedBytes: number
  /** Where suspicious dropped bytes (valid records after a corrupt one) were kept. */
  preservedTail?: string
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit: number
  projection?: Doc
}

/** The cloud database's answer when a transaction's documents changed under it: run it again. */
export class TransactionConflictError extends Error {
  readonly code = 'DATABASE_TRANSACTION_CONFLICT'
  readonly errCode = -502003
  readonly errMsg: string
  constructor() {
    super('transaction conflict: a document it read or wrote changed before it committed')
    this.name = 'TransactionConflictError'
    this.errMsg = this.message
  }
}

export class StoreClosedError extends Error {
  constructor() {
    super('local store is closed')
    this.name = 'StoreClosedError'
  }
}

function docKey(id: unknown): DocKey {
  if (typeof id === 'string' || typeof id === 'number') return id
  throw new Error(`unsupported _id type: ${typeof id}`)
}

function idFirst(doc: Doc): Doc {
  if (!('_id' in doc)) return doc
  const keys = Object.keys(doc)
  if (keys[0] === '_id') return doc
  const out: Doc = { _id: doc._id }
  for (const k of keys) if (k !== '_id') out[k] = doc[k]
  return out
}

/** The document as a MongoDB update modifier leaves it, or undefined when it changes nothing. */
export function updatedCopy(apiName: string, doc: Doc, modifier: Doc): Doc | undefined {
  const problem = checkUpdate(doc, modifier)
  if (problem) throw writeError(apiName, problem)
  const next = cloneValue(doc)
  try {
    mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS })
  } catch (err) {
    throw writeError(apiName, errorMessage(err))
  }
  return valuesEqual(doc, next) ? undefined : next
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * A stored document's place in its collection's natural (insertion) order, kept across updates: a
 * symbol-keyed property, which copies and encodings leave out (a WeakMap entry cost far more).
 */
const ORDER = Symbol('order')
type Ordered = Doc & { [ORDER]: number }

export class Engine {
  readonly collections = new Map<string, Map<DocKey, Doc>>()
  /** Secondary indexes by collection; every collection also has one on `_id` (ranges of ids). */
  private readonly indexes = new Map<string, SortedIndex[]>()
  private nextOrder = 0
  /** Documents queries have tested so far: what an index saves shows here. */
  examined = 0
  readonly recovery: RecoveryReport = { truncatedBytes: 0 }
  private journal!: JournalWriter
  private closed = false
  private closing: Promise<void> | undefined
  private compacting: Promise<void> | undefined
  private snapshotBytes = 0
  lastCompactionError: Error | undefined

  private constructor(
    readonly dir: string,
    private readonly options: EngineOptions,
    private readonly lock: DirLock,
  ) {}

  get now(): () => Date {
    return this.options.now
  }

  static async open(dir: string, options: EngineOptions): Promise<Engine> {
    const absDir = path.resolve(dir)
    await fsp.mkdir(absDir, { recursive: true })
    const lock = acquireLock(absDir)
    const engine = new Engine(absDir, options, lock)
    try {
      await engine.recover()
    } catch (err) {
      lock.release()
      throw err
    }
    return engine
  }

  // ---------------------------------------------------------------- recovery

  private async recover(): Promise<void> {
    const dir = this.dir
    await fsp.rm(path.join(dir, SNAPSHOT_TMP), { force: true })
    let snapGen = 0
    const snapPath = path.join(dir, SNAPSHOT_FILE)
    if (fs.existsSync(snapPath)) {
      const buf = await fsp.readFile(snapPath)
      snapGen = this.loadSnapshot(buf)
      this.snapshotBytes = buf.length
    }
    const journals = (await fsp.readdir(dir))
      .map((name) => ({ name, m: JOURNAL_PATTERN.exec(name) }))
      .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
      .map((x) => ({ name: x.name, gen: Number(x.m[1]) }))
      .sort((a, b) => a.gen - b.gen)
    let removedOld = false
    let lastGen = snapGen
    let journalBytes = 0
    for (let i = 0; i < journals.length; i++) {
      const j = journals[i]
      const file = path.join(dir, j.name)
      if (j.gen <= snapGen) {
        // Already folded into the snapshot (a compaction stopped before deleting it).
        await fsp.rm(file, { force: true })
        removedOld = true
        continue
      }
      lastGen = Math.max(lastGen, j.gen)
      const buf = await fsp.readFile(file)
      const { lines, validLength } = scanLines(buf)
      if (validLength < buf.length) {
        if (i !== journals.length - 1) {
          throw new Error(`local store ${dir}: ${j.name} is corrupt at byte ${validLength} and is not the last journal; refusing to open`)
        }
        await this.truncateTail(file, buf, validLength)
      }
      for (const line of lines) {
        const ops = decodeStored(line.payload) as JournalOp[]
        for (const op of ops) this.apply(op)
      }
      journalBytes += validLength
    }
    if (removedOld) await fsyncDir(dir)
    this.journal = new JournalWriter(dir, lastGen + 1, () => this.maybeAutoCompact())
    this.journal.bytesWritten = journalBytes
  }

  private loadSnapshot(buf: Buffer): number {
    const { lines, validLength } = scanLines(buf)
    const corrupt = (why: string): Error => new Error(`local store ${this.dir}: ${SNAPSHOT_FILE} is corrupt (${why})`)
    if (validLength !== buf.length) throw corrupt(`bad record at byte ${validLength}`)
    if (lines.length < 2) throw corrupt('truncated')
    const header = JSON.parse(lines[0].payload) as { format?: string; version?: number; gen?: number }
    if (header.format !== SNAPSHOT_FORMAT || header.version !== SNAPSHOT_VERSION || typeof header.gen !== 'number') {
      throw corrupt('unknown header')
    }
    const trailer = JSON.parse(lines[lines.length - 1].payload) as { end?: boolean; count?: number }
    if (trailer.end !== true || trailer.count !== lines.length - 2) throw corrupt('bad trailer')
    for (let i = 1; i < lines.length - 1; i++) {
      const [coll, doc] = decodeStored(lines[i].payload) as [string, Doc]
      this.put(coll, doc)
    }
    return header.gen
  }

  private async truncateTail(file: string, buf: Buffer, validLength: number): Promise<void> {
    const tail = buf.subarray(validLength)
    this.recovery.truncatedBytes += tail.length
    // A torn tail is the normal trace of a crash during an unacknowledged write. If valid
    // records follow the bad one, keep the dropped bytes for inspection.
    let laterValid = false
    for (let pos = tail.indexOf(0x0a); pos !== -1 && pos + 1 < tail.length; pos = tail.indexOf(0x0a, pos + 1)) {
      if (scanLines(tail.subarray(pos + 1)).lines.length > 0) {
        laterValid = true
        break
      }
    }
    if (laterValid) {
      const keep = `${file}.dropped-${Date.now()}`
      await fsp.writeFile(keep, tail)
      this.recovery.preservedTail = keep
    }
    const fh = await fsp.open(file, 'r+')
    try {
      await fh.truncate(validLength)
      await fh.sync()
    } finally {
      await fh.close()
    }
  }

  // ---------------------------------------------------------------- state

  collection(name: string, create: boolean): Map<DocKey, Doc> {
    let map = this.collections.get(name)
    if (!map && create) {
      map = new Map()
      this.collections.set(name, map)
      const declared = this.options.indexes.filter((i) => i.collection === name).map((i) => new SortedIndex(i.fields))
      this.indexes.set(name, [new SortedIndex(['_id']), ...declared])
    }
    return map ?? new Map()
  }

  private put(collection: string, doc: Doc): void {
    const map = this.collection(collection, true)
    const key = docKey(doc._id)
    const old = map.get(key)
    const indexes = this.indexes.get(collection) ?? []
    if (old) for (const index of indexes) index.remove(old)
    ;(doc as Ordered)[ORDER] = old ? (old as Ordered)[ORDER] : this.nextOrder++
    map.set(key, doc)
    for (const index of indexes) index.add(doc)
  }

  private delete(collection: string, key: DocKey): void {
    const map = this.collections.get(collection)
    const old = map?.get(key)
    if (!map || !old) return
    for (const index of this.indexes.get(collection) ?? []) index.remove(old)
    map.delete(key)
  }

  private apply(op: JournalOp): void {
    if (op[0] === 'p') this.put(op[1], op[2])
    else this.delete(op[1], docKey(op[2]))
  }

  private ensureWritable(): void {
    if (this.closed) throw new StoreClosedError()
    const failed = this.journal.failed
    if (failed) throw failed
  }

  ensureOpen(): void {
    if (this.closed) throw new StoreClosedError()
  }

  /**
   * Applies the ops in memory now, as one journal record (all or nothing after a crash); resolves
   * when they are durable. Until then no answer that could reveal them is given (`settled`).
   */
  private commit(ops: JournalOp[]): Promise<void> {
    for (const op of ops) this.apply(op)
    return this.journal.append(() => encodeStored(ops))
  }

  /**
   * Resolves once every write applied so far is on disk. Every answer of the store waits for it:
   * a read, a failed insert or an update that matched nothing may depend on a write still being
   * flushed, and must not be acknowledged before that write is durable.
   */
  settled(): Promise<void> {
    return this.journal.barrier()
  }

  /**
   * Commits a transaction's writes atomically if none of the documents it read or wrote changed
   * since (each is compared with the stored object it saw: every write stores a new object).
   */
  commitTransaction(seen: ReadonlyArray<[string, DocKey, Doc | undefined]>, ops: JournalOp[]): Promise<void> {
    this.ensureWritable()
    for (const [collection, key, doc] of seen) {
      if (this.collections.get(collection)?.get(key) !== doc) throw new TransactionConflictError()
    }
    if (ops.length === 0) return Promise.resolve()
    return this.commit(ops)
  }

  // ---------------------------------------------------------------- reads

  private compile(apiName: string, criteria: Doc): MingoQuery {
    try {
      return new MingoQuery(criteria, MINGO_OPTIONS)
    } catch (err) {
      throw queryError(apiName, errorMessage(err))
    }
  }

  /** The documents a query must look at, in natural order: by an index when one serves it, else all. */
  private *candidates(collection: string, map: Map<DocKey, Doc>, criteria: Doc): Iterable<Doc> {
    const id = criteria._id
    if (typeof id === 'string' || typeof id === 'number') {
      const doc = map.get(id)
      if (doc) yield doc
      return
    }
    const { onUnserved, indexes } = this.options
    if (onUnserved) {
      const declared = indexes.filter((i) => i.collection === collection).map((i) => i.fields)
      if (!servedBy(declared, criteria)) onUnserved(collection, conditionFields(criteria))
    }
    const chosen = plan(this.indexes.get(collection) ?? [], criteria)
    if (!chosen) {
      yield* map.values()
      return
    }
    const found = new Set<Doc>()
    for (const prefix of chosen.prefixes) for (const doc of chosen.index.scan(prefix, chosen.range)) found.add(doc)
    yield* [...found].sort((a, b) => (a as Ordered)[ORDER] - (b as Ordered)[ORDER])
  }

  private *matching(apiName: string, collection: string, criteria: Doc): Iterable<Doc> {
    const map = this.collections.get(collection)
    if (!map) return
    const query = this.compile(apiName, criteria)
    for (const doc of this.candidates(collection, map, criteria)) {
      this.examined++
      let ok: boolean
      try {
        ok = query.test(doc)
      } catch (err) {
        throw queryError(apiName, errorMessage(err))
      }
      if (ok) yield doc
    }
  }

  find(apiName: string, collection: string, criteria: Doc, opts: FindOptions): Doc[] {
    this.ensureOpen()
    const skip = opts.skip ?? 0
    let page: Doc[]
    if (opts.sort && Object.keys(opts.sort).length > 0) {
      const all = Array.from(this.matching(apiName, collection, criteria))
      try {
        page = mingoFind(all, {}, undefined, MINGO_OPTIONS).sort(opts.sort).skip(skip).limit(opts.limit).all() as Doc[]
      } catch (err) {
        throw queryError(apiName, errorMessage(err))
      }
    } else {
      page = []
      let skipped = 0
      if (opts.limit > 0) {
        for (const doc of this.matching(apiName, collection, criteria)) {
          if (skipped < skip) {
            skipped++
            continue
          }
          page.push(doc)
          if (page.length >= opts.limit) break
        }
      }
    }
    if (opts.projection) {
      try {
        page = mingoFind(page, {}, opts.projection, MINGO_OPTIONS).all() as Doc[]
      } catch (err) {
        throw queryError(apiName, errorMessage(err))
      }
    }
    return page.map((d) => idFirst(cloneValue(d)))
  }

  count(apiName: string, collection: string, criteria: Doc): number {
    this.ensureOpen()
    let n = 0
    for (const _doc of this.matching(apiName, collection, criteria)) n++
    return n
  }

  getById(collection: string, id: DocKey): Doc | undefined {
    this.ensureOpen()
    return this.collections.get(collection)?.get(id)
  }

  aggregate(apiName: string, collection: string, pipeline: Doc[]): Doc[] {
    this.ensureOpen()
    let stages = pipeline
    let input: Doc[]
    const first = stages[0]
    if (first && Object.keys(first).length === 1 && isPlainObject(first.$match)) {
      input = Array.from(this.matching(apiName, collection, first.$match))
      stages = stages.slice(1)
    } else {
      input = Array.from(this.collections.get(collection)?.values() ?? [])
    }
    // Leading $group stages run in plain JavaScript where they can (group.ts), over the stored documents.
    const grouped = groupNatively(input, stages)
    if (grouped) {
      input = grouped.output
      stages = grouped.rest
      if (stages.length === 0) return input.map(idFirst)
    } else input = input.map((d) => cloneValue(d))
    try {
      const aggregator = new Aggregator(stages, {
        ...MINGO_OPTIONS,
        collectionResolver: (name: string) => Array.from(this.collections.get(name)?.values() ?? [], (d) => cloneValue(d)),
      })
      return (aggregator.run(input) as Doc[]).map(idFirst)
    } catch (err) {
      throw queryError(apiName, errorMessage(err))
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * Inserts documents, all or none (one journal record); throws the cloud's duplicate-key error if
   * an _id exists or repeats.
   */
  insert(apiName: string, collection: string, docs: Doc[]): Promise<void> {
    this.ensureWritable()
    const keys = new Set<DocKey>()
    for (const doc of docs) {
      const key = docKey(doc._id)
      if (keys.has(key) || this.collections.get(collection)?.has(key)) throw duplicateKeyError(apiName, collection, key)
      keys.add(key)
    }
    return this.commit(docs.map((doc): JournalOp => ['p', collection, doc]))
  }

  has(collection: string, id: DocKey): boolean {
    return this.collections.get(collection)?.has(id) ?? false
  }

  /** Applies a MongoDB update modifier to the matching documents, all or nothing. */
  update(apiName: string, collection: string, criteria: Doc, modifier: Doc, multi: boolean): { updated: number; durable: Promise<void> } {
    this.ensureWritable()
    const changed: Doc[] = []
    if (Object.keys(modifier).length > 0) {
      for (const doc of this.matching(apiName, collection, criteria)) {
        const next = updatedCopy(apiName, doc, modifier)
        if (next) changed.push(next)
        if (!multi) break
      }
    }
    if (changed.length === 0) return { updated: 0, durable: Promise.resolve() }
    return { updated: changed.length, durable: this.commit(changed.map((d): JournalOp => ['p', collection, d])) }
  }

  /** `doc(id).set()`: replaces the document (keeping its _id) or creates it. */
  replace(collection: string, id: DocKey, body: Doc): { updated: number; created: number; durable: Promise<void> } {
    this.ensureWritable()
    const doc: Doc = { _id: id }
    for (const k of Object.keys(body)) if (k !== '_id') doc[k] = body[k]
    const existing = this.collections.get(collection)?.get(id)
    if (existing && valuesEqual(existing, doc)) return { updated: 0, created: 0, durable: Promise.resolve() }
    const durable = this.commit([['p', collection, doc]])
    return existing ? { updated: 1, created: 0, durable } : { updated: 0, created: 1, durable }
  }

  remove(apiName: string, collection: string, criteria: Doc, multi: boolean): { removed: number; durable: Promise<void> } {
    this.ensureWritable()
    const ids: DocKey[] = []
    for (const doc of this.matching(apiName, collection, criteria)) {
      ids.push(docKey(doc._id))
      if (!multi) break
    }
    if (ids.length === 0) return { removed: 0, durable: Promise.resolve() }
    return { removed: ids.length, durable: this.commit(ids.map((id): JournalOp => ['d', collection, id])) }
  }

  // ---------------------------------------------------------------- compaction

  private maybeAutoCompact(): void {
    const limit = this.options.autoCompactBytes
    if (this.closed || this.compacting || limit <= 0) return
    if (this.journal.bytesWritten < Math.max(limit, this.snapshotBytes)) return
    this.compact().catch((err: unknown) => {
      this.lastCompactionError = err instanceof Error ? err : new Error(String(err))
    })
  }

  /** Writes a snapshot of the current state and drops the journals it covers. */
  compact(): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError())
    const previous = this.compacting ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(() => this.doCompact())
    this.compacting = run
    const clear = (): void => {
      if (this.compacting === run) this.compacting = undefined
    }
    run.then(clear, clear)
    return run
  }

  private async doCompact(): Promise<void> {
    const failed = this.journal.failed
    if (failed) throw failed
    // Cut the journal and capture the state at the same instant: every op applied so far
    // is in a journal <= gen, every later op goes to a later journal. Stored documents are
    // never mutated in place, so holding references is a consistent snapshot.
    const { gen, flushed } = this.journal.rotate()
    const captured: Array<[string, Doc[]]> = []
    let count = 0
    for (const [name, map] of this.collections) {
      if (map.size === 0) continue
      const docs = Array.from(map.values())
      captured.push([name, docs])
      count += docs.length
    }
    await flushed

    const tmp = path.join(this.dir, SNAPSHOT_TMP)
    const fh = await fsp.open(tmp, 'w')
    let size = 0
    try {
      let chunk: Buffer[] = []
      let chunkBytes = 0
      const push = async (payload: string): Promise<void> => {
        const line = frameLine(payload)
        chunk.push(line)
        chunkBytes += line.length
        if (chunkBytes >= CHUNK_BYTES) await flush()
      }
      const flush = async (): Promise<void> => {
        if (chunkBytes === 0) return
        const buf = Buffer.concat(chunk, chunkBytes)
        chunk = []
        chunkBytes = 0
        let off = 0
        while (off < buf.length) off += (await fh.write(buf, off, buf.length - off)).bytesWritten
        size += buf.length
      }
      await push(JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, gen, createdAt: new Date().toISOString() }))
      for (const [name, docs] of captured) {
        for (const doc of docs) await push(encodeStored([name, doc]))
      }
      await push(JSON.stringify({ end: true, count }))
      await flush()
      await fh.sync()
    } finally {
      await fh.close()
    }
    await fsp.rename(tmp, path.join(this.dir, SNAPSHOT_FILE))
    await fsyncDir(this.dir)
    this.snapshotBytes = size

    let remaining = 0
    for (const name of await fsp.readdir(this.dir)) {
      const m = JOURNAL_PATTERN.exec(name)
      if (!m) continue
      const file = path.join(this.dir, name)
      if (Number(m[1]) <= gen) await fsp.rm(file, { force: true })
      else remaining += (await fsp.stat(file).catch(() => ({ size: 0 }))).size
    }
    await fsyncDir(this.dir)
    this.journal.bytesWritten = remaining
  }

  // ---------------------------------------------------------------- close

  close(): Promise<void> {
    if (this.closing) return this.closing
    this.closed = true
    this.closing = (async () => {
      try {
        if (this.compacting) await this.compacting.catch(() => undefined)
        await this.journal.close()
      } finally {
        this.lock.release()
      }
    })()
    return this.closing
  }
}
