/**
 * The real wx-server-sdk 4.0.2 database client, talking to a scripted stand-in for the
 * cloud's HTTP endpoint, next to the local store: same requests, same result shapes,
 * same error shapes. The stand-in only replaces the transport (`Db.reqClass` of
 * @cloudbase/database); everything above it is the SDK's own code.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isDuplicateKeyError, isNotFoundError, type CloudDatabase } from '../../server/db/types'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const cloud = require('wx-server-sdk') as { init(c: { env: string }): void; database(): unknown }
const { Db } = require('@cloudbase/database') as { Db: { reqClass: unknown } }
const { stringifyByEJSON } = require('@cloudbase/database/dist/commonjs/utils/utils') as {
  stringifyByEJSON(v: unknown): string
}

interface Sent {
  api: string
  params: Record<string, any>
}

const NOW = new Date('2024-03-01T08:00:00.000Z')

let dir: string
let store: LocalStore
let local: CloudDatabase
let real: CloudDatabase
let sent: Sent[]
let reply: (api: string, params: Record<string, any>) => unknown
let savedReqClass: unknown

beforeAll(() => {
  cloud.init({ env: 'local' })
})

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-sdk-'))
  store = await openLocalStore(dir, { now: () => NOW })
  local = store.database()
  real = cloud.database() as CloudDatabase
  sent = []
  reply = () => {
    throw new Error('no reply scripted')
  }
  savedReqClass = Db.reqClass
  Db.reqClass = class ScriptedCloud {
    async send(api: string, params: Record<string, any>): Promise<unknown> {
      sent.push({ api, params: JSON.parse(JSON.stringify(params)) })
      return reply(api, params)
    }
  }
})

afterEach(async () => {
  Db.reqClass = savedReqClass
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

function lastSent(): Sent {
  const s = sent[sent.length - 1]
  if (!s) throw new Error('nothing sent')
  return s
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

function shape(err: any): Record<string, unknown> {
  return {
    isError: err instanceof Error,
    message: err.message,
    errCode: err.errCode,
    errMsg: err.errMsg,
    ownKeys: Object.keys(err).sort(),
  }
}

/** How the cloud returns documents: EJSON strings, canonical form. */
function asCloudList(docs: unknown[]): string[] {
  return docs.map((d) => stringifyByEJSON(d))
}

describe('errors have the same shape as the real SDK', () => {
  test('doc().get of a missing document', async () => {
    reply = () => ({ requestId: 'r', data: { list: [] } })
    const realErr = await rejection(real.collection('c').doc('nope').get())
    const localErr = await rejection(local.collection('c').doc('nope').get())
    expect(shape(localErr)).toEqual(shape(realErr))
    expect(isNotFoundError(realErr)).toBe(true)
    expect(isNotFoundError(localErr)).toBe(true)
  })

  test('add with an existing _id', async () => {
    await local.collection('c').add({ data: { _id: 'p1' } })
    const localErr = await rejection(local.collection('c').add({ data: { _id: 'p1' } }))
    // What the service answered in the same situation, as the SDK's transport hands it over.
    const serverMessage = String(localErr.message).split('database request fail. ')[1]
    expect(serverMessage).toContain('E11000 duplicate key')
    reply = () => ({ code: 'DATABASE_REQUEST_FAILED', message: serverMessage, requestId: 'r' })
    const realErr = await rejection(real.collection('c').add({ data: { _id: 'p1' } }))
    expect(shape(localErr)).toEqual(shape(realErr))
    expect(isDuplicateKeyError(realErr)).toBe(true)
    expect(isDuplicateKeyError(localErr)).toBe(true)
    // the raw TcbError thrown one layer down (code + message) is recognised too
    expect(isDuplicateKeyError({ code: 'DATABASE_REQUEST_FAILED', message: serverMessage })).toBe(true)
    expect(isDuplicateKeyError(new Error('something else'))).toBe(false)
  })

  test('argument errors raised by the SDK itself', async () => {
    const _ = real.command
    const cases: Array<(db: CloudDatabase) => Promise<unknown>> = [
      (db) =>
        db
          .collection('c')
          .doc('a')
          .update({ data: { _id: 'x' } }),
      (db) =>
        db
          .collection('c')
          .where({ a: 1 })
          .update({ data: { _id: 'x' } }),
      (db) =>
        db
          .collection('c')
          .doc('a')
          .set({ data: { _id: 'x' } as never }),
      (db) =>
        db
          .collection('c')
          .doc('a')
          .set({ data: { n: _.inc(1) } }),
      (db) => db.collection('c').doc('a').update({ data: {} }),
      (db) => db.collection('c').doc('a').set({ data: {} }),
      (db) => db.collection('c').where({ a: 1 }).update({ data: {} }),
      (db) =>
        db
          .collection('c')
          .doc('a')
          .update({} as never),
    ]
    for (const run of cases) {
      const realErr = await rejection(run(real))
      const localErr = await rejection(run(local))
      expect(shape(localErr)).toEqual(shape(realErr))
    }
    expect(sent).toEqual([])
  })

  test('synchronous argument errors', () => {
    const cases: Array<(db: CloudDatabase) => unknown> = [
      (db) => db.collection('c').where('x' as never),
      (db) => db.collection('c').where({ a: undefined }),
      (db) => db.collection('c').limit(1.5),
      (db) => db.collection('c').skip(-0.5),
      (db) => db.collection('c').orderBy('a', 'up' as never),
      (db) => db.collection('c').doc(null as never),
      (db) => db.collection(''),
    ]
    for (const run of cases) {
      let realMsg: string | undefined
      let localMsg: string | undefined
      try {
        run(real)
      } catch (e) {
        realMsg = (e as Error).message
      }
      try {
        run(local)
      } catch (e) {
        localMsg = (e as Error).message
      }
      expect(realMsg).toBeDefined()
      expect(localMsg).toBe(realMsg)
    }
  })
})

describe('results have the same shape as the real SDK', () => {
  test('add, get, doc().get, count', async () => {
    const localAdd = await local.collection('c').add({ data: { _id: 'a1', n: 1, at: new Date(5), o: { x: [1, 'y'] } } })
    reply = () => ({ requestId: 'r', data: { insertedIds: ['a1'] } })
    expect(await real.collection('c').add({ data: { _id: 'a1', n: 1 } })).toEqual(localAdd)

    const localGet = await local.collection('c').where({ n: 1 }).get()
    reply = () => ({ requestId: 'r', data: { list: asCloudList(localGet.data) } })
    const realGet = await real.collection('c').where({ n: 1 }).get()
    expect(realGet).toEqual(localGet)
    expect(realGet.data[0].at).toBeInstanceOf(Date)

    const localDoc = await local.collection('c').doc('a1').get()
    const realDoc = await real.collection('c').doc('a1').get()
    expect(realDoc).toEqual(localDoc)

    const localCount = await local.collection('c').count()
    reply = () => ({ requestId: 'r', data: { total: localCount.total } })
    expect(await real.collection('c').count()).toEqual(localCount)
  })

  test('update, set, remove', async () => {
    const _ = local.command
    await local.collection('c').add({ data: { _id: 'a1', n: 1 } })
    const localUpd = await local
      .collection('c')
      .doc('a1')
      .update({ data: { n: _.inc(1) } })
    reply = () => ({ requestId: 'r', data: { updated: 1 } })
    expect(
      await real
        .collection('c')
        .doc('a1')
        .update({ data: { n: _.inc(1) } }),
    ).toEqual(localUpd)

    const localWhereUpd = await local
      .collection('c')
      .where({ n: 2 })
      .update({ data: { m: 1 } })
    expect(
      await real
        .collection('c')
        .where({ n: 2 })
        .update({ data: { m: 1 } }),
    ).toEqual(localWhereUpd)

    const localCreate = await local
      .collection('c')
      .doc('b1')
      .set({ data: { v: 1 } })
    reply = () => ({ requestId: 'r', data: { updated: 0, upsert_id: 'b1' } })
    expect(
      await real
        .collection('c')
        .doc('b1')
        .set({ data: { v: 1 } }),
    ).toEqual(localCreate)

    const localReplace = await local
      .collection('c')
      .doc('b1')
      .set({ data: { v: 2 } })
    reply = () => ({ requestId: 'r', data: { updated: 1 } })
    expect(
      await real
        .collection('c')
        .doc('b1')
        .set({ data: { v: 2 } }),
    ).toEqual(localReplace)

    const localRemove = await local.collection('c').doc('b1').remove()
    reply = () => ({ requestId: 'r', data: { deleted: 1 } })
    expect(await real.collection('c').doc('b1').remove()).toEqual(localRemove)

    const localWhereRemove = await local.collection('c').where({ n: 2 }).remove()
    expect(await real.collection('c').where({ n: 2 }).remove()).toEqual(localWhereRemove)
  })

  test('aggregate', async () => {
    const $ = local.command.aggregate
    await local.collection('c').add({ data: { g: 'x', n: 2 } })
    await local.collection('c').add({ data: { g: 'x', n: 3 } })
    const build = (db: CloudDatabase) =>
      db
        .collection('c')
        .aggregate()
        .group({ _id: '$g', s: $.sum('$n') })
        .limit(5)
        .end()
    const localAgg = await build(local)
    reply = () => ({ requestId: 'r', data: { list: asCloudList(localAgg.list) } })
    expect(await build(real)).toEqual(localAgg)
    expect(localAgg.list).toEqual([{ _id: 'x', s: 5 }])
  })
})

describe('what the SDK sends, which the store evaluates', () => {
  beforeEach(() => {
    reply = (api) =>
      api === 'database.modifyDocument'
        ? { requestId: 'r', data: { updated: 0 } }
        : api === 'database.removeDocument'
          ? { requestId: 'r', data: { deleted: 0 } }
          : { requestId: 'r', data: { list: [] } }
  })

  test('get(): limit 100 by default (also for limit(0)), capped at 1000', async () => {
    await real.collection('c').get()
    expect(lastSent().params.limit).toBe(100)
    await real.collection('c').limit(0).get()
    expect(lastSent().params.limit).toBe(100)
    await real.collection('c').limit(20).get()
    expect(lastSent().params.limit).toBe(20)
    await real.collection('c').limit(5000).get()
    expect(lastSent().params.limit).toBe(1000)
    await real.collection('c').skip(30).orderBy('b', 'desc').orderBy('a', 'asc').get()
    expect(lastSent().params).toMatchObject({ offset: 30, order: '{"b":{"$numberInt":"-1"},"a":{"$numberInt":"1"}}' })
  })

  test('where(): nested plain objects become dotted paths; empty ones vanish', async () => {
    const _ = real.command
    await real
      .collection('c')
      .where({ profile: { level: 2, score: _.gt(5) }, empty: {}, tags: ['a'] })
      .get()
    expect(JSON.parse(lastSent().params.query)).toEqual({
      'profile.level': { $numberInt: '2' },
      'profile.score': { $gt: { $numberInt: '5' } },
      tags: ['a'],
    })
  })

  test('where(): RegExp, Date and server date encodings', async () => {
    await real
      .collection('c')
      .where({ name: real.RegExp({ regexp: '^a', options: 'i' }), js: /b/m, at: new Date(0), exp: real.command.lt(real.serverDate()) })
      .get()
    expect(JSON.parse(lastSent().params.query)).toEqual({
      name: { $regularExpression: { pattern: '^a', options: 'i' } },
      js: { $regularExpression: { pattern: 'b', options: 'm' } },
      at: { $date: { $numberLong: '0' } },
      exp: { $lt: { $tcb_server_date: { offset: { $numberInt: '0' } } } },
    })
  })

  test('update(): nested objects set dotted paths, operators map to MongoDB', async () => {
    const _ = real.command
    await real
      .collection('c')
      .doc('a')
      .update({
        data: {
          nested: { y: 20, deep: { k: _.inc(1) } },
          empty: {},
          whole: _.set({ z: 1 }),
          list: _.push(['x']),
          gone: _.remove(),
          tags: _.addToSet('t'),
          out: _.pull('o'),
        },
      })
    expect(lastSent().params).toMatchObject({ query: '{"_id":"a"}', multi: false, merge: true, upsert: false })
    expect(JSON.parse(lastSent().params.data)).toEqual({
      $set: { 'nested.y': { $numberInt: '20' }, whole: { z: { $numberInt: '1' } } },
      $inc: { 'nested.deep.k': { $numberInt: '1' } },
      $push: { list: { $each: ['x'] } },
      $unset: { gone: '' },
      $addToSet: { tags: 't' },
      $pull: { out: 'o' },
    })
  })

  test('set() sends the whole document as a replacement (merge: false, upsert: true)', async () => {
    reply = () => ({ requestId: 'r', data: { updated: 1 } })
    await real
      .collection('c')
      .doc('a')
      .set({ data: { nested: { x: 1 }, at: real.serverDate() } })
    expect(lastSent().params).toMatchObject({ query: '{"_id":"a"}', multi: false, merge: false, upsert: true })
    expect(JSON.parse(lastSent().params.data)).toEqual({
      nested: { x: { $numberInt: '1' } },
      at: { $tcb_server_date: { offset: { $numberInt: '0' } } },
    })
  })

  test('where().update()/remove() send no limit, offset or order: every match is affected', async () => {
    await real
      .collection('c')
      .where({ a: 1 })
      .orderBy('a', 'asc')
      .skip(2)
      .limit(1)
      .update({ data: { b: 1 } })
    expect(lastSent().params).toMatchObject({ multi: true })
    expect(lastSent().params).not.toHaveProperty('limit')
    expect(lastSent().params).not.toHaveProperty('offset')
    expect(lastSent().params).not.toHaveProperty('order')
    await real.collection('c').where({ a: 1 }).remove()
    expect(lastSent().params).toMatchObject({ multi: true, query: '{"a":{"$numberInt":"1"}}' })
  })

  test('aggregate(): stages as the store receives them', async () => {
    const _ = real.command
    const $ = _.aggregate
    await real
      .collection('c')
      .aggregate()
      .match({ n: _.gt(1), o: { p: 1 } })
      .group({ _id: '$g', s: $.sum('$n'), a: $.avg('$n') })
      .sort({ s: -1 })
      .limit(3)
      .end()
    expect(lastSent().params.stages).toEqual([
      { stageKey: '$match', stageValue: '{"n":{"$gt":{"$numberInt":"1"}},"o.p":{"$numberInt":"1"}}' },
      { stageKey: '$group', stageValue: '{"_id":"$g","s":{"$sum":"$n"},"a":{"$avg":"$n"}}' },
      { stageKey: '$sort', stageValue: '{"s":{"$numberInt":"-1"}}' },
      { stageKey: '$limit', stageValue: '3' },
    ])
  })
})
