import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { Aggregator } from 'mingo'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'
import { groupNatively } from '../../local-cloud/store/group'
import { seeded } from '../../local-cloud/seeded-random'

let dir: string
let store: LocalStore
let db: CloudDatabase

const SCORES = [
  { _id: 's1', member: 'm1', group: 'g1', score: 10, day: new Date('2024-03-01T00:00:00Z'), tags: ['a', 'b'], meta: { src: 'app' } },
  { _id: 's2', member: 'm1', group: 'g1', score: 20, day: new Date('2024-03-02T00:00:00Z'), tags: ['b'] },
  { _id: 's3', member: 'm2', group: 'g1', score: 5, day: new Date('2024-03-01T00:00:00Z'), tags: [] },
  { _id: 's4', member: 'm3', group: 'g2', score: 40, day: new Date('2024-03-03T00:00:00Z'), tags: ['c'] },
  { _id: 's5', member: 'm3', group: 'g2', score: 0, day: new Date('2024-03-04T00:00:00Z'), tags: ['a'] },
]

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-agg-'))
  store = await openLocalStore(dir, { now: () => new Date('2024-03-05T00:00:00Z') })
  db = store.database()
  for (const s of SCORES) await db.collection('scores').add({ data: s })
  await db.collection('members').add({ data: { _id: 'm1', name: 'Ann' } })
  await db.collection('members').add({ data: { _id: 'm3', name: 'Cid' } })
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

test('match + group with sum/avg/max/min/first/last/push/addToSet + sort', async () => {
  const _ = db.command
  const $ = _.aggregate
  const res = await db
    .collection('scores')
    .aggregate()
    .match({ score: _.gte(5) })
    .sort({ _id: 1 })
    .group({
      _id: '$group',
      total: $.sum('$score'),
      count: $.sum(1),
      avg: $.avg('$score'),
      best: $.max('$score'),
      worst: $.min('$score'),
      first: $.first('$member'),
      last: $.last('$member'),
      members: $.addToSet('$member'),
      all: $.push('$score'),
    })
    .sort({ total: -1 })
    .end()
  expect(res.errMsg).toBe('collection.aggregate:ok')
  expect(res.list).toEqual([
    { _id: 'g2', total: 40, count: 1, avg: 40, best: 40, worst: 40, first: 'm3', last: 'm3', members: ['m3'], all: [40] },
    {
      _id: 'g1',
      total: 35,
      count: 3,
      avg: 35 / 3,
      best: 20,
      worst: 5,
      first: 'm1',
      last: 'm2',
      members: expect.arrayContaining(['m1', 'm2']),
      all: [10, 20, 5],
    },
  ])
})

test('project, addFields with cond, skip, limit', async () => {
  const $ = db.command.aggregate
  const { list } = await db
    .collection('scores')
    .aggregate()
    .addFields({ level: $.cond({ if: $.gte(['$score', 10]), then: 'high', else: 'low' }) })
    .project({ _id: 0, member: 1, level: 1, doubled: $.multiply(['$score', 2]) })
    .sort({ doubled: -1 })
    .skip(1)
    .limit(3)
    .end()
  expect(list).toEqual([
    { member: 'm1', level: 'high', doubled: 40 },
    { member: 'm1', level: 'high', doubled: 20 },
    { member: 'm2', level: 'low', doubled: 10 },
  ])
})

test('unwind and count', async () => {
  const { list } = await db
    .collection('scores')
    .aggregate()
    .unwind('$tags')
    .group({ _id: '$tags', n: db.command.aggregate.sum(1) })
    .sort({ _id: 1 })
    .end()
  expect(list).toEqual([
    { _id: 'a', n: 2 },
    { _id: 'b', n: 2 },
    { _id: 'c', n: 1 },
  ])
  const counted = await db.collection('scores').aggregate().match({ group: 'g1' }).count('n').end()
  expect(counted.list).toEqual([{ n: 3 }])
})

test('lookup joins another collection', async () => {
  const { list } = await db
    .collection('scores')
    .aggregate()
    .match({ score: db.command.gte(20) })
    .lookup({ from: 'members', localField: 'member', foreignField: '_id', as: 'who' })
    .project({ _id: 1, who: 1 })
    .sort({ _id: 1 })
    .end()
  expect(list).toEqual([
    { _id: 's2', who: [{ _id: 'm1', name: 'Ann' }] },
    { _id: 's4', who: [{ _id: 'm3', name: 'Cid' }] },
  ])
})

test('Dates work in match and in date expressions', async () => {
  const _ = db.command
  const $ = _.aggregate
  const { list } = await db
    .collection('scores')
    .aggregate()
    .match({ day: _.lt(new Date('2024-03-03T00:00:00Z')) })
    .group({ _id: $.dateToString({ date: '$day', format: '%Y-%m-%d' }), n: $.sum(1), latest: $.max('$day') })
    .sort({ _id: 1 })
    .end()
  expect(list).toEqual([
    { _id: '2024-03-01', n: 2, latest: new Date('2024-03-01T00:00:00Z') },
    { _id: '2024-03-02', n: 1, latest: new Date('2024-03-02T00:00:00Z') },
  ])
  expect((list[0] as { latest: unknown }).latest).toBeInstanceOf(Date)
})

test('an aggregation does not change stored documents', async () => {
  await db.collection('scores').aggregate().addFields({ 'meta.x': 1, extra: true }).project({ tags: 0 }).end()
  await db.collection('scores').aggregate().match({ group: 'g1' }).addFields({ 'meta.y': 2 }).end()
  const { data } = await db.collection('scores').doc('s1').get()
  expect(data).toEqual(SCORES[0])
})

test('without a limit stage at most 20 records come back; with one, up to 10000', async () => {
  await Promise.all(Array.from({ length: 60 }, (_v, i) => db.collection('many').add({ data: { i } })))
  expect((await db.collection('many').aggregate().sort({ i: 1 }).end()).list).toHaveLength(20)
  expect((await db.collection('many').aggregate().match({}).end()).list).toHaveLength(20)
  const limited = await db.collection('many').aggregate().sort({ i: 1 }).limit(50).end()
  expect(limited.list).toHaveLength(50)
  expect((limited.list as Array<{ i: number }>).map((d) => d.i).slice(0, 3)).toEqual([0, 1, 2])
  expect((await db.collection('many').aggregate().limit(1000).end()).list).toHaveLength(60)
})

test('chaining appends to one pipeline, as in the SDK', async () => {
  const agg = db.collection('scores').aggregate()
  agg.match({ group: 'g2' })
  const { list } = await agg.sort({ score: 1 }).project({ score: 1 }).end()
  expect(list).toEqual([
    { _id: 's5', score: 0 },
    { _id: 's4', score: 40 },
  ])
})

test('an invalid stage rejects with a server error', async () => {
  const err = await db
    .collection('scores')
    .aggregate()
    .group({ noId: 1 } as Record<string, unknown>)
    .end()
    .catch((e: unknown) => e)
  expect(err).toMatchObject({ errCode: -502001 })
  expect((err as Error).message).toMatch(/^collection\.aggregate:fail -502001/)
})

describe('$group in plain JavaScript (group.ts)', () => {
  /** 600 documents with every field sometimes missing, sometimes null, of the types the ledger holds. */
  function documents(): Record<string, unknown>[] {
    const random = seeded(7)
    const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)]
    return Array.from({ length: 600 }, (_, i) => {
      const doc: Record<string, unknown> = { _id: `e${i}` }
      const fields: Record<string, unknown> = {
        m: pick(['m1', 'm2', 'm3', undefined]),
        d: pick(['2026-11-01', '2026-11-02', undefined]),
        k: pick(['checkin', 'studyTime', 'reply']),
        r: pick([true, false, undefined, null]),
        q: pick([1, 2.5, 600, -3, 0, null, undefined, 'x']),
        at: pick([new Date('2026-11-01T01:00:00Z'), new Date('2026-11-02T03:00:00Z'), undefined, null]),
        nested: pick([{ unit: 'g1' }, { unit: 'g2' }, undefined]),
      }
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) doc[k] = v
      return doc
    })
  }

  const PIPELINES: Record<string, unknown>[][] = [
    // The ledger's sums (server/scoring/replay.ts): by member, day, kind and flag, then one row a member.
    [
      { $group: { _id: { m: '$m', d: '$d', k: '$k', r: '$r' }, q: { $sum: '$q' }, at: { $max: '$at' }, first: { $min: '$at' } } },
      { $group: { _id: '$_id.m', parts: { $push: { d: '$_id.d', k: '$_id.k', r: '$_id.r', q: '$q' } }, lastAt: { $max: '$at' } } },
    ],
    [{ $group: { _id: '$nested.unit', n: { $sum: 1 }, first: { $first: '$q' }, last: { $last: '$d' }, seen: { $push: '$r' } } }],
    [{ $group: { _id: null, total: { $sum: '$q' }, twice: { $sum: 2 } } }],
    // 我的's ranks (server/scoring/read.ts): counts in several scopes at once.
    [
      {
        $group: {
          _id: null,
          checkins: { $sum: { $cond: { if: { $eq: ['$k', 'checkin'] }, then: 1, else: 0 } } },
          flagged: { $sum: { $cond: { if: '$r', then: '$q', else: 0 } } },
        },
      },
    ],
  ]

  it.each(PIPELINES.map((p, i) => [i, p]))('pipeline %i gives mingo’s result exactly', (_i, pipeline) => {
    const docs = documents()
    const mingo = new Aggregator(pipeline as Record<string, unknown>[]).run(docs.map((d) => structuredClone(d)))
    const native = groupNatively(docs, pipeline as Record<string, unknown>[])
    expect(native).toBeDefined()
    expect(native!.rest).toEqual([])
    expect(native!.output).toEqual(mingo)
    // The stored documents are read, never changed.
    expect(docs).toEqual(documents())
  })

  it('leaves to mingo what it does not evaluate: other operators, mixed types under $max, $eq on a missing field, other stages first', () => {
    const docs = documents()
    expect(groupNatively(docs, [{ $group: { _id: null, c: { $sum: { $add: ['$q', 1] } } } }])).toBeUndefined()
    expect(groupNatively(docs, [{ $group: { _id: null, c: { $sum: { $cond: { if: { $eq: ['$m', 'm1'] }, then: 1, else: 0 } } } } }])).toBeUndefined()
    expect(groupNatively(docs, [{ $group: { _id: '$m', top: { $max: '$q' } } }])).toBeUndefined()
    expect(groupNatively(docs, [{ $sort: { q: 1 } }, { $group: { _id: '$m' } }])).toBeUndefined()
    // Stages after the groups are mingo's, over the grouped rows.
    expect(groupNatively(docs, [{ $group: { _id: '$m', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])?.rest).toEqual([{ $sort: { _id: 1 } }])
  })

  it('through the store: an aggregate with a $group and the stages after it answers as before', async () => {
    const { list } = await db
      .collection('scores')
      .aggregate()
      .group({ _id: '$group', total: db.command.aggregate.sum('$score'), last: db.command.aggregate.max('$day') })
      .sort({ total: -1 })
      .end()
    expect(list).toEqual([
      { _id: 'g2', total: 40, last: new Date('2024-03-04T00:00:00Z') },
      { _id: 'g1', total: 35, last: new Date('2024-03-02T00:00:00Z') },
    ])
  })
})
