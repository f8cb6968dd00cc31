import * as shared from '../../types'
import { contract, type ActionName } from '../../types'
import { fieldsOf, type Schema } from '../support/schema-walk'

/**
 * Least data out: no answer carries a WeChat OPENID, and a phone number only reaches the organisation's
 * admins, in the roster actions below (each requires an admin role; tests/functions/permissions.test.ts).
 * The contract's output schemas are walked, so a new action or field is covered the day it is added.
 */
const ROSTER_ACTIONS: ActionName[] = ['listMembers', 'preregisterMember', 'moveMember', 'setRoles', 'deactivateMember', 'reactivateMember', 'confirmSamePerson']

const fieldPaths = (schema: Schema) => fieldsOf(schema).map((f) => f.path)

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
