import { normalizeText } from '../../types/text'

/** A zod 4 schema as far as walking it goes. */
export type Schema = {
  _zod: {
    def: {
      type: string
      innerType?: Schema
      shape?: Record<string, Schema>
      element?: Schema
      options?: Schema[]
      valueType?: Schema
      in?: Schema
      out?: Schema
      checks?: { _zod: { def: { check: string; tx?: unknown } } }[]
    }
  }
}

/** Every field of a schema, nested ones by dotted path (through optional, nullable, default, arrays, records, unions and pipes). */
export function fieldsOf(schema: Schema, path = '', seen = new Set<Schema>()): { path: string; schema: Schema }[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = schema._zod.def
  if (def.type === 'object') {
    return Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
      const at = path ? `${path}.${key}` : key
      return [{ path: at, schema: field }, ...fieldsOf(field, at, seen)]
    })
  }
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => fieldsOf(o, path, seen))
  // A pipe (a transform): what it reads and what it gives.
  if (def.type === 'pipe') return [def.in, def.out].flatMap((s) => (s ? fieldsOf(s, path, seen) : []))
  const inner = def.innerType ?? def.element ?? def.valueType
  return inner ? fieldsOf(inner, path, seen) : []
}

/** A field of free text (built with `text()` in types/fields.ts, which normalises what it reads), alone, in a list or in a union. */
export function isText(schema: Schema): boolean {
  const def = schema._zod.def
  if (def.type === 'string') return (def.checks ?? []).some((c) => c._zod.def.check === 'overwrite' && c._zod.def.tx === normalizeText)
  if (def.type === 'union') return (def.options ?? []).some(isText)
  if (def.type === 'pipe') return [def.in, def.out].some((s) => s !== undefined && isText(s))
  const inner = def.innerType ?? def.element
  return inner ? isText(inner) : false
}
