import * as fs from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { isDuplicateKeyError, isNotFoundError, type CloudDatabase } from '../../server/db/types'
import { openLocalStore, type LocalStore } from '../../local-cloud/store'

const NOW = new Date('2026-11-23T02:00:00Z')

let dir: string
let store: LocalStore
let db: CloudDatabase

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-tx-'))
  store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0 })
  db = store.database()
})

afterEach(async () => {
  await store.close().catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

const docOf = async (collection: string, id: string) => {
  try {
    return (await db.collection(collection).doc(id).get()).data
  } catch (err) {
    if (isNotFoundError(err)) return undefined
    throw err
  }
}

describe('runTransaction', () => {
  it('commits every write of the callback together and answers its result', async () => {
    await db.collection('records').add({ data: { _id: 'm1', points: 0 } })
    const answer = await db.runTransaction(async (tx) => {
      await tx.collection('checkins').add({ data: { _id: 'm1_2026-11-23', day: '2026-11-23' } })
      const { data } = await tx.collection('records').doc('m1').get()
      await tx
        .collection('records')
        .doc('m1')
        .update({ data: { points: db.command.inc(2), last: data.points } })
      return 'done'
    })
    expect(answer).toBe('done')
    expect(await docOf('checkins', 'm1_2026-11-23')).toEqual({ _id: 'm1_2026-11-23', day: '2026-11-23' })
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', points: 2, last: 0 })
  })

  it('shows a transaction its own writes and nobody else until it commits', async () => {
    await db.collection('records').add({ data: { _id: 'm1', points: 0 } })
    let outside: unknown
    await db.runTransaction(async (tx) => {
      await tx
        .collection('records')
        .doc('m1')
        .update({ data: { points: 5 } })
      expect((await tx.collection('records').doc('m1').get()).data).toEqual({ _id: 'm1', points: 5 })
      outside = await docOf('records', 'm1')
    })
    expect(outside).toEqual({ _id: 'm1', points: 0 })
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', points: 5 })
  })

  it('writes nothing when the callback throws, and rethrows its error', async () => {
    await db.collection('records').add({ data: { _id: 'm1', points: 0 } })
    const failure = new Error('stop here')
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('checkins').add({ data: { _id: 'c1' } })
        await tx
          .collection('records')
          .doc('m1')
          .update({ data: { points: 9 } })
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(await docOf('checkins', 'c1')).toBeUndefined()
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', points: 0 })
  })

  it('refuses an insert of an existing id with the cloud’s duplicate-key error and commits nothing', async () => {
    await db.collection('checkins').add({ data: { _id: 'c1', n: 1 } })
    await db.collection('records').add({ data: { _id: 'm1', points: 0 } })
    const attempt = db.runTransaction(async (tx) => {
      await tx
        .collection('records')
        .doc('m1')
        .update({ data: { points: 2 } })
      await tx.collection('checkins').add({ data: { _id: 'c1', n: 2 } })
    })
    expect(isDuplicateKeyError(await attempt.catch((err: unknown) => err))).toBe(true)
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', points: 0 })
    expect(await docOf('checkins', 'c1')).toEqual({ _id: 'c1', n: 1 })
  })

  it('rejects a get of a missing document as the cloud does', async () => {
    const failure = await db.runTransaction((tx) => tx.collection('records').doc('none').get()).catch((err: unknown) => err)
    expect(isNotFoundError(failure)).toBe(true)
  })

  it('runs a callback again when a document it read changed before commit, so no increment is lost', async () => {
    await db.collection('records').add({ data: { _id: 'm1', n: 0 } })
    const bump = () =>
      db.runTransaction(async (tx) => {
        const { data } = await tx.collection('records').doc('m1').get()
        await new Promise((resolve) => setTimeout(resolve, 5))
        await tx
          .collection('records')
          .doc('m1')
          .set({ data: { n: (data.n as number) + 1 } })
      }, 10)
    await Promise.all(Array.from({ length: 5 }, bump))
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', n: 5 })
  })

  it('gives up after `times` conflicts with the conflict error and writes nothing of the last try', async () => {
    await db.collection('records').add({ data: { _id: 'm1', n: 0 } })
    let runs = 0
    const attempt = db.runTransaction(async (tx) => {
      runs++
      await tx.collection('records').doc('m1').get()
      await db
        .collection('records')
        .doc('m1')
        .update({ data: { n: db.command.inc(1) } })
      await tx
        .collection('records')
        .doc('m1')
        .set({ data: { n: -1 } })
    }, 2)
    await expect(attempt).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(runs).toBe(2)
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', n: 2 })
  })

  it('is one journal record: a crash that tears it leaves none of its writes', async () => {
    await db.collection('records').add({ data: { _id: 'm1', points: 0 } })
    await db.runTransaction(async (tx) => {
      await tx.collection('checkins').add({ data: { _id: 'c1' } })
      await tx
        .collection('records')
        .doc('m1')
        .update({ data: { points: 2 } })
    })
    await store.close()
    const journal = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('journal-'))
      .sort()
      .pop()!
    const file = path.join(dir, journal)
    fs.truncateSync(file, fs.statSync(file).size - 5)
    store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0 })
    db = store.database()
    expect(await docOf('checkins', 'c1')).toBeUndefined()
    expect(await docOf('records', 'm1')).toEqual({ _id: 'm1', points: 0 })
  })

  it('keeps a committed transaction across a restart', async () => {
    await db.runTransaction(async (tx) => {
      await tx.collection('a').add({ data: { _id: 'x' } })
      await tx.collection('b').add({ data: { _id: 'y' } })
    })
    await store.close()
    store = await openLocalStore(dir, { now: () => NOW, autoCompactBytes: 0 })
    db = store.database()
    expect(await docOf('a', 'x')).toEqual({ _id: 'x' })
    expect(await docOf('b', 'y')).toEqual({ _id: 'y' })
  })
})
