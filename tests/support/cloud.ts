import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { Clock, createLocalPlatform, runAsCaller } from '../../server/local-platform'
import { MEMBERS, type Member } from '../../server/members'
import { nameKey } from '../../server/name-order'
import { installPlatform } from '../../server/platform'
import { INVITATIONS, type InvitationDoc } from '../../server/invitations'
import { UNITS } from '../../server/units'
import { openLocalStore } from '../../local-cloud/store'
import { REGISTERED } from '../../server/db/collections'

export interface TestCloud {
  db: CloudDatabase
  clock: Clock
  dir: string
  /** Calls a function as the WeChat user `openid` (undefined: no user in the context). */
  call<R>(fn: { main(event: unknown): Promise<R> }, openid: string | undefined, event?: unknown): Promise<R>
  addMember(fields: Partial<Member> & { _id: string }): Promise<Member>
  /** Adds the CAST below; each calls as `wx-<id>`. */
  addCast(): Promise<void>
  /** An invitation code for group-1 by default, valid for 14 days from the clock, 30 uses. */
  addInvitation(fields: Partial<InvitationDoc> & { _id: string }): Promise<InvitationDoc>
  /** Reopens the store from disk, as after a restart. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** The real local store in a temporary directory, installed as the platform, clock fixed at `at`. */
export async function openTestCloud(at: string): Promise<TestCloud> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-fn-'))
  const clock = new Clock()
  clock.fix(new Date(at))
  let store = await openLocalStore(dir, { now: () => clock.now(), ...REGISTERED })
  const install = () => installPlatform(createLocalPlatform(store.database(), clock))
  install()

  const cloud: TestCloud = {
    get db() {
      return store.database()
    },
    clock,
    dir,
    call: (fn, openid, event = {}) => runAsCaller(openid, () => fn.main(event)),
    async addMember(fields) {
      const member: Member = {
        openid: `openid-${fields._id}`,
        name: `成员${fields._id}`,
        groupId: 'group-1',
        branchId: 'branch-1',
        roles: ['member'],
        status: 'active',
        largeFont: false,
        ...fields,
      }
      // As registration stores it: lists sort members by it.
      member.nameKey ??= nameKey(member.name)
      await store.database().collection(MEMBERS).add({ data: member })
      return member
    },
    async addCast() {
      for (const [_id, fields] of Object.entries(CAST)) await cloud.addMember({ _id, openid: `wx-${_id}`, ...fields })
    },
    async addInvitation(fields) {
      const now = clock.now()
      const invitation: InvitationDoc = {
        groupId: 'group-1',
        branchId: 'branch-1',
        maxUses: 30,
        uses: 0,
        expiresAt: new Date(now.getTime() + 14 * 24 * 3600_000),
        revoked: false,
        createdBy: 'admin',
        createdAt: now,
        ...fields,
      }
      await store.database().collection(INVITATIONS).add({ data: invitation })
      return invitation
    },
    async restart() {
      await store.close()
      store = await openLocalStore(dir, { now: () => clock.now(), ...REGISTERED })
      install()
    },
    async close() {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
  await seedUnits(store.database())
  return cloud
}

const inGroup = (n: 1 | 2 | 3 | 4) => ({ groupId: `group-${n}`, branchId: n <= 2 ? 'branch-1' : 'branch-2' })

/**
 * A cast for permission tests: one person per role, all in group-1 (branch-1) except the second
 * branch's admin, and plain members to act on in group-1, group-2 (same branch) and group-3 (other branch).
 */
export const CAST = {
  org: { name: '周组织', roles: ['member', 'orgAdmin'], ...inGroup(1) },
  ba1: { name: '吴支部', roles: ['member', 'branchAdmin'], ...inGroup(1) },
  ba2: { name: '郑支部', roles: ['member', 'branchAdmin'], ...inGroup(3) },
  lead1: { name: '王组长', roles: ['member', 'leader'], ...inGroup(1) },
  m1: { name: '李党员', roles: ['member'], ...inGroup(1) },
  t1: { name: '赵一', roles: ['member'], ...inGroup(1) },
  t2: { name: '钱二', roles: ['member'], ...inGroup(2) },
  t3: { name: '孙三', roles: ['member'], ...inGroup(3) },
} satisfies Record<string, Partial<Member>>

/** Two 党支部: branch-1 with group-1 and group-2, branch-2 with group-3 and group-4. */
async function seedUnits(db: CloudDatabase) {
  const units = [
    { _id: 'committee', kind: 'committee', name: '测试党委', parentId: null },
    { _id: 'branch-1', kind: 'branch', name: '第一党支部', parentId: 'committee' },
    { _id: 'branch-2', kind: 'branch', name: '第二党支部', parentId: 'committee' },
    { _id: 'group-1', kind: 'group', name: '第一党小组', parentId: 'branch-1' },
    { _id: 'group-2', kind: 'group', name: '第二党小组', parentId: 'branch-1' },
    { _id: 'group-3', kind: 'group', name: '第三党小组', parentId: 'branch-2' },
    { _id: 'group-4', kind: 'group', name: '第四党小组', parentId: 'branch-2' },
  ]
  const createdAt = new Date('2026-01-01T00:00:00Z')
  for (const unit of units) await db.collection(UNITS).add({ data: { ...unit, archived: false, createdAt } })
}

/** All documents of a collection (tests only; small collections). */
export async function allDocs(db: CloudDatabase, collection: string): Promise<Record<string, unknown>[]> {
  const { data } = await db.collection(collection).limit(1000).get()
  return data as Record<string, unknown>[]
}
