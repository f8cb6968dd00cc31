import { isNotFoundError, type CloudDatabase, type Collection, type Query, type QueryCondition } from './types'

/** A document by id, or undefined when it does not exist (the cloud rejects a missing `doc().get()`). */
export async function findDoc<T>(db: CloudDatabase, collection: string, id: string): Promise<T | undefined> {
  try {
    const { data } = await db.collection(collection).doc(id).get()
    return data as T
  } catch (err) {
    if (isNotFoundError(err)) return undefined
    throw err
  }
}

/** A query for the documents meeting every condition (none: the whole collection). */
export function matching(db: CloudDatabase, collection: string, conditions: QueryCondition[]): Query | Collection {
  const all = conditions.filter((c) => Object.keys(c).length > 0)
  const coll = db.collection(collection)
  if (all.length === 0) return coll
  return coll.where(all.length === 1 ? all[0] : db.command.and(...all))
}
