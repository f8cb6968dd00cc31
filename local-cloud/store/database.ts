/**
 * The cloud database API over the local engine, following wx-server-sdk 4.0.2
 * (src/api/database/*) on top of @cloudbase/database 1.4.3 (query.js, document.js,
 * collection.js, aggregate.js): same argument checks, same request encoding (the real
 * serialisers), and the server's behaviour evaluated with mingo.
 */
import { randomBytes } from 'node:crypto'
import type {
  AddData,
  AddManyResult,
  AddResult,
  Aggregate,
  AggregateResult,
  CloudDatabase,
  Collection,
  Command,
  CountResult,
  DbRegExp,
  DocGetResult,
  DocumentData,
  DocumentId,
  DocumentRef,
  GetResult,
  OrderDirection,
  Projection,
  Query,
  QueryCondition,
  RemoveResult,
  ServerDate,
  SetData,
  SetResult,
  Transaction,
  TransactionCollection,
  TransactionDocument,
  UpdateData,
  UpdateResult,
} from '../../server/db/types'
import { cloudbase, type AggregationBuilder } from './cloudbase'
import { cloneValue, decodeWire, isPlainObject, type Doc } from './codec'
import { TransactionConflictError, updatedCopy, type DocKey, type Engine } from './engine'
import type { JournalOp } from './journal'
import { CloudSDKError, duplicateKeyError, ERR_DB_REQUEST_FAILED, ERR_INVALID_PARAM, notFoundError, serverError, toSDKError } from './errors'

/** Records per `get()` when no limit is given, and the most a limit can ask for. */
export const DEFAULT_GET_LIMIT = 100
export const MAX_GET_LIMIT = 1000
/** Records per aggregate `end()` without a `limit` stage, and with one. */
export const DEFAULT_AGGREGATE_LIMIT = 20
export const MAX_AGGREGATE_LIMIT = 10000

function okMsg(apiName: string): string {
  return `${apiName}:ok`
}

function typeName(x: unknown): string {
  return Object.prototype.toString.call(x).slice(8, -1).toLowerCase()
}

/** wx-server-sdk `assertType(options, { data: 'object' })` */
function assertDataObject(options: unknown): asserts options is { data: Record<string, unknown> } {
  const t = typeName(options)
  if (t !== 'object') throw new CloudSDKError({ errMsg: `parameter should be object instead of ${t}; ` })
  const dt = typeName((options as { data?: unknown }).data)
  if (dt !== 'object') throw new CloudSDKError({ errMsg: `parameter.data should be object instead of ${dt};` })
}

/** wx-server-sdk `assertObjectNotEmpty({ name: 'options.data', target })` */
function assertNotEmpty(data: Record<string, unknown>): void {
  if (Object.keys(data).length === 0) throw new CloudSDKError({ errMsg: 'options.data must not be empty' })
}

function invalidParam(apiName: string, message: string): Error {
  return serverError(apiName, ERR_INVALID_PARAM, message)
}

/**
 * Runs one database call. Its answer, whatever it is (data, a count, a duplicate-key error, an
 * update that matched nothing), is given only once every write applied so far is durable: an
 * answer never reveals a write a crash could still lose.
 */
async function run<T>(engine: Engine, apiName: string, body: () => T | Promise<T>): Promise<T> {
  let answer: T
  try {
    answer = await body()
  } catch (err) {
    await engine.settled().catch(() => undefined)
    throw toSDKError(err, apiName)
  }
  try {
    await engine.settled()
  } catch (err) {
    throw toSDKError(err, apiName)
  }
  return answer
}

/** `[a-f0-9]{32}`: 8 hex per store, 8 hex of seconds, 16 random hex — like the cloud's ids. */
function makeIdFactory(now: () => Date): () => string {
  const prefix = randomBytes(4).toString('hex')
  let pool = Buffer.alloc(0)
  let used = 0
  return () => {
    if (used + 8 > pool.length) {
      pool = randomBytes(8 * 512)
      used = 0
    }
    const random = pool.toString('hex', used, used + 8)
    used += 8
    const secs = Math.floor(now().getTime() / 1000) >>> 0
    return prefix + secs.toString(16).padStart(8, '0') + random
  }
}

interface QueryState {
  /** Wire-encoded filter; '' when no where() was called. */
  filter: string
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Record<string, unknown>
}

function transformProjection(projection: Projection): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k in projection) {
    const v = projection[k]
    if (typeof v === 'boolean') out[k] = v ? 1 : 0
    if (typeof v === 'number') out[k] = v > 0 ? 1 : 0
    if (typeof v === 'object') out[k] = v
  }
  return out
}

class Ctx {
  readonly newId: () => string
  constructor(
    readonly engine: Engine,
    private readonly known: ReadonlySet<string> | undefined,
  ) {
    this.newId = makeIdFactory(engine.now)
  }
  /** A collection's name, checked: the cloud has only the collections an organiser created. */
  named(name: string): string {
    if (!name) throw new Error('Collection name is required')
    if (this.known && !this.known.has(name)) throw new Error(`集合 ${name} 没有登记：加到 server/db/collections.ts`)
    return name
  }
  decode(json: string): unknown {
    return decodeWire(json, this.engine.now)
  }
  criteria(filter: string): Doc {
    if (!filter) return {}
    const decoded = this.decode(filter)
    return isPlainObject(decoded) ? decoded : {}
  }
}

/** An update of the documents `criteria` selects (evaluated inside `run`, so decoding errors reject). */
function applyUpdate(
  ctx: Ctx,
  apiName: string,
  collectionName: string,
  options: { data: UpdateData },
  criteria: () => Doc,
  multi: boolean,
): Promise<UpdateResult> {
  return run(ctx.engine, apiName, async () => {
    assertDataObject(options)
    assertNotEmpty(options.data)
    if (Object.prototype.hasOwnProperty.call(options.data, '_id')) throw invalidParam(apiName, '不能更新_id的值')
    const modifier = ctx.decode(cloudbase().encodeUpdate(options.data)) as Doc
    const { updated, durable } = ctx.engine.update(apiName, collectionName, criteria(), modifier, multi)
    await durable
    return { stats: { updated }, errMsg: okMsg(apiName) }
  })
}

class LocalQuery<T> implements Query<T> {
  constructor(
    protected readonly ctx: Ctx,
    readonly collectionName: string,
    protected readonly state: QueryState,
  ) {}

  protected with(patch: Partial<QueryState>): LocalQuery<T> {
    return new LocalQuery<T>(this.ctx, this.collectionName, { ...this.state, ...patch })
  }

  where(condition: QueryCondition): Query<T> {
    const cb = cloudbase()
    if (typeName(condition) !== 'object') throw Error(cb.errorCode.QueryParamTypeError)
    const keys = Object.keys(condition)
    if (keys.length && !keys.some((k) => (condition as Record<string, unknown>)[k] !== undefined)) {
      throw Error(cb.errorCode.QueryParamValueError)
    }
    return this.with({ filter: cb.encodeQuery(condition) })
  }

  orderBy(fieldPath: string, direction: OrderDirection): Query<T> {
    if (!/^[a-zA-Z0-9-_.]/.test(fieldPath)) throw new Error()
    if (direction !== 'asc' && direction !== 'desc') throw new Error(cloudbase().errorCode.DirectionError)
    return this.with({ order: { ...(this.state.order ?? {}), [fieldPath]: direction === 'desc' ? -1 : 1 } })
  }

  limit(max: number): Query<T> {
    if (!Number.isInteger(max)) throw new Error('limit' + cloudbase().errorCode.IntergerError)
    return this.with({ limit: max })
  }

  skip(offset: number): Query<T> {
    if (!Number.isInteger(offset)) throw new Error('offset' + cloudbase().errorCode.IntergerError)
    return this.with({ offset })
  }

  field(projection: Projection): Query<T> {
    return this.with({ projection: transformProjection(projection) })
  }

  get(): Promise<GetResult<T>> {
    const apiName = 'collection.get'
    return run(this.ctx.engine, apiName, () => {
      const { ctx, state } = this
      const cb = cloudbase()
      // @cloudbase/database query.js: limit 0/absent -> 100, otherwise capped at 1000
      const requested = state.limit ? (state.limit < MAX_GET_LIMIT ? state.limit : MAX_GET_LIMIT) : DEFAULT_GET_LIMIT
      if (requested < 0) throw serverError(apiName, ERR_DB_REQUEST_FAILED, '[FailedOperation] limit must be non-negative')
      if (state.offset !== undefined && state.offset < 0) {
        throw serverError(apiName, ERR_DB_REQUEST_FAILED, '[FailedOperation] skip must be non-negative')
      }
      const sort = state.order ? (ctx.decode(cb.stringifyByEJSON(state.order)) as Record<string, 1 | -1>) : undefined
      const projection = state.projection ? (ctx.decode(cb.stringifyByEJSON(state.projection)) as Doc) : undefined
      const data = ctx.engine.find(apiName, this.collectionName, ctx.criteria(state.filter), {
        sort,
        skip: state.offset || 0,
        limit: requested,
        projection,
      })
      return { data: data as unknown as T[], errMsg: okMsg(apiName) }
    })
  }

  count(): Promise<CountResult> {
    const apiName = 'collection.count'
    return run(this.ctx.engine, apiName, () => {
      const total = this.ctx.engine.count(apiName, this.collectionName, this.ctx.criteria(this.state.filter))
      return { total, errMsg: okMsg(apiName) }
    })
  }

  update(options: { data: UpdateData }): Promise<UpdateResult> {
    // query.js sends neither limit nor offset nor order with an update: all matches.
    return applyUpdate(this.ctx, 'collection.update', this.collectionName, options, () => this.ctx.criteria(this.state.filter), true)
  }

  remove(): Promise<RemoveResult> {
    const apiName = 'collection.remove'
    return run(this.ctx.engine, apiName, async () => {
      const { ctx } = this
      const { removed, durable } = ctx.engine.remove(apiName, this.collectionName, ctx.criteria(this.state.filter), true)
      await durable
      return { stats: { removed }, errMsg: okMsg(apiName) }
    })
  }
}

class LocalDocumentRef<T> implements DocumentRef<T> {
  constructor(
    private readonly ctx: Ctx,
    private readonly collectionName: string,
    readonly _id: DocumentId,
    private readonly projection?: Record<string, unknown>,
  ) {}

  field(projection: Projection): DocumentRef<T> {
    if (projection === undefined || projection === null) {
      throw new CloudSDKError({ errMsg: 'parameter object of function field must be provided' })
    }
    return new LocalDocumentRef<T>(this.ctx, this.collectionName, this._id, transformProjection(projection))
  }

  get(): Promise<DocGetResult<T>> {
    const apiName = 'document.get'
    return run(this.ctx.engine, apiName, () => {
      const { ctx } = this
      const stored = ctx.engine.getById(this.collectionName, this._id)
      if (!stored) throw notFoundError(this._id)
      let data: Doc
      if (this.projection) {
        const projection = ctx.decode(cloudbase().stringifyByEJSON(this.projection)) as Doc
        ;[data] = ctx.engine.find(apiName, this.collectionName, { _id: this._id }, { limit: 1, projection })
      } else {
        data = cloneValue(stored)
      }
      return { data: data as unknown as T, errMsg: okMsg(apiName) }
    })
  }

  set(options: { data: SetData<T> }): Promise<SetResult> {
    const apiName = 'document.set'
    return run(this.ctx.engine, apiName, async () => {
      const { ctx } = this
      const body = setBody(ctx, apiName, options)
      const { updated, created, durable } = ctx.engine.replace(this.collectionName, this._id, body)
      await durable
      return { _id: this._id, errMsg: okMsg(apiName), stats: { updated, created } }
    })
  }

  update(options: { data: UpdateData }): Promise<UpdateResult> {
    return applyUpdate(this.ctx, 'document.update', this.collectionName, options, () => ({ _id: this._id }), false)
  }

  remove(): Promise<RemoveResult> {
    const apiName = 'document.remove'
    return run(this.ctx.engine, apiName, async () => {
      const { removed, durable } = this.ctx.engine.remove(apiName, this.collectionName, { _id: this._id }, false)
      await durable
      return { stats: { removed }, errMsg: okMsg(apiName) }
    })
  }
}

class LocalAggregate implements Aggregate {
  constructor(
    private readonly ctx: Ctx,
    private readonly collectionName: string,
    private readonly builder: AggregationBuilder,
  ) {}

  // Like wx-server-sdk, stages are appended to one shared builder (chaining mutates it).
  private pushStage(stage: string, value: unknown): Aggregate {
    ;(this.builder[stage] as (v: unknown) => unknown).call(this.builder, value)
    return new LocalAggregate(this.ctx, this.collectionName, this.builder)
  }

  match(condition: QueryCondition): Aggregate {
    return this.pushStage('match', condition)
  }
  group(spec: Record<string, unknown>): Aggregate {
    return this.pushStage('group', spec)
  }
  project(spec: Record<string, unknown>): Aggregate {
    return this.pushStage('project', spec)
  }
  sort(spec: Record<string, 1 | -1>): Aggregate {
    return this.pushStage('sort', spec)
  }
  limit(n: number): Aggregate {
    return this.pushStage('limit', n)
  }
  skip(n: number): Aggregate {
    return this.pushStage('skip', n)
  }
  unwind(spec: string | Record<string, unknown>): Aggregate {
    return this.pushStage('unwind', spec)
  }
  count(fieldName: string): Aggregate {
    return this.pushStage('count', fieldName)
  }
  addFields(spec: Record<string, unknown>): Aggregate {
    return this.pushStage('addFields', spec)
  }
  lookup(spec: Record<string, unknown>): Aggregate {
    return this.pushStage('lookup', spec)
  }

  end<R = Record<string, unknown>>(): Promise<AggregateResult<R>> {
    const apiName = 'collection.aggregate'
    return run(this.ctx.engine, apiName, () => {
      const { ctx } = this
      const stages = this.builder.unwrap()
      const pipeline = stages.map((s) => ({ [s.stageKey]: ctx.decode(s.stageValue) }))
      const hasLimit = stages.some((s) => s.stageKey === '$limit')
      const out = ctx.engine.aggregate(apiName, this.collectionName, pipeline)
      const cap = hasLimit ? MAX_AGGREGATE_LIMIT : DEFAULT_AGGREGATE_LIMIT
      return { list: (out.length > cap ? out.slice(0, cap) : out) as unknown as R[], errMsg: okMsg(apiName) }
    })
  }
}

/** `doc().set()`'s body, checked as document.js checks it: no `_id`, no update operators. */
function setBody(ctx: Ctx, apiName: string, options: unknown): Doc {
  assertDataObject(options)
  assertNotEmpty(options.data)
  const data: Record<string, unknown> = options.data
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam(apiName, '不能更新_id的值')
  const cb = cloudbase()
  // document.js set(): update operators are refused ("update operator complicit")
  let hasOperator = false
  const checkMixed = (objs: unknown): void => {
    if (typeof objs === 'object' && objs !== null) {
      for (const key in objs) {
        const v = (objs as Record<string, unknown>)[key]
        if (cb.isUpdateCommand(v)) hasOperator = true
        else if (typeof v === 'object') checkMixed(v)
      }
    }
  }
  checkMixed(data)
  if (hasOperator) throw serverError(apiName, ERR_DB_REQUEST_FAILED, 'update operator complicit')
  return ctx.decode(cb.encodeDocument(data)) as Doc
}

/** The document `add()` stores: its `_id` as given, or a new one nothing in the collection has. */
function addedDoc(ctx: Ctx, apiName: string, data: unknown, taken: (id: DocKey) => boolean): Doc {
  if (!isPlainObject(data)) throw invalidParam(apiName, 'data must be an object')
  const doc = ctx.decode(cloudbase().encodeDocument(data)) as Doc
  let id = doc._id
  if (id === undefined || id === null) {
    do id = ctx.newId()
    while (taken(id as string))
  } else if (typeof id !== 'string' && typeof id !== 'number') {
    throw invalidParam(apiName, '_id must be a string or a number')
  }
  const stored: Doc = { _id: id }
  for (const k of Object.keys(doc)) if (k !== '_id') stored[k] = doc[k]
  return stored
}

class LocalCollection<T> extends LocalQuery<T> implements Collection<T> {
  constructor(ctx: Ctx, name: string) {
    super(ctx, name, { filter: '' })
  }

  doc(id: DocumentId): DocumentRef<T> {
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('docId必须为字符串或数字')
    return new LocalDocumentRef<T>(this.ctx, this.collectionName, id)
  }

  add(options: { data: AddData<T> }): Promise<AddResult>
  add(options: { data: AddData<T>[] }): Promise<AddManyResult>
  add(options: { data: AddData<T> | AddData<T>[] }): Promise<AddResult | AddManyResult> {
    const apiName = 'collection.add'
    return run(this.ctx.engine, apiName, async () => {
      const { ctx } = this
      const data = (options as { data?: unknown } | undefined)?.data
      const many = Array.isArray(data)
      if (many && data.length === 0) throw invalidParam(apiName, 'data must not be empty')
      const stored = (many ? data : [data]).map((d) => addedDoc(ctx, apiName, d, (id) => ctx.engine.has(this.collectionName, id)))
      await ctx.engine.insert(apiName, this.collectionName, stored)
      const ids = stored.map((d) => d._id as DocumentId)
      return many ? { _ids: ids, errMsg: okMsg(apiName) } : { _id: ids[0], errMsg: okMsg(apiName) }
    })
  }

  aggregate(): Aggregate {
    return new LocalAggregate(this.ctx, this.collectionName, cloudbase().newAggregation())
  }

  // A collection is not a where() query: no update()/remove() on it.
  override update(): never {
    throw new Error('collection.update requires where(): use collection.where(...).update(...)')
  }
  override remove(): never {
    throw new Error('collection.remove requires where(): use collection.where(...).remove()')
  }
}

/**
 * A transaction: reads see the committed state and the transaction's own writes; the writes are
 * kept until commit, then applied as one journal record, unless a document it read or wrote
 * changed meanwhile (a conflict: the callback runs again).
 */
class LocalTransaction implements Transaction {
  /** Pending writes by collection and id; null removes. */
  readonly writes = new Map<string, Map<DocKey, Doc | null>>()
  /** The stored object each touched document was when first seen (undefined: it did not exist). */
  readonly seen = new Map<string, [string, DocKey, Doc | undefined]>()

  constructor(readonly ctx: Ctx) {}

  collection<T = DocumentData>(name: string): TransactionCollection<T> {
    return new LocalTransactionCollection<T>(this, this.ctx.named(name))
  }

  /** The document as this transaction sees it. */
  current(collection: string, key: DocKey): Doc | undefined {
    const pending = this.writes.get(collection)
    if (pending?.has(key)) return pending.get(key) ?? undefined
    const seenKey = `${collection}\u0000${typeof key}\u0000${key}`
    const stored = this.ctx.engine.getById(collection, key)
    if (!this.seen.has(seenKey)) this.seen.set(seenKey, [collection, key, stored])
    return stored
  }

  write(collection: string, key: DocKey, doc: Doc | null): void {
    this.current(collection, key)
    let pending = this.writes.get(collection)
    if (!pending) this.writes.set(collection, (pending = new Map()))
    pending.set(key, doc)
  }

  async commit(): Promise<void> {
    const ops: JournalOp[] = []
    for (const [collection, docs] of this.writes) {
      for (const [key, doc] of docs) ops.push(doc ? ['p', collection, doc] : ['d', collection, key])
    }
    await this.ctx.engine.commitTransaction([...this.seen.values()], ops)
    await this.ctx.engine.settled()
  }
}

class LocalTransactionCollection<T> implements TransactionCollection<T> {
  constructor(
    private readonly tx: LocalTransaction,
    private readonly collectionName: string,
  ) {}

  doc(id: DocumentId): TransactionDocument<T> {
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('docId必须为字符串或数字')
    return new LocalTransactionDocument<T>(this.tx, this.collectionName, id)
  }

  add(options: { data: AddData<T> }): Promise<AddResult> {
    const apiName = 'collection.add'
    return run(this.tx.ctx.engine, apiName, () => {
      const stored = addedDoc(
        this.tx.ctx,
        apiName,
        (options as { data?: unknown } | undefined)?.data,
        (id) => this.tx.current(this.collectionName, id) !== undefined,
      )
      const id = stored._id as DocKey
      if (this.tx.current(this.collectionName, id)) throw duplicateKeyError(apiName, this.collectionName, id)
      this.tx.write(this.collectionName, id, stored)
      return { _id: id, errMsg: okMsg(apiName) }
    })
  }
}

class LocalTransactionDocument<T> implements TransactionDocument<T> {
  constructor(
    private readonly tx: LocalTransaction,
    private readonly collectionName: string,
    private readonly _id: DocumentId,
  ) {}

  get(): Promise<DocGetResult<T>> {
    const apiName = 'document.get'
    return run(this.tx.ctx.engine, apiName, () => {
      const doc = this.tx.current(this.collectionName, this._id)
      if (!doc) throw notFoundError(this._id)
      return { data: cloneValue(doc) as unknown as T, errMsg: okMsg(apiName) }
    })
  }

  set(options: { data: SetData<T> }): Promise<SetResult> {
    const apiName = 'document.set'
    return run(this.tx.ctx.engine, apiName, () => {
      const body = setBody(this.tx.ctx, apiName, options)
      const existed = this.tx.current(this.collectionName, this._id) !== undefined
      const doc: Doc = { _id: this._id }
      for (const k of Object.keys(body)) if (k !== '_id') doc[k] = body[k]
      this.tx.write(this.collectionName, this._id, doc)
      return { _id: this._id, errMsg: okMsg(apiName), stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 } }
    })
  }

  update(options: { data: UpdateData }): Promise<UpdateResult> {
    const apiName = 'document.update'
    return run(this.tx.ctx.engine, apiName, () => {
      assertDataObject(options)
      assertNotEmpty(options.data)
      if (Object.prototype.hasOwnProperty.call(options.data, '_id')) throw invalidParam(apiName, '不能更新_id的值')
      const modifier = this.tx.ctx.decode(cloudbase().encodeUpdate(options.data)) as Doc
      const doc = this.tx.current(this.collectionName, this._id)
      const next = doc && Object.keys(modifier).length > 0 ? updatedCopy(apiName, doc, modifier) : undefined
      if (next) this.tx.write(this.collectionName, this._id, next)
      return { stats: { updated: next ? 1 : 0 }, errMsg: okMsg(apiName) }
    })
  }

  remove(): Promise<RemoveResult> {
    const apiName = 'document.remove'
    return run(this.tx.ctx.engine, apiName, () => {
      const existed = this.tx.current(this.collectionName, this._id) !== undefined
      if (existed) this.tx.write(this.collectionName, this._id, null)
      return { stats: { removed: existed ? 1 : 0 }, errMsg: okMsg(apiName) }
    })
  }
}

export class LocalDatabase implements CloudDatabase {
  readonly command: Command
  private readonly ctx: Ctx

  /** `collections`: the only names it opens (none: any). */
  constructor(engine: Engine, collections?: ReadonlySet<string>) {
    const cb = cloudbase()
    this.ctx = new Ctx(engine, collections)
    this.command = cb.Command as Command
  }

  serverDate(options?: { offset?: number }): ServerDate {
    return cloudbase().ServerDateConstructor(options) as ServerDate
  }

  RegExp(options: { regexp: string; options?: string }): DbRegExp {
    return cloudbase().RegExpConstructor(options) as DbRegExp
  }

  collection<T = DocumentData>(name: string): Collection<T> {
    return new LocalCollection<T>(this.ctx, this.ctx.named(name))
  }

  async runTransaction<R>(callback: (transaction: Transaction) => Promise<R>, times = 3): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const tx = new LocalTransaction(this.ctx)
      const result = await callback(tx)
      try {
        await tx.commit()
        return result
      } catch (err) {
        if (!(err instanceof TransactionConflictError) || attempt >= times) throw err
      }
    }
  }
}
