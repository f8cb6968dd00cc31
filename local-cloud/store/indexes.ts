/**
 * Secondary indexes of the local store: the ones the collections registry declares, as the cloud
 * database serves them. An index only narrows the documents a query looks at; every candidate is
 * still tested against the whole query, so results are the same with or without one.
 *
 * An index is the collection's documents ordered by [field values…, document key], kept in chunks (a
 * flat B-tree of one level), so inserts and deletes cost a chunk's splice and lookups a binary search.
 * It holds the documents themselves (a stored document is never changed: an update stores a new
 * one, removed from and added to every index), so an entry costs one reference.
 */
import { isPlainObject, type Doc } from './codec'

export type DocKey = string | number
export type IndexValue = unknown

const CHUNK = 512

/** BSON-like order across the types stored here: null < numbers < strings < objects < arrays < booleans < dates. */
function rank(v: unknown): number {
  if (v === null || v === undefined) return 0
  if (typeof v === 'number') return 1
  if (typeof v === 'string') return 2
  if (v instanceof Date) return 6
  if (typeof v === 'boolean') return 5
  if (Array.isArray(v)) return 4
  return 3
}

export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 0:
      return 0
    case 1:
      return (a as number) - (b as number)
    case 2:
      return a === b ? 0 : (a as string) < (b as string) ? -1 : 1
    case 5:
      return Number(a) - Number(b)
    case 6:
      return (a as Date).getTime() - (b as Date).getTime()
    default:
      // Objects and arrays are never index keys (see `indexable`); order them stably anyway.
      return 0
  }
}

/** A probe's key: below every document key, so a scan starts before the first entry of its values. */
const LOWEST = Symbol('lowest')

interface Probe {
  values: IndexValue[]
  key: typeof LOWEST
}

const isProbe = (x: Doc | Probe): x is Probe => (x as Probe).key === LOWEST

/** Documents of the same values are ordered by key (type first, so 1 and '1' differ). */
function compareKeys(ka: DocKey | typeof LOWEST, kb: DocKey | typeof LOWEST): number {
  if (ka === kb) return 0
  if (ka === LOWEST) return -1
  if (kb === LOWEST) return 1
  return String(typeof ka) + ka < String(typeof kb) + kb ? -1 : 1
}

/** The value at a dotted path (its parts), or undefined. */
function valueAtParts(doc: Doc, parts: readonly string[]): unknown {
  let v: unknown = doc
  for (const part of parts) {
    if (!isPlainObject(v)) return undefined
    v = (v as Doc)[part]
  }
  return v
}

/** Scalars are indexed; a document holding an array or object in an indexed field is not (see `unsafe`). */
const indexable = (v: unknown) => !(Array.isArray(v) || isPlainObject(v))

/** A range of values for one field: bounds inclusive or not, either side open. */
export interface Range {
  lo?: { value: IndexValue; inclusive: boolean }
  hi?: { value: IndexValue; inclusive: boolean }
}

export class SortedIndex {
  /** The indexed documents themselves, in order of their fields' values then key: an entry costs one reference. */
  private chunks: Doc[][] = []
  private readonly paths: string[][]
  /** Documents whose indexed fields hold arrays or objects: while any exist the index is not used. */
  unsafe = 0

  constructor(readonly fields: string[]) {
    this.paths = fields.map((f) => f.split('.'))
  }

  private value(x: Doc | Probe, i: number): IndexValue {
    return isProbe(x) ? x.values[i] : (valueAtParts(x, this.paths[i]) ?? null)
  }

  private compare(a: Doc | Probe, b: Doc | Probe): number {
    for (let i = 0; i < this.paths.length; i++) {
      const c = compareValues(this.value(a, i), this.value(b, i))
      if (c !== 0) return c
    }
    return compareKeys(isProbe(a) ? LOWEST : (a._id as DocKey), isProbe(b) ? LOWEST : (b._id as DocKey))
  }

  private indexable(doc: Doc): boolean {
    return this.paths.every((_, i) => indexable(this.value(doc, i)))
  }

  /** First chunk whose last entry is not below `e`. */
  private chunkFor(e: Doc | Probe): number {
    let lo = 0
    let hi = this.chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const chunk = this.chunks[mid]
      if (this.compare(chunk[chunk.length - 1], e) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private position(chunk: Doc[], e: Doc | Probe): number {
    let lo = 0
    let hi = chunk.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.compare(chunk[mid], e) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  add(doc: Doc): void {
    if (!this.indexable(doc)) {
      this.unsafe++
      return
    }
    if (this.chunks.length === 0) {
      this.chunks.push([doc])
      return
    }
    const c = Math.min(this.chunkFor(doc), this.chunks.length - 1)
    const chunk = this.chunks[c]
    chunk.splice(this.position(chunk, doc), 0, doc)
    if (chunk.length > CHUNK * 2) this.chunks.splice(c, 1, chunk.slice(0, CHUNK), chunk.slice(CHUNK))
  }

  /** Removes the document (the one added: its values are read to find it). */
  remove(doc: Doc): void {
    if (!this.indexable(doc)) {
      this.unsafe--
      return
    }
    const c = this.chunkFor(doc)
    const chunk = this.chunks[c]
    if (!chunk) return
    const at = this.position(chunk, doc)
    if (at < chunk.length && this.compare(chunk[at], doc) === 0) {
      chunk.splice(at, 1)
      if (chunk.length === 0) this.chunks.splice(c, 1)
    }
  }

  /**
   * The documents whose first fields equal `prefix` and whose next field (if `range`) lies in it, in
   * index order.
   */
  *scan(prefix: IndexValue[], range?: Range): Generator<Doc> {
    const n = prefix.length
    const low = range?.lo
    // The lowest possible entry of the prefix (and range): nulls sort first, the probe's key before any.
    const probe: Probe = { values: [...prefix, ...(low ? [low.value] : [])], key: LOWEST }
    while (probe.values.length < this.fields.length) probe.values.push(null)
    let c = this.chunkFor(probe)
    let at = c < this.chunks.length ? this.position(this.chunks[c], probe) : 0
    for (; c < this.chunks.length; c++, at = 0) {
      const chunk = this.chunks[c]
      for (; at < chunk.length; at++) {
        const doc = chunk[at]
        for (let i = 0; i < n; i++) if (compareValues(this.value(doc, i), prefix[i]) !== 0) return
        if (range) {
          const v = this.value(doc, n)
          if (low) {
            const cl = compareValues(v, low.value)
            if (cl < 0 || (cl === 0 && !low.inclusive)) continue
          }
          const high = range.hi
          if (high) {
            const ch = compareValues(v, high.value)
            if (ch > 0 || (ch === 0 && !high.inclusive)) return
          }
        }
        yield doc
      }
    }
  }
}

/** What a query says about one field that an index can use. */
interface FieldCondition {
  /** Equal to one of these. */
  values?: IndexValue[]
  range?: Range
}

const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || v instanceof Date

/** The conditions of a conjunctive query, per top-level field (`$and` flattened); null fields are not usable. */
/**
 * Whether the cloud database could narrow a query by one of these indexes (each its fields in
 * order): one starts with a field the query fixes or bounds, or the query names `_id`. A query with
 * no such condition reads the whole collection, where it is served by none.
 */
export function servedBy(indexes: readonly (readonly string[])[], criteria: Doc): boolean {
  const conds = conditionsOf(criteria)
  return conds.size === 0 || conds.has('_id') || indexes.some((fields) => conds.has(fields[0]))
}

/** The fields a query fixes or bounds (for telling which index it lacks). */
export const conditionFields = (criteria: Doc): string[] => [...conditionsOf(criteria).keys()]

function conditionsOf(criteria: Doc, out = new Map<string, FieldCondition[]>()): Map<string, FieldCondition[]> {
  for (const [field, cond] of Object.entries(criteria)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const part of cond) if (isPlainObject(part)) conditionsOf(part as Doc, out)
      continue
    }
    if (field.startsWith('$')) continue
    const c = fieldCondition(cond)
    if (c) out.set(field, [...(out.get(field) ?? []), c])
  }
  return out
}

function fieldCondition(cond: unknown): FieldCondition | undefined {
  if (scalar(cond)) return { values: [cond] }
  if (!isPlainObject(cond)) return undefined
  const ops = cond as Doc
  const keys = Object.keys(ops)
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return undefined
  const out: FieldCondition = {}
  for (const k of keys) {
    const v = ops[k]
    if (k === '$eq' && scalar(v)) out.values = [v]
    else if (k === '$in' && Array.isArray(v) && v.every(scalar)) out.values = v
    else if ((k === '$gt' || k === '$gte') && scalar(v) && v !== null) out.range = { ...out.range, lo: { value: v, inclusive: k === '$gte' } }
    else if ((k === '$lt' || k === '$lte') && scalar(v) && v !== null) out.range = { ...out.range, hi: { value: v, inclusive: k === '$lte' } }
  }
  return out.values || out.range ? out : undefined
}

/** Equality values of a field from all its conditions (their intersection), or the range. */
function merge(conds: FieldCondition[]): FieldCondition {
  let values: IndexValue[] | undefined
  let range: Range | undefined
  for (const c of conds) {
    if (c.values) values = values ? values.filter((v) => c.values!.some((w) => compareValues(v, w) === 0)) : c.values
    if (c.range) range = { lo: c.range.lo ?? range?.lo, hi: c.range.hi ?? range?.hi }
  }
  return values ? { values } : { range }
}

const MAX_PREFIXES = 256

export interface Plan {
  index: SortedIndex
  prefixes: IndexValue[][]
  range?: Range
}

/** The index that constrains most of the query's fields (equalities, then a range), if any does. */
export function plan(indexes: readonly SortedIndex[], criteria: Doc): Plan | undefined {
  if (indexes.length === 0) return undefined
  const conds = conditionsOf(criteria)
  if (conds.size === 0) return undefined
  let best: { plan: Plan; score: number } | undefined
  for (const index of indexes) {
    if (index.unsafe > 0) continue
    let prefixes: IndexValue[][] = [[]]
    let range: Range | undefined
    let score = 0
    for (const field of index.fields) {
      const found = conds.get(field)
      if (!found) break
      const c = merge(found)
      if (c.values) {
        if (prefixes.length * c.values.length > MAX_PREFIXES) break
        prefixes = prefixes.flatMap((p) => c.values!.map((v) => [...p, v]))
        score += 2
        continue
      }
      range = c.range
      score += 1
      break
    }
    if (score > 0 && (!best || score > best.score)) best = { plan: { index, prefixes, range }, score }
  }
  return best?.plan
}
