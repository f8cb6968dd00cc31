import type { CloudDatabase, Projection, QueryCondition } from '../db/types'
import { STUDY_LEDGERS, type LedgerDoc } from '../study/ledger'
import { BATCH_SIZE } from './batched-job'

/** Up to this many ids are asked for by `_.in`; more (a job's batch) by their range. */
const IN_LIMIT = 100

/**
 * The documents whose `field` is one of `ids` (and that match `where`), however many: a few ids by
 * `_.in`, a batch of ids by the range they span, paged 1,000 at a time. A range is what an index
 * serves best (and the local store scans `_.in` of a thousand values slowly); documents in the
 * range whose `field` is not in `ids` (members between them who are not in the batch) are dropped.
 */
export async function findByIds<T extends { _id?: unknown }>(
  db: CloudDatabase,
  collection: string,
  field: string,
  ids: string[],
  where: Record<string, unknown> = {},
  projection?: Projection,
): Promise<T[]> {
  if (ids.length === 0) return []
  const _ = db.command
  const sorted = [...ids].sort()
  const match = ids.length <= IN_LIMIT ? _.in(sorted) : _.gte(sorted[0]).and(_.lte(sorted[sorted.length - 1]))
  const wanted = new Set(ids)
  const out: T[] = []
  let after: string | null = null
  for (;;) {
    const conditions: QueryCondition[] = [{ ...where, [field]: match }]
    if (after !== null) conditions.push({ _id: _.gt(after) })
    let query = db.collection(collection).where(conditions.length === 1 ? conditions[0] : _.and(...conditions))
    if (projection) query = query.field({ ...projection, _id: true, [field]: true })
    const { data } = await query.orderBy('_id', 'asc').limit(BATCH_SIZE).get()
    out.push(...(data as T[]).filter((d) => wanted.has(String((d as Record<string, unknown>)[field]))))
    if (data.length < BATCH_SIZE) return out
    after = String(data[data.length - 1]._id)
  }
}

/** The parts named by `paths` of many members' study ledgers, by member id. */
export async function readLedgers(db: CloudDatabase, memberIds: string[], paths: string[]): Promise<Map<string, Partial<LedgerDoc>>> {
  const projection: Projection = Object.fromEntries(paths.map((p) => [p, true]))
  const docs = await findByIds<Partial<LedgerDoc>>(db, STUDY_LEDGERS, '_id', memberIds, {}, projection)
  return new Map(docs.map((doc) => [String(doc._id), doc]))
}
