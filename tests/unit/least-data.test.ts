import * as shared from '../../types'
import { contract, type ActionName } from '../../types'

/**
 * Least data out: no answer carries a WeChat OPENID, and a phone number only reaches the organisation's
 * admins, in the roster actions below (each requires an admin role; tests/functions/permissions.test.ts).
 * The contract's output schemas are walked, so a new action or field is covered the day it is added.
 */
const ROSTER_ACTIONS: ActionName[] = ['listMembers', 'preregisterMember', 'moveMember', 'setRoles', 'deactivateMember', 'reactivateMember', 'confirmSamePerson']

type Schema = { _zod: { def: { type: string; innerType?: Schema; shape?: Record<string, Schema>; element?: Schema; options?: Schema[]; valueType?: Schema; in?: Schema; out?: Schema } } }

/** Every field path in an output schema. */
function fieldPaths(schema: Schema, path = '', seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = schema._zod.def
  const inner = def.innerType ?? def.element ?? def.valueType ?? def.out
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, field]) => [path ? `${path}.${key}` : key, ...fieldPaths(field, path ? `${path}.${key}` : key, seen)])
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => fieldPaths(o, path, seen))
  return inner ? fieldPaths(inner, path, seen) : []
}

const outputs = (Object.entries(contract) as [ActionName, { output: Schema }][]).map(([action, { output }]) => ({ action, paths: fieldPaths(output) }))

test('the walk sees nested fields (a reply thread’s answers, a page’s items)', () => {
  const listReplies = outputs.find((o) => o.action === 'listReplies')!.paths
  expect(listReplies).toEqual(expect.arrayContaining(['items', 'items.children', 'items.children.authorId', 'nextCursor']))
})

test('no action answers an OPENID', () => {
  const leaks = outputs.flatMap(({ action, paths }) => paths.filter((p) => /openid/i.test(p)).map((p) => `${action}: ${p}`))
  expect(leaks).toEqual([])
})

test('phone numbers only in the admins’ roster actions', () => {
  const withPhone = outputs.filter(({ paths }) => paths.some((p) => /phone|mobile|手机/i.test(p))).map(({ action }) => action)
  expect(withPhone.sort()).toEqual([...ROSTER_ACTIONS].sort())
})

test('no shape shared with the mini-program has an OPENID: the stored member stays on the server', () => {
  const schemas = Object.entries(shared).filter(([, value]) => typeof value === 'object' && value !== null && '_zod' in value) as [string, Schema][]
  expect(schemas.length).toBeGreaterThan(50)
  const withOpenId = schemas.filter(([, schema]) => fieldPaths(schema).some((p) => /openid/i.test(p))).map(([name]) => name)
  expect(withOpenId).toEqual([])
})
