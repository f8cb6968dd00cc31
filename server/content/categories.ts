import type { Category } from '../../types'
import type { Member } from '../members'
import { findDoc } from '../db/documents'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { authorize, ORGANISATION } from '../permissions'

export const CATEGORIES = 'categories'

/** The categories (分类) in their display order; they are data, seeded or imported. */
export async function loadCategories(db: CloudDatabase): Promise<Category[]> {
  const { data } = await db.collection(CATEGORIES).orderBy('order', 'asc').orderBy('_id', 'asc').limit(100).get()
  return (data as Category[]).map(({ _id, name, order }) => ({ _id, name, order }))
}

export async function listCategories(db: CloudDatabase, caller: Member): Promise<Category[]> {
  authorize(caller, 'articles.read', ORGANISATION)
  return loadCategories(db)
}

export async function categoryNames(db: CloudDatabase): Promise<Map<string, string>> {
  return new Map((await loadCategories(db)).map((c) => [c._id, c.name]))
}

export async function requireCategory(db: CloudDatabase, id: string): Promise<Category> {
  const doc = await findDoc<Category>(db, CATEGORIES, id)
  if (!doc) throw new AppError('INVALID_INPUT', '没有这个分类，请重新选择')
  return doc
}
