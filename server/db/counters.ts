import { fieldKey } from './documents'
import { isDuplicateKeyError, type CloudDatabase } from './types'

/** Where a counter document marks what holds one of its slots (a post, a message): `holders.<holder>`. */
export const holderPath = (holder: string) => `holders.${fieldKey(holder)}`

/**
 * Takes one of `cap` slots counted in the document `_id` of `collection` for one holder (a post and
 * every attempt at it): `count` moves only by a conditional `inc` below the cap, with the holder
 * marked `holders.<holder>` in the same update, so concurrent takers never take more slots than
 * there are and a holder's slot is taken once however many attempts ask. The first taker creates the
 * document holding its slot: one write. True when the holder has its slot.
 */
export async function takeSlotOnce(
  db: CloudDatabase,
  collection: string,
  _id: string,
  fields: Record<string, unknown>,
  cap: number,
  holder: string,
): Promise<boolean> {
  if (cap < 1) return false
  try {
    await db.collection(collection).add({ data: { ...fields, _id, count: 1, holders: { [fieldKey(holder)]: true } } })
    return true
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err
  }
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
