import { readdirSync } from 'node:fs'
import path from 'node:path'
import { MANIFEST } from '../../cloudfunctions/manifest'
import { main as member } from '../../cloudfunctions/member'
import { main as org } from '../../cloudfunctions/org'
import { CHECKINS } from '../../server/checkin'
import { defineFunction } from '../../server/function'
import { UNITS } from '../../server/units'
import { FUNCTIONS } from '../../types/actions'
import { staleFiles } from '../../scripts/functions-manifest'
import { allDocs, openTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud

beforeEach(async () => {
  cloud = await openTestCloud('2026-03-10T02:00:00Z')
  await cloud.addCast()
})
afterEach(() => cloud.close())

const call = (fn: (event: unknown) => Promise<unknown>, who: string | undefined, event: unknown) => cloud.call({ main: fn }, who, event)

describe('domain routers', () => {
  it('route { action, ...input } to the action, with the caller from the context', async () => {
    expect(await call(member, 'wx-m1', { action: 'getMe' })).toMatchObject({ ok: true, data: { name: '李党员' } })
    expect(await call(member, 'wx-m1', { action: 'checkIn', reflection: '读了一篇' })).toMatchObject({ ok: true, data: { status: 'created' } })
    expect(await allDocs(cloud.db, CHECKINS)).toHaveLength(1)
  })

  it('answer UNKNOWN_ACTION for a missing action, another domain’s action or a prototype name, and write nothing', async () => {
    for (const event of [
      {},
      { action: '' },
      { action: 42 },
      { action: 'saveUnit', kind: 'branch', name: '新支部' },
      { action: 'constructor' },
      { action: '__proto__' },
    ]) {
      expect(await call(member, 'wx-org', event)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION', message: expect.stringContaining('请更新小程序') })
    }
    expect(await allDocs(cloud.db, UNITS)).toHaveLength(7)
  })

  it('keep each action’s role check and input schema: wrong role → FORBIDDEN, bad input → INVALID_INPUT, nothing written', async () => {
    expect(await call(org, 'wx-m1', { action: 'saveUnit', kind: 'branch', name: '新支部' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(org, 'wx-org', { action: 'saveUnit', kind: 'club', name: '新支部' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '单位类型应为党支部或党小组',
    })
    expect(await call(org, 'wx-org', { action: 'saveUnit', kind: 'branch', name: '新支部', groupId: 'x' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call(org, undefined, { action: 'saveUnit', kind: 'branch', name: '新支部' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await allDocs(cloud.db, UNITS)).toHaveLength(7)
    expect(await call(org, 'wx-org', { action: 'saveUnit', kind: 'branch', name: '新支部' })).toMatchObject({ ok: true, data: { name: '新支部' } })
    expect(await allDocs(cloud.db, UNITS)).toHaveLength(8)
  })

  it('an action that touches a port it did not declare fails instead of running without its permission', async () => {
    const sneaky = defineFunction('getMe', async (_input, { contentCheck, caller }) => {
      await contentCheck.check({ openid: caller.openid, scene: 'profile', text: 'x' })
      throw new Error('unreachable')
    })
    expect(await cloud.call(sneaky, 'wx-m1', {})).toMatchObject({ ok: false, code: 'INTERNAL' })
  })
})

describe('the deployable functions', () => {
  it('are the manifest’s folders, well within the environment’s 50, and serve every action once', () => {
    const folders = readdirSync(path.join(__dirname, '../../cloudfunctions'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
    expect(folders.sort()).toEqual(Object.keys(MANIFEST).sort())
    expect(folders.length).toBeLessThanOrEqual(16)
    const actions = Object.values(FUNCTIONS).flat()
    expect(new Set(actions).size).toBe(actions.length)
  })

  it('have the config.json and package.json the manifest and their declared ports generate', () => {
    expect(staleFiles()).toEqual([])
  })
})
