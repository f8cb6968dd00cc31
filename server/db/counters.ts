import { isDuplicateKeyError, type CloudDatabase } from './types'

/**
 * Takes one of `cap` slots counted in the document `_id` of `collection` (created at 0 with `fields`
 * when missing): `count` moves only by a conditional `inc` below the cap, so concurrent takers never
 * take more slots than there are. False when all are taken.
 */
export async function takeSlot(
  db: CloudDatabase,
  collection: string,
  _id: string,
  fields: Record<string, unknown>,
  cap: number,
): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: { ...fields, _id, count: 0 } })
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
  const _ = db.command
  const { stats } = await db
    .collection(collection)
    .where({ _id, count: _.lt(cap) })
    .update({ data: { count: _.inc(1) } })
  return stats.updated === 1
}
