import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { openLocalStore, type IndexDeclaration, type LocalStore } from '../../local-cloud/store'
import { REGISTERED } from '../../server/db/collections'

const NOW = new Date('2026-11-23T02:00:00Z')
const INDEXES: IndexDeclaration[] = [
  { collection: 'entries', fields: ['memberId', 'day'] },
  { collection: 'entries', fields: ['kind'] },
]

const dirs: string[] = []
const stores: LocalStore[] = []
async function openStore(indexes: IndexDeclaration[]): Promise<LocalStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'store-index-'))
  dirs.push(dir)
  const store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0, indexes })
  stores.push(store)
  return store
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

/** A small deterministic generator. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const member = (i: number) => `m${String(i).padStart(3, '0')}`
const day = (i: number) => `2026-11-${String(i).padStart(2, '0')}`
const KINDS = ['checkin', 'reply', 'studyTime']

function entries(n: number) {
  const r = random(7)
  return Array.from({ length: n }, (_, i) => ({
    _id: `e${i}`,
    memberId: member(Math.floor(r() * 40)),
    day: day(1 + Math.floor(r() * 28)),
    kind: KINDS[Math.floor(r() * 3)],
    q: Math.floor(r() * 100),
    ...(r() < 0.1 ? { note: null } : {}),
  }))
}

async function fill(db: CloudDatabase, docs: Record<string, unknown>[]) {
  for (const doc of docs) await db.collection('entries').add({ data: doc })
}

/** Queries an index can serve, and ones it can only partly or not at all. */
function queries(db: CloudDatabase) {
  const _ = db.command
  return [
    { memberId: member(3) },
    { memberId: member(3), day: day(5) },
    { memberId: _.in([member(1), member(7), member(39)]) },
    { memberId: _.gte(member(10)).and(_.lte(member(19))) },
    { memberId: member(12), day: _.gte(day(10)).and(_.lt(day(20))) },
    { memberId: _.in([member(2), member(4)]), day: _.gt(day(14)) },
    { kind: 'reply', q: _.gt(50) },
    { kind: _.in(['checkin', 'studyTime']), memberId: member(5) },
    _.and({ memberId: member(8) }, { day: _.lte(day(3)) }),
    _.or([{ memberId: member(1) }, { kind: 'reply' }]),
    { day: day(9) },
    { memberId: _.gt(member(30)), note: null },
    { memberId: member(99) },
  ]
}

describe('declared indexes', () => {
  it('answer every query exactly as a scan does, in the same order, after inserts, updates and removes', async () => {
    const plain = (await openStore([])).database()
    const indexed = (await openStore(INDEXES)).database()
    const docs = entries(600)
    await fill(plain, docs)
    await fill(indexed, docs)
    for (const db of [plain, indexed]) {
      const _ = db.command
      await db
        .collection('entries')
        .where({ memberId: member(3) })
        .update({ data: { memberId: member(4), moved: true } })
      await db
        .collection('entries')
        .where({ kind: 'reply', day: _.lt(day(5)) })
        .remove()
      await db
        .collection('entries')
        .doc('e10')
        .update({ data: { day: day(28), q: _.inc(1) } })
    }
    const plainQueries = queries(plain)
    const indexedQueries = queries(indexed)
    for (let i = 0; i < plainQueries.length; i++) {
      const expected = await plain.collection('entries').where(plainQueries[i]).limit(1000).get()
      const actual = await indexed.collection('entries').where(indexedQueries[i]).limit(1000).get()
      expect(actual.data).toEqual(expected.data)
      const sorted = (db: CloudDatabase, q: ReturnType<typeof queries>[number]) =>
        db.collection('entries').where(q).orderBy('q', 'desc').orderBy('_id', 'asc').skip(2).limit(5).get()
      expect((await sorted(indexed, indexedQueries[i])).data).toEqual((await sorted(plain, plainQueries[i])).data)
      expect((await indexed.collection('entries').where(indexedQueries[i]).count()).total).toBe(
        (await plain.collection('entries').where(plainQueries[i]).count()).total,
      )
    }
  })

  it('let a query look only at the documents of its members and days, as the cloud database does', async () => {
    const store = await openStore(INDEXES)
    const db = store.database()
    await fill(db, entries(2000))
    const _ = db.command
    const before = store.examined()
    const { data } = await db
      .collection('entries')
      .where({ memberId: member(6), day: _.gte(day(10)) })
      .limit(1000)
      .get()
    const examined = store.examined() - before
    expect(data.length).toBeGreaterThan(0)
    expect(examined).toBe(data.length)
  })

  it('narrow the first stage of an aggregate too', async () => {
    const store = await openStore(INDEXES)
    const db = store.database()
    await fill(db, entries(2000))
    const _ = db.command
    const before = store.examined()
    const { list } = await db
      .collection('entries')
      .aggregate()
      .match({ memberId: _.gte(member(0)).and(_.lte(member(4))) })
      .group({ _id: '$memberId', q: _.aggregate.sum('$q') })
      .sort({ _id: 1 })
      .limit(100)
      .end()
    expect(list.map((r) => r._id)).toEqual([member(0), member(1), member(2), member(3), member(4)])
    expect(store.examined() - before).toBeLessThan(400)
  })

  it('survive a restart (rebuilt from the snapshot and journal)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-index-'))
    dirs.push(dir)
    let store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0, indexes: INDEXES })
    await fill(store.database(), entries(300))
    await store.compact()
    await store
      .database()
      .collection('entries')
      .add({ data: { _id: 'late', memberId: member(1), day: day(1), kind: 'checkin', q: 1 } })
    await store.close()
    store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0, indexes: INDEXES })
    stores.push(store)
    const { data } = await store
      .database()
      .collection('entries')
      .where({ memberId: member(1), day: day(1) })
      .get()
    expect(data.map((d) => d._id)).toContain('late')
  })

  it('are not used while a document holds an array in an indexed field, so array matching stays right', async () => {
    const store = await openStore(INDEXES)
    const db = store.database()
    await db.collection('entries').add({ data: { _id: 'a', memberId: ['m1', 'm2'], day: day(1) } })
    await db.collection('entries').add({ data: { _id: 'b', memberId: 'm1', day: day(1) } })
    const { data } = await db.collection('entries').where({ memberId: 'm1' }).get()
    expect(data.map((d) => d._id)).toEqual(['a', 'b'])
  })
})

describe('a store opened with the collections registry (server/db/collections.ts)', () => {
  async function registered(): Promise<LocalStore> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-registry-'))
    dirs.push(dir)
    const store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0, ...REGISTERED })
    stores.push(store)
    return store
  }

  it('tells of a query no declared index could serve in the cloud, and of no other', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'store-registry-'))
    dirs.push(dir)
    const told: string[] = []
    const store = await openLocalStore(dir, { now: () => NOW, ...REGISTERED, onUnserved: (c, fields) => void told.push(`${c}: ${fields.join(',')}`) })
    stores.push(store)
    const db = store.database()
    const _ = db.command
    // Queries of an empty collection look at nothing: there is one entry and one unit.
    await db.collection('scoreEntries').add({ data: entries(1)[0] })
    await db.collection('units').add({ data: { _id: 'g1', kind: 'group', name: '第一党小组' } })
    await db
      .collection('scoreEntries')
      .where({ memberId: 'm1', day: _.gte('2026-11-01') })
      .get()
    await db
      .collection('scoreEntries')
      .where({ _id: _.in(['a', 'b']) })
      .get()
    await db.collection('units').get()
    expect(told).toEqual([])
    await db.collection('scoreEntries').where({ kind: 'checkin' }).get()
    await db.collection('scoreEntries').aggregate().match({ day: '2026-11-01' }).end()
    expect(told).toEqual(['scoreEntries: kind', 'scoreEntries: day'])
  })

  it('opens no collection the registry does not list, in a transaction or not, so nothing is written to one', async () => {
    const db = (await registered()).database()
    expect(() => db.collection('scoreEntrys')).toThrow('集合 scoreEntrys 没有登记：加到 server/db/collections.ts')
    await expect(db.runTransaction(async (tx) => tx.collection('memberz').add({ data: { name: '张三' } }))).rejects.toThrow('集合 memberz 没有登记')
    await db.collection('members').add({ data: { _id: 'm1', name: '张三' } })
    expect((await db.collection('members').count()).total).toBe(1)
  })

  it('serves a reconciliation batch (ten members’ ledger entries of a day range) from the declared index, not a scan of the ledger', async () => {
    const store = await registered()
    const db = store.database()
    const _ = db.command
    const all = entries(3000)
    for (const doc of all) await db.collection('scoreEntries').add({ data: doc })
    const batch = Array.from({ length: 10 }, (_n, i) => member(i))
    const before = store.examined()
    const { data } = await db
      .collection('scoreEntries')
      .where({ memberId: _.in(batch), day: _.gte(day(8)) })
      .limit(1000)
      .get()
    const expected = all.filter((e) => batch.includes(e.memberId) && e.day >= day(8))
    expect(data.map((d) => d._id).sort()).toEqual(expected.map((e) => e._id).sort())
    // At most the ten members' own entries: none of the other thirty's.
    expect(store.examined() - before).toBeLessThanOrEqual(all.filter((e) => batch.includes(e.memberId)).length)
  })
})
