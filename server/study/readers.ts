import type { DayKey, LibraryKind } from '../../types'
import { isDuplicateKeyError, type CloudDatabase } from '../db/types'

/**
 * 热门: how many members read a book or an article on each Shanghai day, one small counter document
 * per item per day (`libraryReads/<kind>_<id>_<day>`), counted once per member per day (the first
 * heartbeat that credits time). The ranking sums the last 30 days' counters in one aggregate. It is
 * a popularity signal, not a study record: a count lost to a failure between the ledger update and
 * this one is not repaired.
 */
export const LIBRARY_READS = 'libraryReads'
export const HOT_DAYS = 30

interface ReadsDoc {
  _id: string
  kind: LibraryKind
  targetId: string
  categoryId: string
  day: DayKey
  readers: number
}

export async function countReader(db: CloudDatabase, kind: LibraryKind, targetId: string, categoryId: string, day: DayKey): Promise<void> {
  const _id = `${kind}_${targetId}_${day}`
  const inc = () =>
    db
      .collection(LIBRARY_READS)
      .where({ _id })
      .update({ data: { readers: db.command.inc(1) } })
  if ((await inc()).stats.updated === 1) return
  const doc: ReadsDoc = { _id, kind, targetId, categoryId, day, readers: 1 }
  try {
    await db.collection(LIBRARY_READS).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
    await inc()
  }
}

export interface Ranked {
  id: string
  readers: number
}

/** Most read first (ties by id), after `after` (keyset), at most `limit`. */
export async function hotRanking(
  db: CloudDatabase,
  options: { kind: LibraryKind; since: DayKey; categoryId?: string; after?: Ranked; limit: number },
): Promise<Ranked[]> {
  const _ = db.command
  const $ = _.aggregate
  let pipeline = db
    .collection(LIBRARY_READS)
    .aggregate()
    .match({ kind: options.kind, day: _.gte(options.since), ...(options.categoryId ? { categoryId: options.categoryId } : {}) })
    .group({ _id: '$targetId', readers: $.sum('$readers') })
  const after = options.after
  if (after) pipeline = pipeline.match(_.or([{ readers: _.lt(after.readers) }, { readers: after.readers, _id: _.gt(after.id) }]))
  const { list } = await pipeline.sort({ readers: -1, _id: 1 }).limit(options.limit).end<{ _id: string; readers: number }>()
  return list.map((r) => ({ id: r._id, readers: r.readers }))
}
