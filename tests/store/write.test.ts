import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isDuplicateKeyError, isNotFoundError, type CloudDatabase } from '../../server/db/types'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'
import { addEach } from '../../server/db/documents'
import { instrument } from '../../server/db/instrumented'

let now = new Date('2024-03-01T08:00:00.000Z')

let dir: string
let store: LocalStore
let db: CloudDatabase

beforeEach(async () => {
  now = new Date('2024-03-01T08:00:00.000Z')
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-write-'))
  store = await openLocalStore(dir, { now: () => now })
  db = store.database()
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

async function errorOf(p: Promise<unknown>): Promise<Error & { errCode?: number; errMsg?: string }> {
  try {
    await p
  } catch (err) {
    return err as Error & { errCode?: number; errMsg?: string }
  }
  throw new Error('expected a rejection')
}

describe('add', () => {
  test('generates a 32-hex _id and resolves { _id, errMsg }', async () => {
    const res = await db.collection('posts').add({ data: { title: 'hi' } })
    expect(res).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' })
    const got = await db.collection('posts').doc(res._id).get()
    expect(got).toEqual({ data: { _id: res._id, title: 'hi' }, errMsg: 'document.get:ok' })
    const other = await db.collection('posts').add({ data: { title: 'again' } })
    expect(other._id).not.toBe(res._id)
  })

  test('keeps a given _id (string or number) and puts _id first', async () => {
    expect(await db.collection('posts').add({ data: { title: 't', _id: 'p1' } })).toEqual({ _id: 'p1', errMsg: 'collection.add:ok' })
    expect(await db.collection('posts').add({ data: { _id: 7, title: 'n' } })).toEqual({ _id: 7, errMsg: 'collection.add:ok' })
    const { data } = await db.collection('posts').doc('p1').get()
    expect(Object.keys(data)).toEqual(['_id', 'title'])
    expect((await db.collection('posts').doc(7).get()).data).toEqual({ _id: 7, title: 'n' })
    await expect(db.collection('posts').doc('7').get()).rejects.toThrow('does not exist')
  })

  test('a duplicate _id rejects like the cloud: errCode -502001, E11000 duplicate key', async () => {
    await db.collection('posts').add({ data: { _id: 'p1', v: 1 } })
    const err = await errorOf(db.collection('posts').add({ data: { _id: 'p1', v: 2 } }))
    expect(err).toBeInstanceOf(Error)
    expect(err.errCode).toBe(-502001)
    expect(err.message).toBe(
      'collection.add:fail -502001 database request fail. [FailedOperation] multiple write errors: ' +
        '[{write errors: [{E11000 duplicate key error collection: posts index: _id_ dup key: { _id: "p1" }}]}, {<nil>}]',
    )
    expect(err.errMsg).toBe(err.message)
    expect(isDuplicateKeyError(err)).toBe(true)
    expect(isNotFoundError(err)).toBe(false)
    expect((await db.collection('posts').doc('p1').get()).data).toEqual({ _id: 'p1', v: 1 })
  })

  test('an array of documents goes in by one request and answers { _ids } in order', async () => {
    const res = await db.collection('posts').add({ data: [{ _id: 'a', v: 1 }, { v: 2 }, { _id: 'c', v: 3 }] })
    expect(res).toEqual({ _ids: ['a', expect.stringMatching(/^[0-9a-f]{32}$/), 'c'], errMsg: 'collection.add:ok' })
    expect((await db.collection('posts').doc(res._ids[1]).get()).data).toEqual({ _id: res._ids[1], v: 2 })
    expect((await db.collection('posts').count()).total).toBe(3)
  })

  test('an array with a taken or repeated _id inserts none of it', async () => {
    await db.collection('posts').add({ data: { _id: 'p1', v: 1 } })
    expect(isDuplicateKeyError(await errorOf(db.collection('posts').add({ data: [{ _id: 'p0' }, { _id: 'p1' }] })))).toBe(true)
    expect(isDuplicateKeyError(await errorOf(db.collection('posts').add({ data: [{ _id: 'p2' }, { _id: 'p2' }] })))).toBe(true)
    expect((await db.collection('posts').count()).total).toBe(1)
    expect((await errorOf(db.collection('posts').add({ data: [] }))).errCode).toBe(-501007)
  })

  test('addEach adds what is missing, a hundred a request, and tells which were new', async () => {
    await db.collection('posts').add({ data: [{ _id: 'd007' }, { _id: 'd150' }] })
    const docs = Array.from({ length: 250 }, (_v, i) => ({ _id: `d${String(i).padStart(3, '0')}`, v: i }))
    let requests = 0
    const counted = instrument(db, (method) => void (method === 'add' && (requests += 1)))
    const added = await addEach(counted, 'posts', docs)
    expect(added.filter((a) => !a).length).toBe(2)
    expect(added[7] || added[150]).toBe(false)
    // Three chunks; the two holding an existing document are sent again without it.
    expect(requests).toBe(5)
    expect((await db.collection('posts').count()).total).toBe(250)
    expect((await db.collection('posts').doc('d007').get()).data).toEqual({ _id: 'd007' })
    expect(await addEach(counted, 'posts', docs)).toEqual(docs.map(() => false))
  })

  test('the same _id in another collection is fine', async () => {
    await db.collection('a').add({ data: { _id: 'x' } })
    await expect(db.collection('b').add({ data: { _id: 'x' } })).resolves.toEqual({ _id: 'x', errMsg: 'collection.add:ok' })
  })

  test('undefined fields are dropped, undefined array items become null (EJSON)', async () => {
    await db.collection('c').add({ data: { _id: 'x', a: undefined, arr: [1, undefined], o: { b: undefined, c: 1 } } })
    expect((await db.collection('c').doc('x').get()).data).toEqual({ _id: 'x', arr: [1, null], o: { c: 1 } })
  })

  test('the stored document is a copy of the data passed in', async () => {
    const data = { _id: 'x', list: [1], at: new Date('2020-01-01T00:00:00Z') }
    await db.collection('c').add({ data })
    data.list.push(2)
    data.at.setFullYear(1999)
    expect((await db.collection('c').doc('x').get()).data).toEqual({ _id: 'x', list: [1], at: new Date('2020-01-01T00:00:00Z') })
  })
})

describe('doc().get', () => {
  test('a missing document rejects: document.get:fail document with _id X does not exist', async () => {
    const err = await errorOf(db.collection('posts').doc('nope').get())
    expect(err).toBeInstanceOf(Error)
    expect(err.message).toBe('document.get:fail document with _id nope does not exist')
    expect(err.errMsg).toBe(err.message)
    expect(err.errCode).toBe(-1)
    expect(isNotFoundError(err)).toBe(true)
    expect(isDuplicateKeyError(err)).toBe(false)
  })
})

describe('doc().set', () => {
  test('creates a missing document: stats { updated: 0, created: 1 }', async () => {
    const res = await db
      .collection('c')
      .doc('s1')
      .set({ data: { a: 1 } })
    expect(res).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } })
    expect((await db.collection('c').doc('s1').get()).data).toEqual({ _id: 's1', a: 1 })
  })

  test('replaces the whole document except _id: stats { updated: 1, created: 0 }', async () => {
    await db.collection('c').add({ data: { _id: 's1', a: 1, nested: { x: 1, y: 2 } } })
    const res = await db
      .collection('c')
      .doc('s1')
      .set({ data: { nested: { x: 5 }, b: true } })
    expect(res).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } })
    expect((await db.collection('c').doc('s1').get()).data).toEqual({ _id: 's1', nested: { x: 5 }, b: true })
  })

  test('setting identical content modifies nothing: updated 0', async () => {
    await db
      .collection('c')
      .doc('s1')
      .set({ data: { a: 1 } })
    expect(
      (
        await db
          .collection('c')
          .doc('s1')
          .set({ data: { a: 1 } })
      ).stats,
    ).toEqual({ updated: 0, created: 0 })
  })

  test('refuses _id in data and update operators, like the SDK', async () => {
    const _ = db.command
    const withId = await errorOf(
      db
        .collection('c')
        .doc('s1')
        .set({ data: { _id: 'x', a: 1 } as never }),
    )
    expect(withId.message).toBe('document.set:fail -501007 invalid parameters. 不能更新_id的值')
    expect(withId.errCode).toBe(-501007)
    const withOp = await errorOf(
      db
        .collection('c')
        .doc('s1')
        .set({ data: { n: _.inc(1) } }),
    )
    expect(withOp.message).toBe('document.set:fail -502001 database request fail. update operator complicit')
    const empty = await errorOf(db.collection('c').doc('s1').set({ data: {} }))
    expect(empty).toMatchObject({ errCode: -1, errMsg: 'options.data must not be empty' })
    expect(empty.message).toBe('errCode: -1 unknown error | errMsg: options.data must not be empty')
  })
})

describe('doc().update and update operators', () => {
  const ID = 'd1'
  beforeEach(async () => {
    await db.collection('c').add({
      data: { _id: ID, n: 1, name: 'x', tags: ['a', 'b'], nested: { x: 1, y: 2 }, list: [1, 2, 2, 3], gone: 'bye' },
    })
  })
  const current = async (): Promise<Record<string, unknown>> => (await db.collection('c').doc(ID).get()).data

  test('result shape and missing document', async () => {
    expect(
      await db
        .collection('c')
        .doc(ID)
        .update({ data: { n: 2 } }),
    ).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect(
      await db
        .collection('c')
        .doc('missing')
        .update({ data: { n: 2 } }),
    ).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' })
    await expect(db.collection('c').doc('missing').get()).rejects.toThrow('does not exist')
  })

  test('an update that changes nothing reports updated 0', async () => {
    expect(
      (
        await db
          .collection('c')
          .doc(ID)
          .update({ data: { n: 1, name: 'x' } })
      ).stats.updated,
    ).toBe(0)
  })

  test('inc, mul, min, max, set, remove', async () => {
    const _ = db.command
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { n: _.inc(4), missing: _.inc(2) } })
    expect(await current()).toMatchObject({ n: 5, missing: 2 })
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { n: _.mul(3) } })
    expect((await current()).n).toBe(15)
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { n: _.min(10), missing: _.max(7) } })
    expect(await current()).toMatchObject({ n: 10, missing: 7 })
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { nested: _.set({ z: 1 }), gone: _.remove() } })
    const doc = await current()
    expect(doc.nested).toEqual({ z: 1 })
    expect(doc).not.toHaveProperty('gone')
  })

  test('push, pull, addToSet', async () => {
    const _ = db.command
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.push('c') } })
    expect((await current()).tags).toEqual(['a', 'b', 'c'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.push(['d', 'e']) } })
    expect((await current()).tags).toEqual(['a', 'b', 'c', 'd', 'e'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.pull('c') } })
    expect((await current()).tags).toEqual(['a', 'b', 'd', 'e'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.pull(_.in(['d', 'e'])) } })
    expect((await current()).tags).toEqual(['a', 'b'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { list: _.pull(2) } })
    expect((await current()).list).toEqual([1, 3])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.addToSet('a') } })
    expect((await current()).tags).toEqual(['a', 'b'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { tags: _.addToSet({ $each: ['b', 'z'] }) } })
    expect((await current()).tags).toEqual(['a', 'b', 'z'])
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { fresh: _.push(1), set: _.addToSet('q') } })
    expect(await current()).toMatchObject({ fresh: [1], set: ['q'] })
  })

  test('a nested plain object updates its leaves (dotted paths); _.set replaces the sub-document', async () => {
    const _ = db.command
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { nested: { y: 20, deep: { k: 1 } } } })
    expect((await current()).nested).toEqual({ x: 1, y: 20, deep: { k: 1 } })
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { nested: { deep: { k: _.inc(1) } } } })
    expect((await current()).nested).toEqual({ x: 1, y: 20, deep: { k: 2 } })
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { 'nested.x': 100 } })
    expect((await current()).nested).toEqual({ x: 100, y: 20, deep: { k: 2 } })
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { nested: _.set({ only: true }) } })
    expect((await current()).nested).toEqual({ only: true })
  })

  test('an empty nested object in update data changes nothing', async () => {
    expect(
      (
        await db
          .collection('c')
          .doc(ID)
          .update({ data: { nested: {} } })
      ).stats.updated,
    ).toBe(0)
    expect((await current()).nested).toEqual({ x: 1, y: 2 })
  })

  test('refuses _id and empty data like the SDK', async () => {
    const idErr = await errorOf(
      db
        .collection('c')
        .doc(ID)
        .update({ data: { _id: 'z' } }),
    )
    expect(idErr.message).toBe('document.update:fail -501007 invalid parameters. 不能更新_id的值')
    const empty = await errorOf(db.collection('c').doc(ID).update({ data: {} }))
    expect(empty.message).toBe('errCode: -1 unknown error | errMsg: options.data must not be empty')
    const noData = await errorOf(
      db
        .collection('c')
        .doc(ID)
        .update({} as never),
    )
    expect(noData.errMsg).toBe('parameter.data should be object instead of undefined;')
  })

  test('MongoDB write errors are raised, and the document is left unchanged', async () => {
    const _ = db.command
    await db
      .collection('c')
      .doc(ID)
      .update({ data: { empty: null } })
    const createIn = await errorOf(
      db
        .collection('c')
        .doc(ID)
        .update({ data: { empty: { at: 1 } } }),
    )
    expect(createIn.errCode).toBe(-502001)
    expect(createIn.message).toBe(
      "document.update:fail -502001 database request fail. [FailedOperation] multiple write errors: [{write errors: [{Cannot create field 'at' in element {empty: null}}]}, {<nil>}]",
    )
    const incString = await errorOf(
      db
        .collection('c')
        .doc(ID)
        .update({ data: { name: _.inc(1), n: _.inc(1) } }),
    )
    expect(incString.message).toContain('Cannot apply $inc to a value of non-numeric type')
    const pushScalar = await errorOf(
      db
        .collection('c')
        .doc(ID)
        .update({ data: { name: _.push('z') } }),
    )
    expect(pushScalar.message).toContain("The field 'name' must be an array but is of type string")
    const doc = await current()
    expect(doc.n).toBe(1)
    expect(doc.name).toBe('x')
  })
})

describe('doc().remove', () => {
  test('removes, then reports 0 for a missing document', async () => {
    await db.collection('c').add({ data: { _id: 'r1' } })
    expect(await db.collection('c').doc('r1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    expect(await db.collection('c').doc('r1').remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' })
    await expect(db.collection('c').doc('r1').get()).rejects.toThrow('document with _id r1 does not exist')
    // the id can be reused after removal
    await expect(db.collection('c').add({ data: { _id: 'r1' } })).resolves.toMatchObject({ _id: 'r1' })
  })
})

describe('where().update / where().remove', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 5; i++) await db.collection('c').add({ data: { _id: `w${i}`, i, even: i % 2 === 0, hits: 0 } })
  })

  test('updates every match and reports stats.updated', async () => {
    const _ = db.command
    const res = await db
      .collection('c')
      .where({ even: false })
      .update({ data: { hits: _.inc(1) } })
    expect(res).toEqual({ stats: { updated: 3 }, errMsg: 'collection.update:ok' })
    const { data } = await db.collection('c').where({ hits: 1 }).get()
    expect(data.map((d) => d._id)).toEqual(['w1', 'w3', 'w5'])
  })

  test('limit/skip/orderBy do not restrict an update or a remove (the SDK does not send them)', async () => {
    const _ = db.command
    expect(
      (
        await db
          .collection('c')
          .where({ i: _.gt(1) })
          .orderBy('i', 'desc')
          .limit(1)
          .update({ data: { tag: 'x' } })
      ).stats.updated,
    ).toBe(4)
    expect((await db.collection('c').where({ tag: 'x' }).skip(2).limit(1).remove()).stats.removed).toBe(4)
    expect((await db.collection('c').count()).total).toBe(1)
  })

  test('no match: updated 0 / removed 0', async () => {
    expect(
      await db
        .collection('c')
        .where({ i: 99 })
        .update({ data: { a: 1 } }),
    ).toEqual({ stats: { updated: 0 }, errMsg: 'collection.update:ok' })
    expect(await db.collection('c').where({ i: 99 }).remove()).toEqual({ stats: { removed: 0 }, errMsg: 'collection.remove:ok' })
  })

  test('only documents actually modified are counted', async () => {
    await db
      .collection('c')
      .doc('w1')
      .update({ data: { hits: 5 } })
    expect(
      (
        await db
          .collection('c')
          .where({ i: db.command.lte(2) })
          .update({ data: { hits: 5 } })
      ).stats.updated,
    ).toBe(1)
  })

  test('a failing multi-document update changes none of them', async () => {
    const _ = db.command
    await db
      .collection('c')
      .doc('w4')
      .update({ data: { i: 'four' } })
    const err = await errorOf(
      db
        .collection('c')
        .where({ hits: 0 })
        .update({ data: { i: _.inc(10) } }),
    )
    expect(err.errCode).toBe(-502001)
    const { data } = await db.collection('c').orderBy('_id', 'asc').get()
    expect(data.map((d) => d.i)).toEqual([1, 2, 3, 'four', 5])
  })

  test('remove reports stats.removed', async () => {
    expect(await db.collection('c').where({ even: true }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect((await db.collection('c').get()).data.map((d) => d._id)).toEqual(['w1', 'w3', 'w5'])
  })
})

describe('db.serverDate()', () => {
  test('becomes a Date from the store clock in add, set and update (with offset)', async () => {
    const _ = db.command
    await db.collection('c').add({ data: { _id: 'a', at: db.serverDate(), later: db.serverDate({ offset: 60_000 }), nested: { at: db.serverDate() } } })
    let doc = (await db.collection('c').doc('a').get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at).toEqual(new Date('2024-03-01T08:00:00.000Z'))
    expect(doc.later).toEqual(new Date('2024-03-01T08:01:00.000Z'))
    expect(doc.nested.at).toEqual(new Date('2024-03-01T08:00:00.000Z'))

    now = new Date('2024-03-02T00:00:00.000Z')
    await db
      .collection('c')
      .doc('a')
      .update({ data: { at: db.serverDate(), list: _.push([db.serverDate()]) } })
    doc = (await db.collection('c').doc('a').get()).data
    expect(doc.at).toEqual(new Date('2024-03-02T00:00:00.000Z'))
    expect(doc.list).toEqual([new Date('2024-03-02T00:00:00.000Z')])

    now = new Date('2024-03-03T00:00:00.000Z')
    await db
      .collection('c')
      .doc('b')
      .set({ data: { at: db.serverDate() } })
    expect((await db.collection('c').doc('b').get()).data).toEqual({ _id: 'b', at: new Date('2024-03-03T00:00:00.000Z') })
  })

  test('can be used in a where condition', async () => {
    const _ = db.command
    await db.collection('c').add({ data: { _id: 'old', at: new Date('2024-02-01T00:00:00Z') } })
    await db.collection('c').add({ data: { _id: 'new', at: new Date('2024-04-01T00:00:00Z') } })
    const { data } = await db
      .collection('c')
      .where({ at: _.lt(db.serverDate()) })
      .get()
    expect(data.map((d) => d._id)).toEqual(['old'])
  })
})

describe('concurrency: each operation is atomic', () => {
  test('20 concurrent _.inc(1) on one document add 20', async () => {
    const _ = db.command
    await db.collection('c').add({ data: { _id: 'counter', n: 0 } })
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        db
          .collection('c')
          .doc('counter')
          .update({ data: { n: _.inc(1) } }),
      ),
    )
    expect(results.every((r) => r.stats.updated === 1)).toBe(true)
    expect((await db.collection('c').doc('counter').get()).data.n).toBe(20)
  })

  test('20 concurrent adds of one _id: exactly one document, 19 duplicate-key rejections', async () => {
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_v, i) => db.collection('c').add({ data: { _id: 'same', attempt: i } })))
    const ok = settled.filter((s) => s.status === 'fulfilled')
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(failed).toHaveLength(19)
    expect(failed.every((f) => isDuplicateKeyError(f.reason))).toBe(true)
    expect((await db.collection('c').where({ _id: 'same' }).count()).total).toBe(1)
  })

  test('concurrent where().update and add interleave without lost updates', async () => {
    const _ = db.command
    await db.collection('c').add({ data: { _id: 'k', n: 0 } })
    await Promise.all([
      ...Array.from({ length: 10 }, () =>
        db
          .collection('c')
          .where({ _id: 'k' })
          .update({ data: { n: _.inc(1) } }),
      ),
      ...Array.from({ length: 10 }, (_v, i) => db.collection('c').add({ data: { _id: `x${i}` } })),
      ...Array.from({ length: 10 }, () =>
        db
          .collection('c')
          .doc('k')
          .update({ data: { n: _.inc(2) } }),
      ),
    ])
    expect((await db.collection('c').doc('k').get()).data.n).toBe(30)
    expect((await db.collection('c').count()).total).toBe(11)
  })
})

describe('command objects', () => {
  test('db.command is the real @cloudbase/database command used by wx-server-sdk', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as { init(c: { env: string }): void; database(): { command: unknown } }
    cloud.init({ env: 'local' })
    expect(db.command).toBe(cloud.database().command)
  })

  test('update()/remove() on a collection without where() are refused', () => {
    const coll = db.collection('c') as unknown as { update(o: unknown): unknown; remove(): unknown }
    expect(() => coll.update({ data: { a: 1 } })).toThrow(/requires where/)
    expect(() => coll.remove()).toThrow(/requires where/)
  })
})
