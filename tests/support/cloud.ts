import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Member } from '../../types'
import type { CloudDatabase } from '../../server/db/types'
import { Clock, createLocalPlatform, runAsCaller } from '../../server/local-platform'
import { MEMBERS } from '../../server/members'
import { installPlatform } from '../../server/platform'
import { UNITS } from '../../server/profile'
import { openLocalStore } from '../../server/local-store'

export interface TestCloud {
  db: CloudDatabase
  clock: Clock
  dir: string
  /** Calls a function as the WeChat user `openid` (undefined: no user in the context). */
  call<R>(fn: { main(event: unknown): Promise<R> }, openid: string | undefined, event?: unknown): Promise<R>
  addMember(fields: Partial<Member> & { _id: string }): Promise<Member>
  /** Reopens the store from disk, as after a restart. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** The real local store in a temporary directory, installed as the platform, clock fixed at `at`. */
export async function openTestCloud(at: string): Promise<TestCloud> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-fn-'))
  const clock = new Clock()
  clock.fix(new Date(at))
  let store = await openLocalStore(dir, { now: () => clock.now() })
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
        ...fields,
      }
      await store.database().collection(MEMBERS).add({ data: member })
      return member
    },
    async restart() {
      await store.close()
      store = await openLocalStore(dir, { now: () => clock.now() })
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

async function seedUnits(db: CloudDatabase) {
  const units = [
    { _id: 'committee', kind: 'committee', name: '测试党委', parentId: null },
    { _id: 'branch-1', kind: 'branch', name: '第一党支部', parentId: 'committee' },
    { _id: 'group-1', kind: 'group', name: '第一党小组', parentId: 'branch-1' },
  ]
  for (const unit of units) await db.collection(UNITS).add({ data: unit })
}

/** All documents of a collection (tests only; small collections). */
export async function allDocs(db: CloudDatabase, collection: string): Promise<Record<string, unknown>[]> {
  const { data } = await db.collection(collection).limit(1000).get()
  return data as Record<string, unknown>[]
}
