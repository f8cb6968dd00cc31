import { fieldKey } from './documents'
import { isDuplicateKeyError, type CloudDatabase } from './types'

/**
 * Takes one of `cap` slots counted in the document `_id` of `collection` (created at 0 with `fields`
 * when missing): `count` moves only by a conditional `inc` below the cap, so concurrent takers never
 * take more slots than there are. False when all are taken.
 */
export async function takeSlot(db: CloudDatabase, collection: string, _id: string, fields: Record<string, unknown>, cap: number): Promise<boolean> {
  await ensureCounter(db, collection, _id, fields)
  const _ = db.command
  const { stats } = await db
    .collection(collection)
    .where({ _id, count: _.lt(cap) })
    .update({ data: { count: _.inc(1) } })
  return stats.updated === 1
}

/** Where a counter document marks what holds one of its slots (a post, a message): `holders.<holder>`. */
export const holderPath = (holder: string) => `holders.${fieldKey(holder)}`

/**
 * `takeSlot` for one holder (a post and every attempt at it): its slot is taken once however many
 * attempts ask, at once or one after another, marked `holders.<holder>` in the same conditional
 * update. True when the holder has its slot.
 */
export async function takeSlotOnce(
  db: CloudDatabase,
  collection: string,
  _id: string,
  fields: Record<string, unknown>,
  cap: number,
  holder: string,
): Promise<boolean> {
  await ensureCounter(db, collection, _id, fields)
  const _ = db.command
  const path = holderPath(holder)
  const { stats } = await db
    .collection(collection)
    .where({ _id, count: _.lt(cap), [path]: _.exists(false) })
    .update({ data: { count: _.inc(1), [path]: true } })
  if (stats.updated === 1) return true
  // Not taken now: held already (by an earlier or concurrent attempt), or none left.
  const { total } = await db
    .collection(collection)
    .where({ _id, [path]: true })
    .count()
  return total === 1
}

async function ensureCounter(db: CloudDatabase, collection: string, _id: string, fields: Record<string, unknown>): Promise<void> {
  try {
    await db.collection(collection).add({ data: { ...fields, _id, count: 0 } })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
}
