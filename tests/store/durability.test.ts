import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { CloudDatabase } from '../../server/db/types'
import { StoreLockedError, openLocalStore, type LocalStore } from '../../local-cloud/store'

const NOW = new Date('2024-03-01T08:00:00.000Z')

let dir: string
const open: LocalStore[] = []

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'store-durable-'))
})

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

async function openStore(options: { autoCompactBytes?: number } = {}): Promise<LocalStore> {
  const s = await openLocalStore(dir, { now: () => NOW, ...options })
  open.push(s)
  return s
}

async function closeStore(s: LocalStore): Promise<void> {
  await s.close()
  open.splice(open.indexOf(s), 1)
}

async function dump(db: CloudDatabase, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of collections) {
    const all: unknown[] = []
    for (;;) {
      const { data } = await db.collection(name).skip(all.length).limit(1000).get()
      all.push(...data)
      if (data.length < 1000) break
    }
    out[name] = all
  }
  return out
}

function files(): string[] {
  return fs.readdirSync(dir).sort()
}

function journals(): string[] {
  return files().filter((f) => /^journal-\d+\.log$/.test(f))
}

function lastJournal(): string {
  const j = journals()
  if (j.length === 0) throw new Error('no journal')
  return path.join(dir, j[j.length - 1])
}

async function writeSample(db: CloudDatabase): Promise<void> {
  const _ = db.command
  await db.collection('users').add({ data: { _id: 'u1', name: '张三', at: new Date('2024-01-02T03:04:05.678Z'), n: 1.5, big: 2 ** 53 - 1 } })
  await db.collection('users').add({ data: { _id: 'u2', name: 'b', tags: ['x'], nested: { d: new Date(0), list: [new Date(1)] } } })
  await db.collection('users').add({ data: { _id: 3, neg: -0.25, nan: NaN, inf: -Infinity, nul: null, re: /a.b/i } })
  await db
    .collection('users')
    .doc('u1')
    .update({ data: { n: _.inc(1), seen: db.serverDate() } })
  await db
    .collection('users')
    .doc('u2')
    .set({ data: { replaced: true } })
  await db.collection('logs').add({ data: { _id: 'l1', msg: 'first' } })
  await db.collection('logs').add({ data: { _id: 'l2', msg: 'second' } })
  await db.collection('logs').doc('l1').remove()
}

const SAMPLE = {
  users: [
    { _id: 'u1', name: '张三', at: new Date('2024-01-02T03:04:05.678Z'), n: 2.5, big: 2 ** 53 - 1, seen: NOW },
    { _id: 'u2', replaced: true },
    { _id: 3, neg: -0.25, nan: NaN, inf: -Infinity, nul: null, re: /a.b/i },
  ],
  logs: [{ _id: 'l2', msg: 'second' }],
}

describe('persistence', () => {
  test('acknowledged writes survive a reopen, with Dates and other values intact', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await closeStore(s1)
    const s2 = await openStore()
    const data = await dump(s2.database(), ['users', 'logs'])
    expect(data).toEqual(SAMPLE)
    expect((data.users[0] as { at: unknown }).at).toBeInstanceOf(Date)
    expect((data.users[2] as { re: unknown }).re).toBeInstanceOf(RegExp)
    await expect(s2.database().collection('logs').doc('l1').get()).rejects.toThrow('does not exist')
  })

  test('state survives compaction, and compaction plus later writes', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await s1.compact()
    expect(files()).toContain('snapshot.db')
    expect(journals()).toEqual([])
    await s1
      .database()
      .collection('logs')
      .add({ data: { _id: 'l3', at: new Date(42) } })
    await closeStore(s1)
    const s2 = await openStore()
    expect(await dump(s2.database(), ['users', 'logs'])).toEqual({ ...SAMPLE, logs: [...SAMPLE.logs, { _id: 'l3', at: new Date(42) }] })
    await s2.compact()
    await closeStore(s2)
    const s3 = await openStore()
    expect((await dump(s3.database(), ['logs'])).logs).toEqual([...SAMPLE.logs, { _id: 'l3', at: new Date(42) }])
  })

  test('natural order is preserved across reopen and compaction', async () => {
    const s1 = await openStore()
    const c = s1.database().collection('c')
    for (const id of ['b', 'a', 'd', 'c']) await c.add({ data: { _id: id } })
    await c.doc('a').remove()
    await c.add({ data: { _id: 'a' } })
    await c.doc('d').update({ data: { v: 1 } })
    const before = (await c.get()).data.map((d) => d._id)
    expect(before).toEqual(['b', 'd', 'c', 'a'])
    await closeStore(s1)
    const s2 = await openStore()
    expect((await s2.database().collection('c').get()).data.map((d) => d._id)).toEqual(before)
    await s2.compact()
    await closeStore(s2)
    const s3 = await openStore()
    expect((await s3.database().collection('c').get()).data.map((d) => d._id)).toEqual(before)
  })

  test('close() waits for writes still in flight', async () => {
    const s1 = await openStore()
    const db = s1.database()
    const pending = Array.from({ length: 200 }, (_v, i) => db.collection('c').add({ data: { _id: `p${i}` } }))
    await closeStore(s1)
    await Promise.all(pending)
    const s2 = await openStore()
    expect((await s2.database().collection('c').count()).total).toBe(200)
  })

  test('operations after close() reject', async () => {
    const s1 = await openStore()
    const db = s1.database()
    await closeStore(s1)
    await expect(db.collection('c').add({ data: { a: 1 } })).rejects.toThrow('local store is closed')
    await expect(db.collection('c').get()).rejects.toThrow('local store is closed')
    await expect(s1.compact()).rejects.toThrow('local store is closed')
  })

  test('auto-compaction folds the journal into a snapshot', async () => {
    const s1 = await openStore({ autoCompactBytes: 4096 })
    const db = s1.database()
    const _ = db.command
    await db.collection('c').add({ data: { _id: 'counter', n: 0 } })
    for (let i = 0; i < 300; i++) {
      await db
        .collection('c')
        .doc('counter')
        .update({ data: { n: _.inc(1), pad: 'x'.repeat(50) } })
    }
    await closeStore(s1)
    expect(files()).toContain('snapshot.db')
    const journalBytes = journals().reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0)
    expect(journalBytes).toBeLessThan(300 * 100)
    const s2 = await openStore()
    expect((await s2.database().collection('c').doc('counter').get()).data.n).toBe(300)
  })
})

describe('crash recovery', () => {
  test('a torn (half-written) last journal record is dropped and truncated', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await closeStore(s1)
    const file = lastJournal()
    const goodSize = fs.statSync(file).size
    fs.appendFileSync(file, '0badc0de ["p","users",{"_id":"torn","half":')
    const s2 = await openStore()
    expect(s2.recovery.truncatedBytes).toBeGreaterThan(0)
    expect(s2.recovery.preservedTail).toBeUndefined()
    expect(fs.statSync(file).size).toBe(goodSize)
    expect(await dump(s2.database(), ['users', 'logs'])).toEqual(SAMPLE)
    await s2
      .database()
      .collection('logs')
      .add({ data: { _id: 'after', ok: true } })
    await closeStore(s2)
    const s3 = await openStore()
    expect(s3.recovery.truncatedBytes).toBe(0)
    expect((await s3.database().collection('logs').doc('after').get()).data).toEqual({ _id: 'after', ok: true })
  })

  test('garbage, a bad checksum or zero-filled blocks at the end are dropped', async () => {
    const tails = [Buffer.from('garbage without newline'), Buffer.from('ffffffff ["p","users",{"_id":"evil"}]\n'), Buffer.alloc(4096, 0), Buffer.from('\n\n\n')]
    const s1 = await openStore()
    await writeSample(s1.database())
    await closeStore(s1)
    for (const tail of tails) {
      fs.appendFileSync(lastJournal(), tail)
      const s = await openStore()
      expect(s.recovery.truncatedBytes).toBe(tail.length)
      expect(await dump(s.database(), ['users', 'logs'])).toEqual(SAMPLE)
      await closeStore(s)
    }
  })

  test('a corrupt record followed by valid ones: recovery keeps the dropped bytes aside', async () => {
    const s1 = await openStore()
    await s1
      .database()
      .collection('c')
      .add({ data: { _id: 'a' } })
    await s1
      .database()
      .collection('c')
      .add({ data: { _id: 'b' } })
    await closeStore(s1)
    const file = lastJournal()
    const text = fs.readFileSync(file, 'utf8')
    const lines = text.split('\n')
    // flip one byte of the first record's payload
    lines[0] = lines[0].replace('"a"', '"A"')
    fs.writeFileSync(file, lines.join('\n'))
    const s2 = await openStore()
    expect(s2.recovery.truncatedBytes).toBe(Buffer.byteLength(text))
    expect(s2.recovery.preservedTail).toBeDefined()
    expect(fs.readFileSync(s2.recovery.preservedTail!, 'utf8')).toBe(lines.join('\n'))
    expect((await s2.database().collection('c').count()).total).toBe(0)
  })

  test('crash after the snapshot was renamed but before old journals were deleted', async () => {
    const s1 = await openStore()
    const db = s1.database()
    const _ = db.command
    await writeSample(db)
    await db
      .collection('users')
      .doc('u1')
      .update({ data: { n: _.inc(10) } })
    const oldJournals = journals().map((f) => [f, fs.readFileSync(path.join(dir, f))] as const)
    await s1.compact()
    await db
      .collection('users')
      .doc('u1')
      .update({ data: { n: _.inc(100) } })
    await db.collection('logs').doc('l2').remove()
    await closeStore(s1)
    // Put the journals the compaction had deleted back, as if it had crashed before deleting them.
    for (const [f, content] of oldJournals) fs.writeFileSync(path.join(dir, f), content)
    const s2 = await openStore()
    const data = await dump(s2.database(), ['users', 'logs'])
    expect((data.users[0] as { n: number }).n).toBe(112.5)
    expect(data.logs).toEqual([])
    for (const [f] of oldJournals) expect(files()).not.toContain(f)
  })

  test('crash while the snapshot was being written: the partial temp file is ignored', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await s1.compact()
    await s1
      .database()
      .collection('logs')
      .add({ data: { _id: 'l9' } })
    await closeStore(s1)
    const snapshot = fs.readFileSync(path.join(dir, 'snapshot.db'))
    fs.writeFileSync(path.join(dir, 'snapshot.db.tmp'), snapshot.subarray(0, Math.floor(snapshot.length / 2)))
    const s2 = await openStore()
    expect(files()).not.toContain('snapshot.db.tmp')
    expect(await dump(s2.database(), ['users', 'logs'])).toEqual({ ...SAMPLE, logs: [...SAMPLE.logs, { _id: 'l9' }] })
  })

  test('crash before the first snapshot was renamed: journals alone rebuild the state', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await closeStore(s1)
    fs.writeFileSync(path.join(dir, 'snapshot.db.tmp'), 'half a snapshot')
    const s2 = await openStore()
    expect(await dump(s2.database(), ['users', 'logs'])).toEqual(SAMPLE)
  })

  test('a damaged snapshot (not something a crash produces) refuses to open, loudly', async () => {
    const s1 = await openStore()
    await writeSample(s1.database())
    await s1.compact()
    await closeStore(s1)
    const file = path.join(dir, 'snapshot.db')
    const buf = fs.readFileSync(file)
    buf[Math.floor(buf.length / 2)] ^= 0x01
    fs.writeFileSync(file, buf)
    await expect(openLocalStore(dir)).rejects.toThrow(/snapshot\.db is corrupt/)
    // the failed open released the directory
    expect(files()).not.toContain('LOCK')
  })
})

describe('directory lock', () => {
  test('a second open of the same directory is refused until the first closes', async () => {
    const s1 = await openStore()
    await expect(openLocalStore(dir)).rejects.toBeInstanceOf(StoreLockedError)
    await expect(openLocalStore(dir)).rejects.toThrow(`already open in process ${process.pid}`)
    await closeStore(s1)
    const s2 = await openStore()
    expect(s2.dir).toBe(path.resolve(dir))
  })

  test('a lock left by a dead process is taken over', async () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    const deadPid = Number(child.stdout.toString())
    expect(deadPid).toBeGreaterThan(0)
    fs.writeFileSync(path.join(dir, 'LOCK'), String(deadPid))
    const s = await openStore()
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid))
    await closeStore(s)
    expect(files()).not.toContain('LOCK')
  })

  test('a lock naming this pid but not held here is stale (pid reused after a restart)', async () => {
    fs.writeFileSync(path.join(dir, 'LOCK'), String(process.pid))
    const s = await openStore()
    await expect(openLocalStore(dir)).rejects.toBeInstanceOf(StoreLockedError)
    await closeStore(s)
  })

  test('a lock held by another live process is respected', async () => {
    fs.writeFileSync(path.join(dir, 'LOCK'), String(process.ppid))
    await expect(openLocalStore(dir)).rejects.toThrow(`already open in process ${process.ppid}`)
    expect(fs.readFileSync(path.join(dir, 'LOCK'), 'utf8')).toBe(String(process.ppid))
  })

  test('another process cannot open a directory this process holds', async () => {
    const s = await openStore()
    const script = path.join(dir, 'try-open.ts')
    fs.writeFileSync(
      script,
      `import { openLocalStore } from ${JSON.stringify(path.resolve(__dirname, '../../local-cloud/store'))};\n` +
        `openLocalStore(${JSON.stringify(dir)}).then(() => { console.log('OPENED'); process.exit(0); }, (e) => { console.log('REFUSED ' + e.name); process.exit(0); });\n`,
    )
    const out = spawnSync(process.execPath, ['-r', require.resolve('tsx/cjs'), script], { encoding: 'utf8', timeout: 60_000 })
    expect(out.stdout.trim()).toBe('REFUSED StoreLockedError')
    await closeStore(s)
  })
})

describe('killed process', () => {
  const CHILD = (storeModule: string, storeDir: string) => `
import { openLocalStore } from ${JSON.stringify(storeModule)};
(async () => {
  const store = await openLocalStore(${JSON.stringify(storeDir)}, { autoCompactBytes: 16 * 1024 });
  const db = store.database();
  const _ = db.command;
  const start = Number(process.argv[2]);
  process.stdout.write('READY\\n');
  let i = start;
  const worker = async (w: number) => {
    for (;;) {
      const n = i++;
      const id = 'k' + n;
      await db.collection('acks').add({ data: { _id: id, w, at: new Date(1700000000000 + n), pad: 'p'.repeat(n % 97) } });
      process.stdout.write('ADD ' + id + '\\n');
      await db.collection('counters').doc('c').update({ data: { n: _.inc(1) } });
      process.stdout.write('INC\\n');
      if (n % 50 === 0) { await store.compact(); process.stdout.write('COMPACT\\n'); }
    }
  };
  await db.collection('counters').add({ data: { _id: 'c', n: 0 } }).catch(() => undefined);
  await Promise.all(Array.from({ length: 8 }, (_v, w) => worker(w)));
})();
`

  async function runAndKill(start: number, killAfterAcks: number): Promise<{ added: string[]; incs: number }> {
    const script = path.join(os.tmpdir(), `store-child-${process.pid}-${start}.ts`)
    fs.writeFileSync(script, CHILD(path.resolve(__dirname, '../../local-cloud/store'), dir))
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), script, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const added: string[] = []
    let incs = 0
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
    })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString()
        let nl: number
        while ((nl = buffer.indexOf('\n')) !== -1) {
          const line = buffer.slice(0, nl)
          buffer = buffer.slice(nl + 1)
          if (line.startsWith('ADD ')) added.push(line.slice(4))
          if (line === 'INC') incs++
        }
        if (added.length >= killAfterAcks && !child.killed) {
          child.kill('SIGKILL')
          resolve()
        }
      })
      child.on('exit', (code) => {
        if (!child.killed) reject(new Error(`child exited early (${code}): ${stderr}`))
      })
    })
    await exited
    fs.rmSync(script, { force: true })
    return { added, incs }
  }

  test('every acknowledged write is there after SIGKILL mid-write (repeatedly, with compactions)', async () => {
    const allAcked: string[] = []
    let totalIncs = 0
    for (let round = 0; round < 3; round++) {
      const { added, incs } = await runAndKill(round * 100_000, 150 + round * 120)
      allAcked.push(...added)
      totalIncs += incs
      const s = await openStore()
      const db = s.database()
      const present = new Set<unknown>()
      for (;;) {
        const { data } = await db.collection('acks').orderBy('_id', 'asc').skip(present.size).limit(1000).get()
        for (const d of data) present.add(d._id)
        if (data.length < 1000) break
      }
      for (const id of allAcked) expect(present.has(id)).toBe(true)
      const { data: counter } = await db.collection('counters').doc('c').get()
      // every acknowledged increment is there; at most the 8 in flight at the kill may be too
      expect(counter.n).toBeGreaterThanOrEqual(totalIncs)
      expect(counter.n).toBeLessThanOrEqual(totalIncs + 8 * (round + 1))
      totalIncs = counter.n
      const sample = await db.collection('acks').doc(allAcked[0]).get()
      expect(sample.data.at).toBeInstanceOf(Date)
      await closeStore(s)
    }
  }, 120_000)
})

/**
 * Every journal flush goes through FileHandle.datasync: counting and holding it shows when the store
 * answers relative to durability.
 */
async function syncSpy(): Promise<{ calls(): number; hold(): void; release(): void; restore(): void }> {
  const probe = await fs.promises.open(path.join(dir, 'probe'), 'w')
  const proto = Object.getPrototypeOf(probe) as { datasync(): Promise<void> }
  await probe.close()
  const original = proto.datasync
  let calls = 0
  let gate: Promise<void> | undefined
  let open: (() => void) | undefined
  proto.datasync = async function (this: unknown) {
    calls++
    if (gate) await gate
    return original.call(this)
  }
  return {
    calls: () => calls,
    hold() {
      gate = new Promise((resolve) => (open = resolve))
    },
    release() {
      open?.()
      gate = undefined
    },
    restore() {
      open?.()
      proto.datasync = original
    },
  }
}

/** Whether a promise has settled after the event loop had a chance to run. */
async function settledYet(p: Promise<unknown>): Promise<boolean> {
  let done = false
  p.then(
    () => (done = true),
    () => (done = true),
  )
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  return done
}

describe('durable before answered', () => {
  test('no answer reveals a write before it is on disk: not a read, not a duplicate insert, not an update', async () => {
    const s = await openStore()
    const db = s.database()
    await db.collection('checkins').add({ data: { _id: 'seed', n: 0 } })
    const spy = await syncSpy()
    try {
      spy.hold()
      const write = db.collection('checkins').add({ data: { _id: 'm1_2026-11-23', n: 1 } })
      const read = db.collection('checkins').doc('m1_2026-11-23').get()
      const duplicate = db.collection('checkins').add({ data: { _id: 'm1_2026-11-23', n: 2 } })
      const counted = db.collection('checkins').where({ n: 1 }).count()
      const conditional = db
        .collection('checkins')
        .where({ _id: 'm1_2026-11-23', n: 1 })
        .update({ data: { n: 3 } })
      for (const p of [write, read, duplicate, counted, conditional]) expect(await settledYet(p)).toBe(false)
      spy.release()
      await write
      expect((await read).data).toMatchObject({ n: 1 })
      await expect(duplicate).rejects.toThrow('duplicate key')
      expect((await counted).total).toBe(1)
      expect((await conditional).stats.updated).toBe(1)
    } finally {
      spy.restore()
    }
  })

  test('a read waits only for the writes applied before it', async () => {
    const s = await openStore()
    const db = s.database()
    await db.collection('a').add({ data: { _id: 'x' } })
    const spy = await syncSpy()
    try {
      // Nothing pending: a read answers at once.
      expect(await settledYet(db.collection('a').doc('x').get())).toBe(true)
      spy.hold()
      void db.collection('b').add({ data: { _id: 'y' } })
      const read = db.collection('a').doc('x').get()
      // A write was applied before the read: the read waits for it, whatever it touched.
      expect(await settledYet(read)).toBe(false)
      spy.release()
      expect((await read).data).toEqual({ _id: 'x' })
    } finally {
      spy.restore()
    }
  })
})

describe('throughput', () => {
  test('many concurrent writes share journal flushes', async () => {
    const s = await openStore()
    const db = s.database()
    const spy = await syncSpy()
    try {
      await Promise.all(Array.from({ length: 20_000 }, (_v, i) => db.collection('bulk').add({ data: { i, tag: `t${i % 10}` } })))
      expect((await db.collection('bulk').where({ tag: 't3' }).count()).total).toBe(2000)
      // One flush serves every write that arrived while the previous one was running.
      expect(spy.calls()).toBeLessThan(2000)
      const lines = fs.readFileSync(lastJournal(), 'utf8').split('\n').filter(Boolean)
      expect(lines).toHaveLength(20_000)
    } finally {
      spy.restore()
    }
  }, 60_000)
})
