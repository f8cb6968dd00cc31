/**
 * The cloud behind the built weapp in miniprogram-simulate: the deployed domain routers, in this
 * process, over the real local store in a temporary directory seeded with the demo organisation
 * (local-cloud/seed.ts) and the previous quarter's report, with the clock fixed. Pages call it as the signed-in member `as(...)` names.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { domainOf, type Domain } from '../../types/actions'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'
import { seedIfEmpty } from '../../local-cloud/seed'
import { MEMBERS, type Member } from '../../server/members'
import { Clock, createLocalPlatform, runAsCaller } from '../../server/local-platform'
import { installPlatform } from '../../server/platform'
import type { CloudDatabase } from '../../server/db/types'
import { runQuarterReport } from '../../server/reports/report'
import type { CloudAnswer } from './weapp-host'
import { REGISTERED } from '../../server/db/collections'

type Router = { main(event: unknown): Promise<unknown> }

/* eslint-disable @typescript-eslint/no-require-imports -- each router loads when a call first reaches it, on the platform the test installed */
const ROUTERS: Record<Domain, () => Router> = {
  member: () => require('../../cloudfunctions/member'),
  org: () => require('../../cloudfunctions/org'),
  content: () => require('../../cloudfunctions/content'),
  study: () => require('../../cloudfunctions/study'),
  group: () => require('../../cloudfunctions/group'),
  score: () => require('../../cloudfunctions/score'),
  weekly: () => require('../../cloudfunctions/weekly'),
  report: () => require('../../cloudfunctions/report'),
  quiz: () => require('../../cloudfunctions/quiz'),
}
/* eslint-enable @typescript-eslint/no-require-imports */

export interface WeappCloud {
  db: CloudDatabase
  clock: Clock
  /** What the host's `wx.cloud.callFunction` answers: the action run by its router as the current member. */
  answer: CloudAnswer
  /** Makes the seeded member with this id the caller of every later call. */
  as(memberId: string): Promise<Member>
  /** Makes a WeChat user with no member record (this OPENID) the caller. */
  asNewUser(openid: string): void
  close(): Promise<void>
}

export async function openWeappCloud(at: string): Promise<WeappCloud> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xxq-weapp-'))
  const clock = new Clock()
  clock.fix(new Date(at))
  const store: LocalStore = await openLocalStore(dir, { now: () => clock.now(), ...REGISTERED })
  const db = store.database()
  installPlatform(createLocalPlatform(db, clock))
  await seedIfEmpty(db, clock.now())
  // The quarter before has its 季度通报, as its first day's timer left it.
  await runQuarterReport(db, clock.now())
  let openid: string | undefined
  return {
    db,
    clock,
    answer: ({ name, data }) => runAsCaller(openid, () => ROUTERS[domainOf(name)!]().main({ action: name, ...data })),
    async as(memberId) {
      const { data } = await db.collection(MEMBERS).doc(memberId).get()
      openid = (data as Member).openid
      return data as Member
    },
    asNewUser(newOpenId) {
      openid = newOpenId
    },
    async close() {
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
