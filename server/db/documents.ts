import { isNotFoundError, type CloudDatabase } from './types'

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
