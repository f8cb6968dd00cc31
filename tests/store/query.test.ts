import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'

const NOW = new Date('2024-03-01T08:00:00.000Z')

let dir: string
let store: LocalStore
let db: CloudDatabase

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-query-'))
  store = await openLocalStore(dir, { now: () => NOW })
  db = store.database()
})

afterEach(async () => {
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

interface User {
  _id: string
  name: string
  age?: number
  city?: string
  tags?: string[]
  profile?: { level: number; score: number }
  joinedAt?: Date
}

const USERS: User[] = [
  { _id: 'u1', name: 'Alice', age: 30, city: 'bj', tags: ['a', 'b'], profile: { level: 2, score: 9 }, joinedAt: new Date('2024-01-01T00:00:00Z') },
  { _id: 'u2', name: 'bob', age: 25, city: 'sh', tags: ['b'], profile: { level: 1, score: 3 }, joinedAt: new Date('2024-02-01T00:00:00Z') },
  { _id: 'u3', name: 'Carol', age: 35, city: 'bj', tags: [], profile: { level: 2, score: 4 }, joinedAt: new Date('2023-12-01T00:00:00Z') },
  { _id: 'u4', name: 'dave', city: 'gz' },
  { _id: 'u5', name: 'alan', age: 25, city: 'sh', tags: ['c'] },
]

async function seed(): Promise<void> {
  for (const u of USERS) await db.collection<User>('users').add({ data: u })
}

async function ids(q: { get(): Promise<{ data: Array<{ _id?: unknown }> }> }): Promise<unknown[]> {
  return (await q.get()).data.map((d) => d._id)
}

describe('where: comparison operators', () => {
  beforeEach(seed)

  test('plain equality and _.eq', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ city: 'bj' }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ city: _.eq('bj') }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ city: 'bj', age: 35 }))).toEqual(['u3'])
  })

  test('_.neq also matches documents without the field (MongoDB $ne)', async () => {
    const _ = db.command
    expect(await ids(db.collection('users').where({ age: _.neq(25) }))).toEqual(['u1', 'u3', 'u4'])
  })

  test('gt / gte / lt / lte on numbers', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ age: _.gt(25) }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ age: _.gte(30) }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ age: _.lt(30) }))).toEqual(['u2', 'u5'])
    expect(await ids(users.where({ age: _.lte(30) }))).toEqual(['u1', 'u2', 'u5'])
  })

  test('comparisons on Dates', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ joinedAt: _.gte(new Date('2024-01-01T00:00:00Z')) }))).toEqual(['u1', 'u2'])
    expect(await ids(users.where({ joinedAt: _.lt(new Date('2024-01-01T00:00:00Z')) }))).toEqual(['u3'])
    expect(await ids(users.where({ joinedAt: new Date('2024-02-01T00:00:00Z') }))).toEqual(['u2'])
  })

  test('in / nin', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ city: _.in(['sh', 'gz']) }))).toEqual(['u2', 'u4', 'u5'])
    expect(await ids(users.where({ city: _.nin(['sh', 'gz']) }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ _id: _.in(['u5', 'u1', 'zz']) }))).toEqual(['u1', 'u5'])
  })

  test('exists', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ age: _.exists(false) }))).toEqual(['u4'])
    expect(await ids(users.where({ profile: _.exists(true) }))).toEqual(['u1', 'u2', 'u3'])
  })

  test('and / or: top level, field level and chained', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where(_.or([{ city: 'gz' }, { age: _.gt(30) }])))).toEqual(['u3', 'u4'])
    expect(await ids(users.where(_.or({ city: 'gz' }, { age: 35 })))).toEqual(['u3', 'u4'])
    expect(await ids(users.where({ age: _.gt(20).and(_.lt(30)) }))).toEqual(['u2', 'u5'])
    expect(await ids(users.where({ age: _.lt(26).or(_.gt(34)) }))).toEqual(['u2', 'u3', 'u5'])
    expect(await ids(users.where({ age: _.and(_.gte(25), _.lte(30)), city: 'sh' }))).toEqual(['u2', 'u5'])
    expect(await ids(users.where(_.and([{ city: 'bj' }, { age: _.gt(31) }])))).toEqual(['u3'])
  })

  test('arrays: a scalar condition matches any element', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(await ids(users.where({ tags: 'b' }))).toEqual(['u1', 'u2'])
    expect(await ids(users.where({ tags: _.in(['a', 'c']) }))).toEqual(['u1', 'u5'])
    expect(await ids(users.where({ tags: ['b'] }))).toEqual(['u2'])
  })

  test('RegExp: db.RegExp and JavaScript RegExp', async () => {
    const users = db.collection('users')
    expect(await ids(users.where({ name: db.RegExp({ regexp: '^al', options: 'i' }) }))).toEqual(['u1', 'u5'])
    expect(await ids(users.where({ name: db.RegExp({ regexp: '^al' }) }))).toEqual(['u5'])
    expect(await ids(users.where({ name: /^[A-Z]/ }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ name: /O/i }))).toEqual(['u2', 'u3'])
  })
})

describe('where: nested objects and cloud-specific encoding', () => {
  beforeEach(seed)

  test('a nested plain object matches field by field (dotted paths), not as a whole sub-document', async () => {
    const _ = db.command
    const users = db.collection('users')
    // MongoDB itself would need profile to equal {level: 2} exactly; the cloud flattens it.
    expect(await ids(users.where({ profile: { level: 2 } }))).toEqual(['u1', 'u3'])
    expect(await ids(users.where({ profile: { level: 2, score: _.gt(5) } }))).toEqual(['u1'])
    expect(await ids(users.where({ 'profile.score': _.lte(4) }))).toEqual(['u2', 'u3'])
  })

  test('an empty nested object is dropped from the condition', async () => {
    expect(await ids(db.collection('users').where({ profile: {} }))).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
  })

  test('a second where() replaces the first', async () => {
    expect(await ids(db.collection('users').where({ city: 'bj' }).where({ city: 'gz' }))).toEqual(['u4'])
  })

  test('invalid where() arguments throw synchronously, as the SDK does', () => {
    const users = db.collection('users')
    expect(() => users.where('x' as unknown as Record<string, unknown>)).toThrow('查询参数必须为对象')
    expect(() => users.where({ a: undefined })).toThrow('查询参数对象值不能均为undefined')
    expect(() => users.limit(1.5)).toThrow('limitmust be integer')
    expect(() => users.skip(0.5)).toThrow('offsetmust be integer')
    expect(() => users.orderBy('age', 'up' as 'asc')).toThrow('排序字符不合法')
    expect(() => users.doc({} as unknown as string)).toThrow('docId必须为字符串或数字')
  })

  test('an unknown query operator rejects like a server error', async () => {
    const err = await db
      .collection('users')
      .where({ age: { $bogus: 1 } })
      .get()
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ errCode: -502001 })
    expect((err as Error).message).toMatch(/^collection\.get:fail -502001 database request fail\. /)
  })

  test('a missing collection reads as empty', async () => {
    expect(await db.collection('nothing').get()).toEqual({ data: [], errMsg: 'collection.get:ok' })
    expect(await db.collection('nothing').count()).toEqual({ total: 0, errMsg: 'collection.count:ok' })
  })
})

describe('orderBy, skip, limit, field, count', () => {
  beforeEach(seed)

  test('natural order is insertion order', async () => {
    expect(await ids(db.collection('users'))).toEqual(['u1', 'u2', 'u3', 'u4', 'u5'])
  })

  test('orderBy with several keys, in call order', async () => {
    const users = db.collection('users')
    expect(await ids(users.orderBy('city', 'asc').orderBy('age', 'desc'))).toEqual(['u3', 'u1', 'u4', 'u2', 'u5'])
    expect(await ids(users.orderBy('age', 'desc').orderBy('name', 'asc'))).toEqual(['u3', 'u1', 'u5', 'u2', 'u4'])
    // missing values sort first ascending, as in MongoDB
    expect(await ids(users.orderBy('age', 'asc').orderBy('_id', 'asc'))).toEqual(['u4', 'u2', 'u5', 'u1', 'u3'])
    expect(await ids(users.orderBy('joinedAt', 'desc').limit(2))).toEqual(['u2', 'u1'])
  })

  test('orderBy on a nested path', async () => {
    expect(
      await ids(
        db
          .collection('users')
          .where({ profile: db.command.exists(true) })
          .orderBy('profile.score', 'asc'),
      ),
    ).toEqual(['u2', 'u3', 'u1'])
  })

  test('skip and limit apply after sorting', async () => {
    const users = db.collection('users')
    expect(await ids(users.orderBy('_id', 'desc').skip(1).limit(2))).toEqual(['u4', 'u3'])
    expect(await ids(users.skip(3))).toEqual(['u4', 'u5'])
    expect(await ids(users.skip(10))).toEqual([])
  })

  test('field() projects: _id always kept unless excluded', async () => {
    const users = db.collection('users')
    const { data } = await users.where({ _id: 'u1' }).field({ name: true, 'profile.level': true }).get()
    expect(data).toEqual([{ _id: 'u1', name: 'Alice', profile: { level: 2 } }])
    expect(Object.keys(data[0])[0]).toBe('_id')
    const excl = await users.where({ _id: 'u2' }).field({ tags: false, profile: 0, joinedAt: false }).get()
    expect(excl.data).toEqual([{ _id: 'u2', name: 'bob', age: 25, city: 'sh' }])
    const noId = await users.where({ _id: 'u2' }).field({ _id: false, name: true }).get()
    expect(noId.data).toEqual([{ name: 'bob' }])
    const docField = await users.doc('u3').field({ age: true }).get()
    expect(docField).toEqual({ data: { _id: 'u3', age: 35 }, errMsg: 'document.get:ok' })
  })

  test('mixing inclusion and exclusion is refused', async () => {
    await expect(db.collection('users').field({ name: true, age: false }).get()).rejects.toMatchObject({ errCode: -502001 })
  })

  test('count ignores skip and limit', async () => {
    const _ = db.command
    const users = db.collection('users')
    expect(
      await users
        .where({ age: _.gte(25) })
        .skip(1)
        .limit(1)
        .count(),
    ).toEqual({ total: 4, errMsg: 'collection.count:ok' })
    expect((await users.count()).total).toBe(5)
  })

  test('reads return copies: mutating a result does not change the store', async () => {
    const { data } = await db.collection<User>('users').doc('u1').get()
    data.tags!.push('mutated')
    data.profile!.level = 99
    const again = await db.collection<User>('users').doc('u1').get()
    expect(again.data.tags).toEqual(['a', 'b'])
    expect(again.data.profile!.level).toBe(2)
  })

  test('Dates come back as Date objects', async () => {
    const { data } = await db.collection<User>('users').where({ _id: 'u1' }).get()
    expect(data[0].joinedAt).toBeInstanceOf(Date)
    expect(data[0].joinedAt!.toISOString()).toBe('2024-01-01T00:00:00.000Z')
  })
})

describe('get() record limits (cloud function side)', () => {
  test('100 records by default, at most 1000 whatever the limit', async () => {
    const items = db.collection('items')
    await Promise.all(Array.from({ length: 1200 }, (_v, i) => items.add({ data: { _id: `i${String(i).padStart(4, '0')}`, i } })))
    expect((await items.get()).data).toHaveLength(100)
    expect((await items.limit(0).get()).data).toHaveLength(100)
    expect((await items.limit(250).get()).data).toHaveLength(250)
    expect((await items.limit(1000).get()).data).toHaveLength(1000)
    expect((await items.limit(5000).get()).data).toHaveLength(1000)
    const page = await items.orderBy('i', 'desc').skip(1100).limit(1000).get()
    expect(page.data).toHaveLength(100)
    expect(page.data[0]).toEqual({ _id: 'i0099', i: 99 })
    expect((await items.count()).total).toBe(1200)
  })
})
