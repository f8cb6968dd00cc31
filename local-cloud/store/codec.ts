/**
 * Value encodings.
 *
 * - Wire: the canonical Extended JSON that `@cloudbase/database` sends to the server
 *   (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"0"}}`, `{"$regularExpression":...}`,
 *   `{"$tcb_server_date":{"offset":0}}`). Decoded here the way the server does: numbers,
 *   Dates, RegExps, and server dates replaced by the store's clock.
 * - Stored: compact JSON used in the journal and snapshots; Dates as `{"$date":<ms>}`,
 *   RegExps as `{"$regularExpression":...}`, non-finite numbers as `{"$numberDouble":"NaN"}`.
 *
 * Stored documents only ever contain plain objects, arrays, strings, numbers, booleans,
 * null, Date and RegExp.
 */

export type Doc = Record<string, unknown>

const BSON_TO_JS_FLAGS = new Set(['i', 'm', 's', 'u', 'g', 'y'])

function toRegExp(spec: unknown): RegExp | undefined {
  if (spec === null || typeof spec !== 'object') return undefined
  const { pattern, options } = spec as { pattern?: unknown; options?: unknown }
  if (typeof pattern !== 'string') return undefined
  const flags = typeof options === 'string' ? [...new Set(options.split(''))].filter((f) => BSON_TO_JS_FLAGS.has(f)).join('') : ''
  return new RegExp(pattern, flags)
}

function singleKey(obj: object): string | undefined {
  let found: string | undefined
  for (const k in obj) {
    if (found !== undefined) return undefined
    found = k
  }
  return found
}

function reviveSpecial(value: object, serverNow: (() => number) | undefined): unknown {
  const key = singleKey(value)
  if (key === undefined || key.charCodeAt(0) !== 36 /* $ */) return value
  const inner = (value as Record<string, unknown>)[key]
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return typeof inner === 'string' ? Number(inner) : typeof inner === 'number' ? inner : value
    case '$date':
      if (typeof inner === 'number' || typeof inner === 'string') return new Date(inner)
      return value
    case '$regularExpression':
      return toRegExp(inner) ?? value
    case '$tcb_server_date': {
      if (!serverNow) return value
      const offset = inner !== null && typeof inner === 'object' ? Number((inner as { offset?: unknown }).offset ?? 0) : 0
      return new Date(serverNow() + (Number.isFinite(offset) ? offset : 0))
    }
    default:
      return value
  }
}

function reviveTree(value: unknown, serverNow: (() => number) | undefined): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i]
      if (v !== null && typeof v === 'object') value[i] = reviveTree(v, serverNow)
    }
    return value
  }
  const obj = value as Record<string, unknown>
  for (const k in obj) {
    const v = obj[k]
    if (v !== null && typeof v === 'object') obj[k] = reviveTree(v, serverNow)
  }
  return reviveSpecial(obj, serverNow)
}

/**
 * Decodes a wire payload. All `db.serverDate()` values of one payload get the same instant,
 * read once from `now`.
 */
export function decodeWire(json: string, now: () => Date): unknown {
  let instant: number | undefined
  const serverNow = (): number => (instant ??= now().getTime())
  return reviveTree(JSON.parse(json), serverNow)
}

function encodeValue(v: unknown): string {
  if (v === null) return 'null'
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v)
    case 'number':
      return Number.isFinite(v) ? String(v) : `{"$numberDouble":"${String(v)}"}`
    case 'boolean':
      return v ? 'true' : 'false'
    case 'object': {
      if (Array.isArray(v)) {
        let out = '['
        for (let i = 0; i < v.length; i++) {
          if (i > 0) out += ','
          const item = v[i]
          out += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : encodeValue(item)
        }
        return out + ']'
      }
      if (v instanceof Date) {
        const ms = v.getTime()
        return Number.isNaN(ms) ? '{"$date":"invalid"}' : `{"$date":${ms}}`
      }
      if (v instanceof RegExp) {
        return `{"$regularExpression":{"pattern":${JSON.stringify(v.source)},"options":${JSON.stringify(v.flags)}}}`
      }
      let out = '{'
      let first = true
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue
        const item = (v as Record<string, unknown>)[k]
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
        out += (first ? '' : ',') + JSON.stringify(k) + ':' + encodeValue(item)
        first = false
      }
      return out + '}'
    }
    case 'bigint':
      return String(v)
    default:
      return 'null'
  }
}

export function encodeStored(value: unknown): string {
  return encodeValue(value)
}

export function decodeStored(json: string): unknown {
  const parsed: unknown = JSON.parse(json)
  return json.indexOf('"$') === -1 ? parsed : reviveTree(parsed, undefined)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Deep copy of a stored value (plain objects, arrays, Date, RegExp, primitives). */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = cloneValue(value[i])
    return out as unknown as T
  }
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as unknown as T
  const out: Record<string, unknown> = {}
  for (const k in value) {
    if (Object.prototype.hasOwnProperty.call(value, k)) out[k] = cloneValue((value as Record<string, unknown>)[k])
  }
  return out as T
}

/** Structural equality over stored values. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime()
  if (b instanceof Date) return false
  if (a instanceof RegExp) return b instanceof RegExp && a.source === b.source && a.flags === b.flags
  if (b instanceof RegExp) return false
  const ak = Object.keys(a)
  const bk = Object.keys(b)
  if (ak.length !== bk.length) return false
  for (let i = 0; i < ak.length; i++) {
    // field order is significant for documents, as in BSON
    if (ak[i] !== bk[i]) return false
    if (!valuesEqual((a as Record<string, unknown>)[ak[i]], (b as Record<string, unknown>)[bk[i]])) return false
  }
  return true
}
