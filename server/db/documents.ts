import { isDuplicateKeyError, isNotFoundError, type CloudDatabase, type Collection, type Query, type QueryCondition } from './types'

/**
 * A document by id, or undefined when it does not exist (the cloud rejects a missing `doc().get()`);
 * with `paths` (dotted), only those parts of it.
 */
export async function findDoc<T>(db: CloudDatabase, collection: string, id: string, paths?: string[]): Promise<T | undefined> {
  try {
    const ref = db.collection(collection).doc(id)
    const { data } = await (paths ? ref.field(Object.fromEntries(paths.map((p) => [p, true]))) : ref).get()
    return data as T
  } catch (err) {
    if (isNotFoundError(err)) return undefined
    throw err
  }
}

/** Ids become field names: `.`, `$` and `%` would change a path, so they are escaped. */
export const fieldKey = (id: string) => id.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
export const unfieldKey = (key: string) => key.replace(/%([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))

/** A query for the documents meeting every condition (none: the whole collection). */
export function matching(db: CloudDatabase, collection: string, conditions: QueryCondition[]): Query | Collection {
  const all = conditions.filter((c) => Object.keys(c).length > 0)
  const coll = db.collection(collection)
  if (all.length === 0) return coll
  return coll.where(all.length === 1 ? all[0] : db.command.and(...all))
}

/**
 * Adds a document under its derived `_id` unless it exists: a repeated write of the same record is
 * a no-op. True when this call added it.
 */
export async function addOnce(db: CloudDatabase, collection: string, doc: { _id: string }): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc })
    return true
  } catch (err) {
    if (isDuplicateKeyError(err)) return false
    throw err
  }
}

/**
 * The documents of `collection` among `ids` (at most 1,000), by id, with only `fields` when given: one
 * `_.in` query. (`findByIds` reads a batch by the range of its ids: right for member ids, not for
 * hashed ones such as a notification's, whose range spans the whole collection.)
 */
export async function docsByIds<T extends { _id: string }>(
  db: CloudDatabase,
  collection: string,
  ids: string[],
  fields?: Record<string, true>,
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map()
  const query = db
    .collection(collection)
    .where({ _id: db.command.in(ids) })
    .limit(ids.length)
  const { data } = await (fields ? query.field({ ...fields, _id: true }) : query).get()
  return new Map((data as T[]).map((d) => [String(d._id), d]))
}

/** Which of `ids` (at most 1,000) are documents of `collection`: one query. */
export async function existingIds(db: CloudDatabase, collection: string, ids: string[]): Promise<Set<string>> {
  return new Set((await docsByIds(db, collection, ids, { _id: true })).keys())
}

/** Documents an insert request carries at most (the cloud documents no limit; this keeps a request small). */
const ADD_CHUNK = 100

/**
 * Adds the documents under their derived `_id`s, a chunk a request, skipping those that exist: a
 * batch job's rows or messages, written again after a stop, are no-ops. When a request meets a
 * duplicate, one query finds which of the chunk exist and the rest are added again. Answers, for
 * each document, whether it is new: a document this call inserted before a duplicate stopped the
 * request (an engine that inserts in part) counts as found.
 */
export async function addEach(db: CloudDatabase, collection: string, docs: { _id: string }[]): Promise<boolean[]> {
  const found = new Set<string>()
  for (let i = 0; i < docs.length; i += ADD_CHUNK) {
    let left = docs.slice(i, i + ADD_CHUNK)
    while (left.length > 0) {
      try {
        await db.collection(collection).add({ data: left })
        break
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err
        const there = await existingIds(
          db,
          collection,
          left.map((d) => d._id),
        )
        if (there.size === 0) throw err
        for (const id of there) found.add(id)
        left = left.filter((d) => !found.has(d._id))
      }
    }
  }
  return docs.map((d) => !found.has(d._id))
}

/**
 * Every document meeting `where`, read 1,000 at a time in `_id` order (a keyset: none is missed or
 * read twice), with only `fields` when given.
 */
export async function readAll<T>(db: CloudDatabase, collection: string, where: QueryCondition, fields?: Record<string, true>): Promise<T[]> {
  const _ = db.command
  const found: T[] = []
  let after = ''
  for (;;) {
    const query = db
      .collection(collection)
      .where(_.and([where, { _id: _.gt(after) }]))
      .orderBy('_id', 'asc')
      .limit(1000)
    const { data } = await (fields ? query.field({ ...fields, _id: true }) : query).get()
    found.push(...(data as T[]))
    if (data.length < 1000) return found
    after = String(data[data.length - 1]._id)
  }
}
