/**
 * The subset of the WeChat cloud database API (wx-server-sdk 4.0.2, `cloud.database()`)
 * that the project's cloud functions use.
 *
 * Both the real database (`cloud.database() as unknown as CloudDatabase`) and the local
 * store (`openLocalStore(dir).database()`) satisfy this interface, with the same call
 * shapes, result shapes and error shapes.
 */

export type DocumentId = string | number

/**
 * Default document type (as wx-server-sdk's `IDocumentData`): reads always carry `_id`;
 * give `collection<T>()` a type, or cast results, for precise field types.
 */
export interface DocumentData {
  _id?: DocumentId
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any
}

/** Value produced by `db.serverDate()`; the server replaces it with its own clock. */
export interface ServerDate {
  readonly offset: number
}

/** Value produced by `db.RegExp({ regexp, options })`. */
export interface DbRegExp {
  readonly $regularExpression?: { pattern?: string; options?: string }
}

/** `_.and(...)`, `_.or(...)`, and the chaining methods every query command has. */
export interface LogicCommand {
  and(...expressions: unknown[]): LogicCommand
  or(...expressions: unknown[]): LogicCommand
}

/** `_.eq(1)`, `_.gt(2)`, ... ; chainable: `_.gt(1).and(_.lt(5))`, `_.gt(1).lt(5)`. */
export interface QueryCommand extends LogicCommand {
  eq(value: unknown): LogicCommand
  neq(value: unknown): LogicCommand
  gt(value: unknown): LogicCommand
  gte(value: unknown): LogicCommand
  lt(value: unknown): LogicCommand
  lte(value: unknown): LogicCommand
  in(values: unknown[]): LogicCommand
  nin(values: unknown[]): LogicCommand
}

/** `_.inc(1)`, `_.push([...])`, ... */
export interface UpdateCommand {
  readonly operator: string
  readonly operands: unknown
}

/** Aggregation expression object, e.g. `$.sum('$score')` is `{ $sum: '$score' }`. */
export type AggregateExpression = Record<string, unknown>

/** `db.command.aggregate`: `$.sum`, `$.avg`, `$.max`, `$.min`, `$.first`, `$.last`, `$.push`, `$.addToSet`, `$.cond`, ... */
export interface AggregateCommand {
  readonly [operator: string]: (param?: unknown) => AggregateExpression
}

/** `db.command` */
export interface Command {
  eq(value: unknown): QueryCommand
  neq(value: unknown): QueryCommand
  gt(value: unknown): QueryCommand
  gte(value: unknown): QueryCommand
  lt(value: unknown): QueryCommand
  lte(value: unknown): QueryCommand
  in(values: unknown[]): QueryCommand
  nin(values: unknown[]): QueryCommand
  exists(value: boolean): QueryCommand
  and(...expressions: unknown[]): LogicCommand
  or(...expressions: unknown[]): LogicCommand

  set(value: unknown): UpdateCommand
  remove(): UpdateCommand
  inc(value: number): UpdateCommand
  mul(value: number): UpdateCommand
  min(value: unknown): UpdateCommand
  max(value: unknown): UpdateCommand
  /** `_.push(x)`, `_.push([x, y])`, `_.push({ each, position, sort, slice })` */
  push(...values: unknown[]): UpdateCommand
  /** `_.pull(value)` or `_.pull(_.in([...]))` */
  pull(value: unknown): UpdateCommand
  /** `_.addToSet(value)` or `_.addToSet({ $each: [...] })` */
  addToSet(value: unknown): UpdateCommand

  readonly aggregate: AggregateCommand
}

/** A `where()` condition: plain object (nested objects match field by field) or a logic command. */
export type QueryCondition = Record<string, unknown> | LogicCommand

export type OrderDirection = 'asc' | 'desc'

/** `field()` projection: `{ a: true, b: false }`, `{ a: 1 }`, or projection operators. */
export type Projection = Record<string, boolean | number | object>

/** Data for `add`: every field may also be `db.serverDate()`; `_id` optional. */
export type AddData<T> = {
  [K in keyof T as K extends '_id' ? never : K]: T[K] | ServerDate
} & { _id?: DocumentId }

/** Data for `doc().set`: replaces the whole document except `_id` (which must not be given). */
export type SetData<T> = {
  [K in keyof T as K extends '_id' ? never : K]: T[K] | ServerDate
}

/**
 * Data for `update`: top-level or dotted field paths to values, update commands
 * (`_.inc(1)`) or `db.serverDate()`. Nested plain objects set their leaves by dotted
 * path; they do not replace the sub-document (use `_.set({...})` for that).
 */
export type UpdateData = Record<string, unknown>

export interface GetResult<T> {
  data: T[]
  errMsg: string
}

export interface DocGetResult<T> {
  data: T
  errMsg: string
}

export interface AddResult {
  _id: DocumentId
  errMsg: string
}

/** `add({ data: [...] })`: the documents were inserted by one request (wx-server-sdk answers `_ids`). */
export interface AddManyResult {
  _ids: DocumentId[]
  errMsg: string
}

export interface SetResult {
  _id: DocumentId
  stats: { updated: number; created: number }
  errMsg: string
}

export interface UpdateResult {
  stats: { updated: number }
  errMsg: string
}

export interface RemoveResult {
  stats: { removed: number }
  errMsg: string
}

export interface CountResult {
  total: number
  errMsg: string
}

export interface AggregateResult<R = Record<string, unknown>> {
  list: R[]
  errMsg: string
}

export interface Query<T = DocumentData> {
  /** Replaces any earlier `where` of the chain (it does not merge). */
  where(condition: QueryCondition): Query<T>
  orderBy(fieldPath: string, direction: OrderDirection): Query<T>
  skip(offset: number): Query<T>
  /** Default 100 records per `get()`, at most 1000 whatever the limit. */
  limit(max: number): Query<T>
  field(projection: Projection): Query<T>
  get(): Promise<GetResult<T>>
  /** Ignores skip/limit. */
  count(): Promise<CountResult>
  /** Updates every matching document; ignores orderBy/skip/limit. */
  update(options: { data: UpdateData }): Promise<UpdateResult>
  /** Removes every matching document; ignores orderBy/skip/limit. */
  remove(): Promise<RemoveResult>
}

export interface DocumentRef<T = DocumentData> {
  field(projection: Projection): DocumentRef<T>
  /** Rejects (see `isNotFoundError`) when the document does not exist. */
  get(): Promise<DocGetResult<T>>
  set(options: { data: SetData<T> }): Promise<SetResult>
  update(options: { data: UpdateData }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface Aggregate {
  match(condition: QueryCondition): Aggregate
  group(spec: Record<string, unknown>): Aggregate
  project(spec: Record<string, unknown>): Aggregate
  sort(spec: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  skip(n: number): Aggregate
  unwind(spec: string | Record<string, unknown>): Aggregate
  count(fieldName: string): Aggregate
  addFields(spec: Record<string, unknown>): Aggregate
  lookup(spec: Record<string, unknown>): Aggregate
  /** Without a `limit` stage the server returns at most 20 records. */
  end<R = Record<string, unknown>>(): Promise<AggregateResult<R>>
}

export interface Collection<T = DocumentData> {
  readonly collectionName: string
  where(condition: QueryCondition): Query<T>
  orderBy(fieldPath: string, direction: OrderDirection): Query<T>
  skip(offset: number): Query<T>
  limit(max: number): Query<T>
  field(projection: Projection): Query<T>
  get(): Promise<GetResult<T>>
  count(): Promise<CountResult>
  doc(id: DocumentId): DocumentRef<T>
  /** Rejects with a duplicate-key error (see `isDuplicateKeyError`) if `_id` exists. */
  add(options: { data: AddData<T> }): Promise<AddResult>
  /**
   * Several documents in one request. On a duplicate `_id` it rejects as above; what was inserted
   * then is the engine's (the local store: nothing), so callers find out (`addEach`).
   */
  add(options: { data: AddData<T>[] }): Promise<AddManyResult>
  aggregate(): Aggregate
}

/** A document inside a transaction: single-document operations only, as the cloud allows. */
export interface TransactionDocument<T = DocumentData> {
  /** Rejects (see `isNotFoundError`) when the document does not exist. */
  get(): Promise<DocGetResult<T>>
  set(options: { data: SetData<T> }): Promise<SetResult>
  update(options: { data: UpdateData }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface TransactionCollection<T = DocumentData> {
  doc(id: DocumentId): TransactionDocument<T>
  /** Rejects with a duplicate-key error if `_id` exists; the transaction then commits nothing. */
  add(options: { data: AddData<T> }): Promise<AddResult>
}

/** What `runTransaction` hands its callback (wx-server-sdk ≥ 1.7). */
export interface Transaction {
  collection<T = DocumentData>(name: string): TransactionCollection<T>
}

export interface CloudDatabase {
  readonly command: Command
  serverDate(options?: { offset?: number }): ServerDate
  RegExp(options: { regexp: string; options?: string }): DbRegExp
  collection<T = DocumentData>(name: string): Collection<T>
  /**
   * Runs `callback` as one transaction: its writes commit together or not at all. When a document
   * it touched changed meanwhile, the callback runs again (up to `times` in all); an error it throws
   * commits nothing and is rethrown.
   */
  runTransaction<R>(callback: (transaction: Transaction) => Promise<R>, times?: number): Promise<R>
}

function errorText(err: unknown): string {
  if (typeof err === 'string') return err
  if (err === null || typeof err !== 'object') return ''
  const e = err as { errMsg?: unknown; message?: unknown }
  const parts: string[] = []
  if (typeof e.errMsg === 'string') parts.push(e.errMsg)
  if (typeof e.message === 'string') parts.push(e.message)
  return parts.join('\n')
}

/**
 * True for the error the cloud database raises when `add` (or any insert) hits an
 * existing `_id`: errCode -502001 with `E11000 duplicate key` in the message.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false
  const e = err as { errCode?: unknown; code?: unknown }
  const codeOk = e.errCode === -502001 || e.code === 'DATABASE_REQUEST_FAILED' || (e.errCode === undefined && e.code === undefined)
  return codeOk && /E11000 duplicate key/.test(errorText(err))
}

/**
 * True for the rejection of `doc(id).get()` when the document does not exist:
 * `document.get:fail document with _id <id> does not exist`.
 */
export function isNotFoundError(err: unknown): boolean {
  return /document with _id [\s\S]* does not exist/.test(errorText(err))
}
