/**
 * Write errors MongoDB (and so the cloud database) raises for update operators that
 * mingo's updater would silently ignore or apply differently.
 */
import { isPlainObject } from './codec'

function bsonTypeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'date'
  if (v instanceof RegExp) return 'regex'
  switch (typeof v) {
    case 'string':
      return 'string'
    case 'boolean':
      return 'bool'
    case 'number':
      return Number.isInteger(v) ? 'int' : 'double'
    case 'object':
      return 'object'
    default:
      return typeof v
  }
}

function render(v: unknown, depth = 0): string {
  if (v === null) return 'null'
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return `new Date(${v.getTime()})`
  if (v instanceof RegExp) return String(v)
  if (depth > 2) return '...'
  if (Array.isArray(v)) return `[ ${v.map((x) => render(x, depth + 1)).join(', ')} ]`
  if (isPlainObject(v)) {
    const parts = Object.keys(v).map((k) => `${k}: ${render(v[k], depth + 1)}`)
    return parts.length ? `{ ${parts.join(', ')} }` : '{}'
  }
  return String(v)
}

const CREATING_OPS = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate'])
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop'])
const NUMERIC_OPS = new Set(['$inc', '$mul'])
const INDEX = /^\d+$/

/**
 * Returns the MongoDB error message the update would fail with on `doc`, or undefined.
 */
export function checkUpdate(doc: Record<string, unknown>, modifier: Record<string, unknown>): string | undefined {
  const id = doc._id
  for (const op of Object.keys(modifier)) {
    const fields = modifier[op]
    if (!isPlainObject(fields)) return `Modifiers operate on fields but we found type ${bsonTypeName(fields)} instead.`
    for (const path of Object.keys(fields)) {
      const arg = fields[path]
      const segs = path.split('.')
      let cur: unknown = doc
      let reachable = true
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i]
        if (cur === undefined) {
          reachable = false
          break
        }
        const container = isPlainObject(cur) || (Array.isArray(cur) && INDEX.test(seg))
        if (!container) {
          if (!CREATING_OPS.has(op)) {
            reachable = false
            break
          }
          return `Cannot create field '${seg}' in element {${segs[i - 1]}: ${render(cur)}}`
        }
        cur = (cur as Record<string, unknown>)[seg]
      }
      if (NUMERIC_OPS.has(op)) {
        if (typeof arg !== 'number') {
          return `Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${render(arg)}}`
        }
        if (reachable && cur !== undefined && typeof cur !== 'number') {
          return `Cannot apply ${op} to a value of non-numeric type. {_id: ${render(id)}} has the field '${segs[segs.length - 1]}' of non-numeric type ${bsonTypeName(cur)}`
        }
      }
      if (ARRAY_OPS.has(op) && reachable && cur !== undefined && !Array.isArray(cur)) {
        if (op === '$push' || op === '$addToSet') {
          return `The field '${segs[segs.length - 1]}' must be an array but is of type ${bsonTypeName(cur)} in document {_id: ${render(id)}}`
        }
        if (op === '$pop') return `Path '${path}' contains an element of non-array type '${bsonTypeName(cur)}'`
        return 'Cannot apply $pull to a non-array value'
      }
    }
  }
  return undefined
}
