import { addEach, addOnce, existingIds, fieldKey } from './documents'
import type { CloudDatabase } from './types'

/** Where a counter document marks what holds one of its slots (a post, a message): `holders.<holder>`. */
export const holderPath = (holder: string) => `holders.${fieldKey(holder)}`

/** A counter document: its id, and the fields it is created with. */
export interface Counter {
  _id: string
  fields: Record<string, unknown>
}

/**
 * Takes one of `cap` slots in each counter document of `collection` for one holder (a post, a
 * message, and every attempt at it): `count` moves only by a conditional `inc` below the cap, with
 * the holder marked `holders.<holder>` in the same update, so concurrent takers never take more slots
 * than there are and a holder's slot is taken once however many attempts ask. A first taker creates
 * the document holding its slot. Answers the ids of the counters whose slot the holder has.
 *
 * Round trips do not grow with the counters: a lone counter is tried as new first (the common first
 * taker: one write); a batch first looks which exist, so that those do not stop the insert of the
 * rest; then one update takes a slot in every existing one, and one query tells which hold it when
 * not all could.
 */
export async function takeSlotsOnce(db: CloudDatabase, collection: string, counters: Counter[], cap: number, holder: string): Promise<Set<string>> {
  const held = new Set<string>()
  if (cap < 1 || counters.length === 0) return held
  const created = (c: Counter) => ({ ...c.fields, _id: c._id, count: 1, holders: { [fieldKey(holder)]: true } })
  if (counters.length === 1) {
    if (await addOnce(db, collection, created(counters[0]))) held.add(counters[0]._id)
  } else {
    const existing = await existingIds(
      db,
      collection,
      counters.map((c) => c._id),
    )
    const fresh = counters.filter((c) => !existing.has(c._id))
    const added = await addEach(db, collection, fresh.map(created))
    fresh.forEach((c, i) => added[i] && held.add(c._id))
  }
  const rest = counters.map((c) => c._id).filter((id) => !held.has(id))
  if (rest.length === 0) return held
  const _ = db.command
  const path = holderPath(holder)
  const { stats } = await db
    .collection(collection)
    .where({ _id: _.in(rest), count: _.lt(cap), [path]: _.exists(false) })
    .update({ data: { count: _.inc(1), [path]: true } })
  if (stats.updated === rest.length) return new Set(counters.map((c) => c._id))
  // Not all taken now: held already (by an earlier or concurrent attempt), or none left.
  const { data } = await db
    .collection(collection)
    .where({ _id: _.in(rest), [path]: true })
    .field({ _id: true })
    .limit(rest.length)
    .get()
  for (const d of data) held.add(String(d._id))
  return held
}

/** `takeSlotsOnce` for one counter: true when the holder has its slot. */
export async function takeSlotOnce(
  db: CloudDatabase,
  collection: string,
  _id: string,
  fields: Record<string, unknown>,
  cap: number,
  holder: string,
): Promise<boolean> {
  return (await takeSlotsOnce(db, collection, [{ _id, fields }], cap, holder)).has(_id)
}

/** Gives back the slot `holder` took in each of the counters (those where it holds none are untouched). */
export async function releaseSlots(db: CloudDatabase, collection: string, ids: string[], holder: string): Promise<void> {
  if (ids.length === 0) return
  const _ = db.command
  const path = holderPath(holder)
  await db
    .collection(collection)
    .where({ _id: _.in(ids), [path]: true })
    .update({ data: { count: _.inc(-1), [path]: _.remove() } })
}
