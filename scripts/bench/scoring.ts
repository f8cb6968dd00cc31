/**
 * Scoring at an organisation's scale: 10,000 members with 90 days of activity (over a million
 * ledger entries) in a temporary local store. Prints the nightly reconciliation's wall time,
 * entries per second and database round trips per 1,000 members, and the latency of "my points
 * and rank". BENCH_MEMBERS changes the organisation's size (to see how the figures grow).
 */
import type { ScoreKind } from '../../types'
import { addDays, startOfDay } from '../../types/calendar'
import type { CloudDatabase } from '../../server/db/types'
import { MEMBERS, type Member } from '../../server/members'
import { recordScore, SCORE_ENTRIES, SCORE_TOTALS, type ScoreEntryDoc } from '../../server/scoring/ledger'
import { myScore } from '../../server/scoring/read'
import { reconcile } from '../../server/scoring/reconcile'
import { ledgerSums } from '../../server/scoring/replay'
import { BATCH_SIZE } from '../../server/jobs/batched-job'
import { DEFAULT_RULES } from '../../server/scoring/rules'
import { UNITS } from '../../server/units'
import { countingDatabase, figure, mib, ms, percentiles, seconds, printUnserved, temporaryStore, type BenchModule } from './bench'

const MEMBER_COUNT = Number(process.env.BENCH_MEMBERS || 10_000)
const DAYS = 90
const FIRST_DAY = '2026-09-01'
/** 02:30 on 1 December in Shanghai: the night after the 90 days. */
const NIGHT = new Date('2026-11-30T18:30:00Z')
const GROUP_SIZE = 100
const GROUPS_PER_BRANCH = 10
/** Members whose totals are knocked out of true before the third run. */
const DRIFTED = 100
const LATENCY_SAMPLES = 200
const LIVE_EVENTS = 2000

/** A small deterministic generator, so every run measures the same organisation. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const memberId = (i: number) => `m${String(i).padStart(5, '0')}`
const groupOf = (i: number) => Math.floor(i / GROUP_SIZE)

export function memberDoc(i: number): Member {
  const g = groupOf(i)
  return {
    _id: memberId(i),
    openid: `bench-${i}`,
    name: `成员${i}`,
    groupId: `g${g}`,
    branchId: `b${Math.floor(g / GROUPS_PER_BRANCH)}`,
    roles: ['member'],
    status: 'active',
    largeFont: false,
  }
}

/** How likely a member does each thing on a day, and how much. */
const ACTIVITY: { kind: ScoreKind; chance: number; quantity?: (r: () => number) => number }[] = [
  { kind: 'checkin', chance: 0.75 },
  { kind: 'studyTime', chance: 0.5, quantity: (r) => 300 + Math.floor(r() * 3300) },
  { kind: 'chapterDone', chance: 0.06 },
  { kind: 'reply', chance: 0.05 },
  { kind: 'weeklyItemDone', chance: 0.03 },
]

function* entries(): Generator<ScoreEntryDoc> {
  const r = random(20261130)
  for (let i = 0; i < MEMBER_COUNT; i++) {
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FIRST_DAY, d)
      for (const a of ACTIVITY) {
        if (r() >= a.chance) continue
        yield {
          _id: `${a.kind}_${memberId(i)}_${day}`,
          memberId: memberId(i),
          kind: a.kind,
          quantity: a.quantity ? a.quantity(r) : 1,
          day,
          rules: DEFAULT_RULES.effectiveFrom,
          required: a.kind === 'chapterDone' && r() < 0.5,
          at: new Date(startOfDay(day).getTime() + (8 + r() * 12) * 3600_000),
        }
      }
    }
  }
}

export async function addAll<T>(db: CloudDatabase, collection: string, docs: Iterable<T>): Promise<number> {
  let n = 0
  let pending: Promise<unknown>[] = []
  for (const doc of docs) {
    pending.push(db.collection(collection).add({ data: doc as Record<string, unknown> }))
    n++
    if (pending.length === 1000) {
      await Promise.all(pending)
      pending = []
    }
  }
  await Promise.all(pending)
  return n
}

/** The organisation: 100 members a group, 10 groups a branch (shared with the other benches). */
export async function seedUnitsAndMembers(db: CloudDatabase): Promise<void> {
  const groups = Math.ceil(MEMBER_COUNT / GROUP_SIZE)
  const units: { _id: string; kind: string; name: string; parentId: string | null; archived: boolean }[] = [
    { _id: 'committee', kind: 'committee', name: '党委', parentId: null, archived: false },
  ]
  for (let g = 0; g < groups; g++) {
    const b = Math.floor(g / GROUPS_PER_BRANCH)
    if (g % GROUPS_PER_BRANCH === 0) units.push({ _id: `b${b}`, kind: 'branch', name: `第${b + 1}党支部`, parentId: 'committee', archived: false })
    units.push({ _id: `g${g}`, kind: 'group', name: `第${g + 1}党小组`, parentId: `b${b}`, archived: false })
  }
  await addAll(db, UNITS, units)
  await addAll(
    db,
    MEMBERS,
    Array.from({ length: MEMBER_COUNT }, (_, i) => memberDoc(i)),
  )
}

async function seed(db: CloudDatabase): Promise<number> {
  await seedUnitsAndMembers(db)
  return addAll(db, SCORE_ENTRIES, entries())
}

/**
 * The floor under reconciliation: the same entries already in an array, summed per member, day and
 * kind in plain JavaScript (what the ledger aggregate computes), with no store in between.
 */
function bareScan(): { entries: number; perSecond: number } {
  const all = [...entries()]
  const started = performance.now()
  const sums = new Map<string, Map<string, number>>()
  for (const e of all) {
    let own = sums.get(e.memberId)
    if (!own) sums.set(e.memberId, (own = new Map()))
    const key = `${e.day}|${e.kind}|${e.required}`
    own.set(key, (own.get(key) ?? 0) + e.quantity)
  }
  const wall = performance.now() - started
  return { entries: all.length, perSecond: all.length / (wall / 1000) }
}

/** A run on the `nights`-th night after the 90 days (one run a night); answers its entries per second. */
async function timedReconcile(db: CloudDatabase, nights: number, label: string, entryCount: number): Promise<number> {
  const night = new Date(NIGHT.getTime() + nights * 86_400_000)
  const counted = countingDatabase(db)
  const started = performance.now()
  const summary = await reconcile(counted.db, night)
  const wall = performance.now() - started
  const trips = counted.roundTrips()
  figure(`${label}: wall time`, seconds(wall))
  figure(`${label}: entries per second`, Math.round(entryCount / (wall / 1000)).toLocaleString('en'))
  figure(`${label}: round trips (per 1,000 members)`, `${trips} (${((trips / MEMBER_COUNT) * 1000).toFixed(1)})`)
  figure(`${label}: members repaired / skipped`, `${summary.repaired} / ${summary.skipped}`)
  return entryCount / (wall / 1000)
}

/**
 * One batch's ledger read, taken apart: the scan that picks the batch's entries (a count with the
 * same condition) and the whole aggregate. The local store has no indexes, so every batch scans
 * every entry; the cloud database answers the same condition from an index on `memberId`.
 */
async function whereTheTimeGoes(db: CloudDatabase, entryCount: number): Promise<void> {
  const _ = db.command
  const first = memberId(0)
  const last = memberId(Math.min(MEMBER_COUNT, BATCH_SIZE) - 1)
  let t = performance.now()
  const { total } = await db
    .collection(SCORE_ENTRIES)
    .where({ memberId: _.gte(first).and(_.lte(last)) })
    .count()
  const scan = performance.now() - t
  t = performance.now()
  await ledgerSums(db, first, last)
  const whole = performance.now() - t
  figure('one batch: scanning all entries for its own', `${seconds(scan)} (${total.toLocaleString('en')} of ${entryCount.toLocaleString('en')} entries)`)
  figure('one batch: the whole ledger aggregate', seconds(whole))
}

async function run(): Promise<void> {
  // The floor first, in a heap not yet holding the store: its own copy of the entries is gone by the time the store fills.
  const bare = bareScan()
  const { store, unserved, dispose } = await temporaryStore(() => NIGHT)
  try {
    const db = store.database()
    let started = performance.now()
    const entryCount = await seed(db)
    figure('organisation', `${MEMBER_COUNT.toLocaleString('en')} members × ${DAYS} days`)
    figure('ledger entries', entryCount.toLocaleString('en'))
    figure('generated in', `${seconds(performance.now() - started)}, heap ${mib(process.memoryUsage().heapUsed)}`)

    await timedReconcile(db, 0, 'reconciliation, totals built from nothing', entryCount)
    const nightly = await timedReconcile(db, 1, 'reconciliation, nothing to repair', entryCount)
    figure('bare in-memory scan of the same entries', `${Math.round(bare.perSecond).toLocaleString('en')} entries per second`)
    figure('reconciliation against the bare scan', `${((nightly / bare.perSecond) * 100).toFixed(1)}% (goal ≥ 50%)`)
    await whereTheTimeGoes(db, entryCount)
    const _ = db.command
    for (let i = 0; i < DRIFTED; i++) {
      await db
        .collection(SCORE_TOTALS)
        .doc(memberId(Math.floor((i * MEMBER_COUNT) / DRIFTED)))
        .update({ data: { 'y.2026.p': _.inc(1) } })
    }
    await timedReconcile(db, 2, `reconciliation, ${DRIFTED} members drifted`, entryCount)

    const me = memberDoc(Math.floor(MEMBER_COUNT / 2) + 7)
    const counted = countingDatabase(db)
    const samples: number[] = []
    let answer: Awaited<ReturnType<typeof myScore>> | undefined
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const t = performance.now()
      answer = await myScore(counted.db, me, NIGHT)
      samples.push(performance.now() - t)
    }
    const { median, p99 } = percentiles(samples)
    figure('my points and rank: median / p99', `${ms(median)} / ${ms(p99)}`)
    figure('my points and rank: round trips per call', (counted.roundTrips() / LATENCY_SAMPLES).toFixed(1))
    figure('  (for instance)', `${answer?.year.points} 分, 组内第 ${answer?.ranks.group.rank}, 全体第 ${answer?.ranks.org.rank}/${answer?.ranks.org.of}`)

    const live = countingDatabase(db)
    started = performance.now()
    for (let i = 0; i < LIVE_EVENTS; i++) {
      const m = memberDoc(i % MEMBER_COUNT)
      await recordScore(live.db, { kind: 'checkin', sourceId: `${m._id}_live`, member: m, at: NIGHT })
    }
    const liveWall = performance.now() - started
    figure('live scoring: events per second', Math.round(LIVE_EVENTS / (liveWall / 1000)).toLocaleString('en'))
    figure('live scoring: round trips per event', (live.roundTrips() / LIVE_EVENTS).toFixed(1))
    printUnserved(unserved)
  } finally {
    await dispose()
  }
}

export const scoringBench: BenchModule = {
  name: 'scoring',
  title: `积分对账与排名（${MEMBER_COUNT.toLocaleString('en')} 名党员 × ${DAYS} 天）`,
  run,
}
