import type { ContentKind } from '../../types'
import type { CloudDatabase } from '../db/types'
import { AppError } from '../errors'
import { ARTICLES, BOOKS, requireArticle, requireBook } from './docs'
import { auditContent, type Editor } from './editing'

/** Recommends (推荐) an article or a book, or stops recommending it; a retired one cannot be. */
export async function writeRecommended(db: CloudDatabase, editor: Editor, now: Date, input: { kind: ContentKind; id: string; recommended: boolean }) {
  const before = input.kind === 'article' ? await requireArticle(db, input.id) : await requireBook(db, input.id)
  if (input.recommended && before.status === 'retired') throw new AppError('CONFLICT', '已下线的内容不能推荐')
  if (before.recommended !== input.recommended) {
    await db
      .collection(input.kind === 'article' ? ARTICLES : BOOKS)
      .doc(input.id)
      .update({ data: { recommended: input.recommended, updatedAt: now.toISOString() } })
    await auditContent(
      db,
      editor,
      now,
      input.kind === 'article' ? 'article.recommend' : 'book.recommend',
      { type: input.kind, id: input.id, name: before.title },
      { recommended: before.recommended },
      { recommended: input.recommended },
    )
  }
  return { kind: input.kind, id: input.id, recommended: input.recommended }
}
