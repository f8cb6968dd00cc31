/**
 * `npm run bench -- faults`: the local cloud killed with SIGKILL in the middle of bursts of
 * writes, again and again on the same data, then checked against every answer it gave.
 *
 * Each trial starts `local-cloud/main.ts` as a child process on the next Shanghai day, signs in
 * the seeded members and sends, in a shuffled order and 8 at a time, every member's 打卡, a reply
 * by each member of 第一党小组 (with a request key) and a like of an earlier reply — each call
 * twice at once, as a phone retrying would. After a random number of answers it kills the child.
 * At the end the store is read directly: every write the cloud acknowledged must be there, none
 * twice; then the nightly reconciliation runs, and every ledger entry a stored check-in or reply
 * implies must exist and every member's totals must equal the ledger.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { addDays } from '../../types/calendar'
import { domainOf } from '../../types/actions'
import { openLocalStore } from '../../local-cloud/store'
import { seeded } from '../../local-cloud/seeded-random'
import { CHECKINS, checkInId } from '../../server/checkin'
import type { CloudDatabase } from '../../server/db/types'
import { REPLIES, REPLY_LIKES } from '../../server/discussion/docs'
import { entryId, SCORE_ENTRIES, SCORE_TOTALS, type TotalsDoc } from '../../server/scoring/ledger'
import { differences, ledgerSums, membersAfter, totalsFromSums } from '../../server/scoring/replay'
import { loadRuleVersions } from '../../server/scoring/rule-versions'
import { figure, type BenchModule } from './bench'

const MAIN = path.resolve(__dirname, '../../local-cloud/main.ts')
/** The seed's first day; trial t runs on the day after it plus t. */
const FIRST_DAY = '2026-05-11'
const MEMBERS = Array.from({ length: 40 }, (_v, i) => `member-${String(i + 1).padStart(2, '0')}`)
/** 第一党小组: its leader (member-01) posts the prompt, the others reply and like. */
const GROUP = MEMBERS.slice(1, 10)
const WIDTH = 8

export interface FaultFigures {
  trials: number
  /** Writes the cloud answered as done, by kind. */
  acknowledged: { checkIns: number; replies: number; likes: number }
  /** Acknowledged writes missing after the restarts. */
  lost: number
  /** Check-ins, replies (one body each) or likes stored more than once. */
  doubled: number
  /** Stored check-ins and replies without their ledger entry before the reconciliation: it scored them. */
  scoredByReconciliation: number
  /** Members whose totals the reconciliation repaired. */
  totalsRepaired: number
  /** After the reconciliation: ledger entries still missing, and members whose totals differ from their ledger. */
  unscored: number
  drifted: number
}

interface Acks {
  checkIns: Set<string>
  /** Reply id by its (unique) body. */
  replies: Map<string, string>
  /** `<reply id>|<member id>`. */
  likes: Set<string>
}

/** The local cloud as a child process, answering on the port it prints. */
class Child {
  private constructor(
    private readonly process: ChildProcess,
    readonly url: string,
  ) {}

  static async start(dataDir: string, clock: string): Promise<Child> {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), MAIN], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', CLOCK: clock, HOST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8')
        const m = /http:\/\/localhost:(\d+)/.exec(output)
        if (m) resolve(`http://127.0.0.1:${m[1]}`)
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.once('exit', (code) => reject(new Error(`the local cloud exited (${code}) before answering:\n${output}`)))
    })
    return new Child(child, url)
  }

  async signIn(memberId: string): Promise<string> {
    const res = await fetch(`${this.url}/local/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ memberId, next: '/' }).toString(),
    })
    const cookie = /^([^;]+)/.exec(res.headers.get('set-cookie') ?? '')
    if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${memberId} answered ${res.status}`)
    return cookie[1]
  }

  /** The action's answer when the cloud acknowledged it; undefined when it refused or never answered. */
  async call(cookie: string, action: string, input: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    try {
      const res = await fetch(`${this.url}/api/functions/${domainOf(action)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ action, ...input }),
      })
      const body = (await res.json()) as { ok?: boolean; data?: Record<string, unknown> }
      return body.ok ? body.data : undefined
    } catch {
      return undefined
    }
  }

  async fire(timer: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}/local/timers/${timer}/fire`, { method: 'POST' })
    if (res.status !== 200) throw new Error(`firing ${timer} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as Record<string, unknown>
  }

  kill(): Promise<void> {
    return this.stop('SIGKILL')
  }

  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return Promise.resolve()
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()))
    this.process.kill(signal)
    return exited
  }
}

const clockOn = (day: string, time = '10:00') => `${day}T${time}:00+08:00`

/** Runs `tasks` WIDTH at a time until all ran or `stop()` says so. */
async function runPool(tasks: (() => Promise<void>)[], stop: () => boolean): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length && !stop()) await tasks[next++]()
  }
  await Promise.all(Array.from({ length: WIDTH }, worker))
}

/** Sends a call twice at once (a retry racing the first attempt); the answers, either may be missing. */
const twice = <T>(send: () => Promise<T>) => Promise.all([send(), send()])

/** The tasks of one trial's burst, each recording what the cloud acknowledged. */
function burst(child: Child, cookies: Map<string, string>, trial: number, promptId: string, acks: Acks, random: () => number): (() => Promise<number>)[] {
  const day = addDays(FIRST_DAY, trial + 1)
  const tasks: (() => Promise<number>)[] = MEMBERS.map((memberId) => async () => {
    const answers = await twice(() => child.call(cookies.get(memberId)!, 'checkIn', { reflection: `第${trial + 1}天：今天学习了一章，记下三点体会。` }))
    for (const answer of answers) if (answer) acks.checkIns.add(checkInId(memberId, day))
    return answers.filter(Boolean).length
  })
  for (const memberId of GROUP) {
    const body = `第${trial + 1}轮讨论（${memberId}）：结合工作谈谈体会。`
    tasks.push(async () => {
      const requestKey = `fault-${trial}-${memberId}`
      const answers = await twice(() => child.call(cookies.get(memberId)!, 'postReply', { promptId, body, requestKey }))
      for (const answer of answers) if (answer) acks.replies.set(body, String(answer._id))
      return answers.filter(Boolean).length
    })
    const others = [...acks.replies.entries()].filter(([text]) => !text.includes(`（${memberId}）`))
    if (others.length === 0) continue
    const [, replyId] = others[Math.floor(random() * others.length)]
    tasks.push(async () => {
      const answers = await twice(() => child.call(cookies.get(memberId)!, 'likeReply', { id: replyId, liked: true }))
      for (const answer of answers) if (answer) acks.likes.add(`${replyId}|${memberId}`)
      return answers.filter(Boolean).length
    })
  }
  // Fisher–Yates, seeded: the same trial sends in the same order.
  for (let i = tasks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[tasks[i], tasks[j]] = [tasks[j], tasks[i]]
  }
  return tasks
}

/** Every document of a collection (the fault test's data is a few thousand at most). */
async function all<T>(db: CloudDatabase, collection: string): Promise<T[]> {
  const docs: T[] = []
  for (;;) {
    const { data } = await db.collection(collection).orderBy('_id', 'asc').skip(docs.length).limit(1000).get()
    docs.push(...(data as T[]))
    if (data.length < 1000) return docs
  }
}

interface Stored {
  checkIns: { _id: string; memberId: string; day: string }[]
  replies: { _id: string; body: string }[]
  likes: { replyId: string; memberId: string }[]
  entries: Set<string>
}

async function readStored(dataDir: string): Promise<Stored> {
  const store = await openLocalStore(dataDir, { autoCompactBytes: 0 })
  try {
    const db = store.database()
    const [checkIns, replies, likes, entries] = await Promise.all([
      all<Stored['checkIns'][number]>(db, CHECKINS),
      all<Stored['replies'][number]>(db, REPLIES),
      all<Stored['likes'][number]>(db, REPLY_LIKES),
      all<{ _id: string }>(db, SCORE_ENTRIES),
    ])
    return { checkIns, replies, likes, entries: new Set(entries.map((e) => e._id)) }
  } finally {
    await store.close()
  }
}

/** Sources stored without the ledger entry they imply. */
function unscoredOf(stored: Stored): number {
  const missing = [...stored.checkIns.map((c) => entryId('checkin', c._id)), ...stored.replies.map((r) => entryId('reply', r._id))]
  return missing.filter((id) => !stored.entries.has(id)).length
}

/** Members whose stored totals differ from what their ledger says. */
async function driftedMembers(dataDir: string): Promise<number> {
  const store = await openLocalStore(dataDir, { autoCompactBytes: 0 })
  try {
    const db = store.database()
    const versions = await loadRuleVersions(db)
    const members = await membersAfter(db, null)
    const first = members[0]._id
    const last = members[members.length - 1]._id
    const sums = await ledgerSums(db, first, last)
    const totals = new Map((await all<TotalsDoc>(db, SCORE_TOTALS)).map((t) => [t._id, t]))
    return members.filter((m) => {
      const own = sums.get(m._id)
      return own && differences(totals.get(m._id), totalsFromSums(own, versions)).length > 0
    }).length
  } finally {
    await store.close()
  }
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** `trials` kills at random points on one data directory, then the checks; `seed` fixes every choice. */
export async function runKillTrials(options: { trials: number; seed: number; log?: (line: string) => void }): Promise<FaultFigures> {
  const random = seeded(options.seed)
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'xxq-faults-'))
  const acks: Acks = { checkIns: new Set(), replies: new Map(), likes: new Set() }
  try {
    // The prompt the replies answer, by 第一党小组's leader, open until further notice.
    const setup = await Child.start(dataDir, clockOn(FIRST_DAY))
    const prompt = await setup.call(await setup.signIn('member-01'), 'savePrompt', {
      title: '本轮学习讨论',
      body: '结合本周学习内容，谈谈你在工作中的体会。',
      closesOn: null,
      requestKey: 'fault-prompt',
    })
    await setup.kill()
    if (!prompt) throw new Error('the prompt for the fault trials was not posted')
    const promptId = String(prompt._id)

    for (let trial = 0; trial < options.trials; trial++) {
      const child = await Child.start(dataDir, clockOn(addDays(FIRST_DAY, trial + 1)))
      const cookies = new Map(await Promise.all(MEMBERS.map(async (id) => [id, await child.signIn(id)] as const)))
      const tasks = burst(child, cookies, trial, promptId, acks, random)
      // Killed after 1..all of the burst's answers: sometimes at once, sometimes as the last lands.
      const killAfter = 1 + Math.floor(random() * tasks.length * 2)
      let answered = 0
      let killing: Promise<void> | undefined
      await runPool(
        tasks.map((task) => async () => {
          const n = await task()
          answered += n
          if (answered >= killAfter && !killing) killing = child.kill()
        }),
        () => killing !== undefined,
      )
      await (killing ?? child.kill())
      options.log?.(`  trial ${trial + 1}: killed after ${answered} of up to ${tasks.length * 2} answers`)
    }

    const before = await readStored(dataDir)
    const scoredByReconciliation = unscoredOf(before)

    // The next night's reconciliation, on a cloud stopped cleanly afterwards.
    const night = await Child.start(dataDir, clockOn(addDays(FIRST_DAY, options.trials + 2), '02:30'))
    const reconciled = await night.fire('reconcileScores')
    await night.stop()
    const after = await readStored(dataDir)

    const checkInIds = new Set(after.checkIns.map((c) => c._id))
    const replyIds = new Set(after.replies.map((r) => r._id))
    const likeKeys = new Set(after.likes.map((l) => `${l.replyId}|${l.memberId}`))
    const lost =
      [...acks.checkIns].filter((id) => !checkInIds.has(id)).length +
      [...acks.replies.values()].filter((id) => !replyIds.has(id)).length +
      [...acks.likes].filter((key) => !likeKeys.has(key)).length
    const doubledIn = (counts: Map<string, number>) => [...counts.values()].filter((n) => n > 1).length
    const doubled =
      doubledIn(countBy(after.checkIns, (c) => `${c.memberId}|${c.day}`)) +
      doubledIn(countBy(after.replies, (r) => r.body)) +
      doubledIn(countBy(after.likes, (l) => `${l.replyId}|${l.memberId}`))
    const data = (reconciled.data ?? {}) as { repaired?: number }
    return {
      trials: options.trials,
      acknowledged: { checkIns: acks.checkIns.size, replies: acks.replies.size, likes: acks.likes.size },
      lost,
      doubled,
      scoredByReconciliation,
      totalsRepaired: data.repaired ?? 0,
      unscored: unscoredOf(after),
      drifted: await driftedMembers(dataDir),
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const faultsBench: BenchModule = {
  name: 'faults',
  title: 'the local cloud killed with SIGKILL mid-burst, restarted on the same data',
  async run() {
    const f = await runKillTrials({ trials: 25, seed: 20261204, log: console.log })
    figure('kill trials', String(f.trials))
    figure('acknowledged check-ins / replies / likes', `${f.acknowledged.checkIns} / ${f.acknowledged.replies} / ${f.acknowledged.likes}`)
    figure('acknowledged writes lost', String(f.lost))
    figure('writes stored twice', String(f.doubled))
    figure('sources scored by the next reconciliation', String(f.scoredByReconciliation))
    figure('members whose totals it repaired', String(f.totalsRepaired))
    figure('ledger entries still missing after it', String(f.unscored))
    figure('members whose totals differ from the ledger', String(f.drifted))
  },
}
