/**
 * `$group` in plain JavaScript for the shapes the project's aggregates use (field paths, objects of
 * them, literals, `$cond` on `$eq`; `$sum`, `$max`, `$min`, `$push`, `$first`, `$last`), with
 * mingo's results exactly: missing fields left out of an `_id` object, null where a missing value is
 * pushed or kept. Mingo spent about 20 µs an entry over a batch's ledger, most of it copying and
 * hashing every document; this reads the stored documents without copying them. Any other shape is
 * mingo's to run.
 */
import { cloneValue, isPlainObject, type Doc } from './codec'

class Unsupported extends Error {}

type Compiled = (doc: Doc) => unknown

/** An expression made once a stage into a reader of documents: a field path's value (undefined when missing), an object of expressions, or a literal. */
function compile(expr: unknown): Compiled {
  if (typeof expr === 'string' && expr.startsWith('$')) {
    if (expr.startsWith('$$')) throw new Unsupported()
    const parts = expr.slice(1).split('.')
    if (parts.length === 1) return (doc) => doc[parts[0]]
    return (doc) => {
      let value: unknown = doc
      for (const part of parts) {
        // Paths through arrays have their own rules: mingo's.
        if (Array.isArray(value)) throw new Unsupported()
        value = isPlainObject(value) ? value[part] : undefined
      }
      return value
    }
  }
  if (isPlainObject(expr) && Object.keys(expr).length === 1 && '$cond' in expr) return compileCond(expr.$cond)
  if (isPlainObject(expr) && Object.keys(expr).length === 1 && '$eq' in expr) return compileEq(expr.$eq)
  if (isPlainObject(expr)) {
    const fields = Object.entries(expr).map(([key, sub]): [string, Compiled] => {
      if (key.startsWith('$')) throw new Unsupported()
      return [key, compile(sub)]
    })
    return (doc) => {
      const out: Doc = {}
      for (const [key, read] of fields) {
        const value = read(doc)
        if (value !== undefined) out[key] = value
      }
      return out
    }
  }
  if (Array.isArray(expr)) throw new Unsupported()
  return () => expr
}

/** `{ $cond: { if, then, else } }`: `then` where `if` is true (mingo's truth, in its strict mode: `!!value`, or ''). */
function compileCond(spec: unknown): Compiled {
  if (!isPlainObject(spec) || Object.keys(spec).sort().join() !== 'else,if,then') throw new Unsupported()
  const [test, then, otherwise] = [compile(spec.if), compile(spec.then), compile(spec.else)]
  return (doc) => {
    const t = test(doc)
    return !!t || t === '' ? then(doc) : otherwise(doc)
  }
}

/** `{ $eq: [a, b] }` over strings, numbers, booleans and null (missing values and objects: mingo's). */
function compileEq(spec: unknown): Compiled {
  if (!Array.isArray(spec) || spec.length !== 2) throw new Unsupported()
  const [a, b] = spec.map(compile)
  return (doc) => {
    const x = a(doc)
    const y = b(doc)
    for (const v of [x, y]) if (v === undefined || (v !== null && typeof v === 'object')) throw new Unsupported()
    return x === y
  }
}

/** Same-type values in order (numbers, strings, dates, booleans); mixed types follow BSON order: mingo's. */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b)
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime()
  throw new Unsupported()
}

type Operator = '$sum' | '$max' | '$min' | '$push' | '$first' | '$last'
const OPERATORS = new Set<string>(['$sum', '$max', '$min', '$push', '$first', '$last'])

/** No value yet ($first, $max, $min). */
const UNSET = Symbol('unset')

const initial = (op: Operator): unknown => (op === '$sum' ? 0 : op === '$push' ? [] : UNSET)

/** An accumulator's state after one more value (a state per group and field: no closures a group). */
function step(op: Operator, state: unknown, value: unknown): unknown {
  switch (op) {
    case '$sum':
      return typeof value === 'number' ? (state as number) + value : state
    case '$push':
      ;(state as unknown[]).push(value === undefined ? null : value)
      return state
    case '$first':
      return state === UNSET ? value : state
    case '$last':
      return value
    default: {
      if (value === undefined || value === null) return state
      const sign = op === '$max' ? 1 : -1
      return state === UNSET || sign * compare(value, state) > 0 ? value : state
    }
  }
}

const result = (state: unknown): unknown => (state === UNSET || state === undefined ? null : state)

/** A group's key: equal `_id` values, equal keys (each part marked with its type, strings quoted). */
function keyOf(value: unknown): string {
  if (value === null || value === undefined) return 'n'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return `d${value}`
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (value instanceof Date) return `D${value.getTime()}`
  if (Array.isArray(value)) return `[${value.map(keyOf).join(',')}]`
  if (isPlainObject(value)) {
    let key = '{'
    for (const [name, part] of Object.entries(value)) key += `${JSON.stringify(name)}:${keyOf(part)},`
    return `${key}}`
  }
  throw new Unsupported()
}

function groupStage(docs: Doc[], spec: Record<string, unknown>): Doc[] {
  const fields = Object.entries(spec)
    .filter(([name]) => name !== '_id')
    .map(([name, acc]) => {
      const entries = isPlainObject(acc) ? Object.entries(acc) : []
      if (entries.length !== 1 || !OPERATORS.has(entries[0][0])) throw new Unsupported()
      return { name, op: entries[0][0] as Operator, read: compile(entries[0][1]) }
    })
  const idOf = compile(spec._id)
  const groups = new Map<string, { _id: unknown; states: unknown[] }>()
  for (const doc of docs) {
    const id = idOf(doc) ?? null
    const key = keyOf(id)
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { _id: id, states: fields.map((f) => initial(f.op)) }))
    for (let i = 0; i < fields.length; i++) group.states[i] = step(fields[i].op, group.states[i], fields[i].read(doc))
  }
  return [...groups.values()].map(({ _id, states }) => {
    const out: Doc = { _id }
    fields.forEach((f, i) => (out[f.name] = result(states[i])))
    return out
  })
}

/**
 * Runs the pipeline's leading `$group` stages over `docs` (stored documents, read, never changed),
 * answering the grouped documents (copies) and the stages left; undefined when the first stage is
 * not a `$group` this module evaluates.
 */
export function groupNatively(docs: Doc[], stages: Doc[]): { output: Doc[]; rest: Doc[] } | undefined {
  let output = docs
  let done = 0
  try {
    while (done < stages.length && Object.keys(stages[done]).length === 1 && isPlainObject(stages[done].$group)) {
      output = groupStage(output, stages[done].$group as Record<string, unknown>)
      done += 1
    }
  } catch (err) {
    if (err instanceof Unsupported) return undefined
    throw err
  }
  return done === 0 ? undefined : { output: output.map((d) => cloneValue(d)), rest: stages.slice(done) }
}
